--liquibase formatted sql

--changeset collection-orchestrator:005-ledger-component
-- Which part of the claim an entry belongs to: a charge its own, a reduction the one it pays. Every entry written
-- before this change is principal (no fee, interest or compensation had been charged), so the default fills them
-- without rewriting a row; it is dropped so that every new entry names its component.
alter table ledger_entry add column component varchar(16) not null default 'PRINCIPAL';
alter table ledger_entry alter column component drop default;
alter table ledger_entry add constraint ledger_entry_component_check
    check (component in ('PRINCIPAL', 'FEES', 'INTEREST', 'COMPENSATION'));
-- A charge can only be its own component; entries on the customer's own account (over-payment credit) count as principal.
alter table ledger_entry add constraint ledger_entry_charge_component
    check (entry_type in ('PAYMENT', 'CREDIT', 'WRITE_OFF')
        or (entry_type = 'PRINCIPAL' and component = 'PRINCIPAL')
        or (entry_type = 'FEE' and component = 'FEES')
        or (entry_type = 'INTEREST' and component = 'INTEREST')
        or (entry_type = 'COMPENSATION' and component = 'COMPENSATION'));

--changeset collection-orchestrator:005-creditor-policy
alter table creditor add column payment_order varchar(32) not null default 'COSTS_INTEREST_PRINCIPAL'
    check (payment_order in ('COSTS_INTEREST_PRINCIPAL', 'INTEREST_COSTS_PRINCIPAL', 'PRINCIPAL_INTEREST_COSTS'));
alter table creditor add column waive_costs_when_principal_paid boolean not null default false;
alter table creditor add column minimum_reminder_amount numeric(19,4) not null default 0 check (minimum_reminder_amount >= 0);
alter table creditor add column write_off_tolerance numeric(19,4) not null default 0 check (write_off_tolerance >= 0);
alter table creditor add column grace_banking_days integer not null default 0 check (grace_banking_days between 0 and 10);
alter table creditor add column collection_model varchar(16) not null default 'OWN_NOTICE'
    check (collection_model in ('OWN_NOTICE', 'AGENCY_NOTICE'));
alter table creditor add column bank_account varchar(50);

--changeset collection-orchestrator:005-customer-flags
alter table customer add column reminder_fee_agreed boolean not null default false;
-- Set: the customer is followed up by hand, not by automatic dunning, for this reason.
alter table customer add column manual_follow_up_reason varchar(200);
