--liquibase formatted sql

--changeset collection-orchestrator:003-ledger-compensation
alter table ledger_entry drop constraint ledger_entry_entry_type_check;
alter table ledger_entry add constraint ledger_entry_entry_type_check
    check (entry_type in ('PRINCIPAL', 'PAYMENT', 'FEE', 'INTEREST', 'COMPENSATION', 'CREDIT', 'WRITE_OFF'));
