--liquibase formatted sql

--changeset collection-orchestrator:010-payment-bank-details
-- What the bank said about the payer, kept for matching by account and for reversals (end-to-end id).
alter table payment add column end_to_end_id varchar(35);
alter table payment add column debtor_name varchar(140);
alter table payment add column debtor_account varchar(34);
alter table payment add column bank_statement_id uuid;
alter table payment add column reversed_at timestamptz;
create index payment_by_debtor_account on payment (creditor_id, debtor_account) where debtor_account is not null;
create index payment_by_status on payment (creditor_id, status, received_at);

--changeset collection-orchestrator:010-payment-allocation
-- Where a payment went: one row per invoice it paid (a payment naming several invoices, or a customer reference
-- paying that customer's invoices oldest first). What was left went to the customer's own account (credited_amount).
create table payment_allocation (
    payment_id  uuid          not null references payment (id),
    invoice_id  uuid          not null references invoice (id),
    amount      numeric(19,4) not null check (amount > 0),
    recovery    boolean       not null default false,
    primary key (payment_id, invoice_id)
);
create index payment_allocation_by_invoice on payment_allocation (invoice_id);

--changeset collection-orchestrator:010-bank-statement
-- Every imported bank file and what it said, transaction by transaction, for reconciliation: the bank's view kept
-- beside the payments booked from it.
create table bank_statement (
    id            uuid          primary key,
    creditor_id   varchar(64)   not null references creditor (id),
    account       varchar(34)   not null,
    message_id    varchar(35)   not null,
    message_type  varchar(20)   not null,
    report_id     varchar(35),
    imported_at   timestamptz   not null
);
create index bank_statement_by_creditor on bank_statement (creditor_id, imported_at);

create table bank_statement_line (
    statement_id     uuid          not null references bank_statement (id),
    line             integer       not null,
    entry            varchar(80)   not null,
    transaction_key  varchar(100)  not null,
    amount           numeric(19,4),
    currency         char(3),
    credit           boolean       not null,
    status           varchar(8),
    reversal         boolean       not null,
    booking_date     date,
    outcome          varchar(16)   not null check (outcome in ('BOOKED', 'DUPLICATE', 'IGNORED', 'QUARANTINED', 'REVERSED')),
    reason           varchar(200),
    payment_id       uuid,
    primary key (statement_id, line)
);
create index bank_statement_line_by_booking on bank_statement_line (booking_date);

--changeset collection-orchestrator:010-payment-status
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('MATCHED', 'UNMATCHED', 'REFUND_REQUESTED', 'REVERSED'));

--changeset collection-orchestrator:010-ledger-recovery
-- RECOVERY: money received on a written-off invoice. It reinstates what the write-off cleared (positive) and the
-- payment pays it (negative), so the balance stays zero and the recovery shows as such. REVERSAL: the bank returned
-- a payment; each amount it had paid is owed again (on the invoice, or taken back from the customer's credit).
alter table ledger_entry drop constraint ledger_entry_entry_type_check;
alter table ledger_entry add constraint ledger_entry_entry_type_check
    check (entry_type in ('PRINCIPAL', 'PAYMENT', 'FEE', 'INTEREST', 'COMPENSATION', 'CREDIT', 'WRITE_OFF', 'RECOVERY', 'REVERSAL'));
alter table ledger_entry drop constraint ledger_entry_charge_component;
alter table ledger_entry add constraint ledger_entry_charge_component
    check (entry_type in ('PAYMENT', 'CREDIT', 'WRITE_OFF', 'RECOVERY', 'REVERSAL')
        or (entry_type = 'PRINCIPAL' and component = 'PRINCIPAL')
        or (entry_type = 'FEE' and component = 'FEES')
        or (entry_type = 'INTEREST' and component = 'INTEREST')
        or (entry_type = 'COMPENSATION' and component = 'COMPENSATION'));

--changeset collection-orchestrator:010-invoice-by-amount
-- Matching by amount and payer looks among a creditor's unpaid invoices of one amount.
create index invoice_awaiting_payment_by_amount on invoice (creditor_id, currency, amount)
    where status in ('OPEN', 'READY_FOR_COLLECTION', 'COLLECTION_APPROVED');
