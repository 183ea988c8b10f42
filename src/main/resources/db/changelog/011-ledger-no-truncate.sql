--liquibase formatted sql

--changeset collection-orchestrator:011-ledger-no-truncate
-- TRUNCATE fires no row trigger: without this, any role allowed to truncate could empty the append-only ledger.
create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_entry_is_append_only();
