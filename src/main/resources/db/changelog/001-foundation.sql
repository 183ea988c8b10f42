--liquibase formatted sql

--changeset collection-orchestrator:001-creditor
create table creditor (
    id                    varchar(64)  primary key,
    name                  varchar(200) not null,
    country               char(2)      not null check (country in ('NO', 'DK', 'SE', 'FI')),
    currency              char(3)      not null,
    language              varchar(8)   not null,
    time_zone             varchar(64)  not null,
    reminder_fee_agreed   boolean      not null default false,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);

--changeset collection-orchestrator:001-customer
create table customer (
    creditor_id  varchar(64)  not null references creditor (id),
    id           varchar(64)  not null,
    name         varchar(200) not null,
    segment      varchar(16)  not null check (segment in ('PRIVATE', 'BUSINESS')),
    priority     boolean      not null,
    country      char(2)      not null,
    language     varchar(8)   not null,
    email        varchar(320),
    updated_at   timestamptz  not null,
    primary key (creditor_id, id)
);

--changeset collection-orchestrator:001-invoice
create table invoice (
    id                     uuid          primary key,
    creditor_id            varchar(64)   not null references creditor (id),
    invoice_number         varchar(64)   not null,
    customer_id            varchar(64)   not null,
    issue_date             date          not null,
    due_date               date          not null,
    currency               char(3)       not null,
    amount                 numeric(19,4) not null check (amount > 0),
    payment_reference      varchar(35),
    payment_reference_type varchar(16),
    status                 varchar(32)   not null,
    process_instance_key   bigint,
    request_fingerprint    varchar(64)   not null,
    registered_at          timestamptz   not null,
    constraint invoice_number_per_creditor unique (creditor_id, invoice_number),
    constraint invoice_customer foreign key (creditor_id, customer_id) references customer (creditor_id, id),
    constraint invoice_due_after_issue check (due_date >= issue_date)
);
create unique index invoice_payment_reference_per_creditor on invoice (creditor_id, payment_reference)
    where payment_reference is not null;
create index invoice_by_creditor_status on invoice (creditor_id, status, registered_at);
create index invoice_without_process on invoice (registered_at) where process_instance_key is null;

--changeset collection-orchestrator:001-ledger
-- Append-only: a balance is the sum of entries, never an updated column.
-- Entries with invoice_id null are the customer's own account (credit from over-payments).
create table ledger_entry (
    id           bigserial     primary key,
    creditor_id  varchar(64)   not null,
    customer_id  varchar(64)   not null,
    invoice_id   uuid          references invoice (id),
    entry_type   varchar(16)   not null check (entry_type in ('PRINCIPAL', 'PAYMENT', 'FEE', 'INTEREST', 'CREDIT', 'WRITE_OFF')),
    amount       numeric(19,4) not null,
    currency     char(3)       not null,
    booking_date date          not null,
    source       varchar(200)  not null,
    recorded_at  timestamptz   not null
);
create index ledger_by_invoice on ledger_entry (invoice_id);
create index ledger_by_customer on ledger_entry (creditor_id, customer_id);

--changeset collection-orchestrator:001-ledger-append-only splitStatements:false
create or replace function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only: % is not allowed', tg_op;
end;
$$;
create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();

--changeset collection-orchestrator:001-payment
create table payment (
    id                  uuid          primary key,
    creditor_id         varchar(64)   not null references creditor (id),
    bank_transaction_id varchar(100)  not null,
    amount              numeric(19,4) not null check (amount > 0),
    currency            char(3)       not null,
    payment_reference   varchar(35),
    requested_invoice_id uuid,
    booking_date        date          not null,
    status              varchar(16)   not null check (status in ('MATCHED', 'UNMATCHED')),
    invoice_id          uuid          references invoice (id),
    applied_amount      numeric(19,4) not null,
    credited_amount     numeric(19,4) not null,
    unmatched_reason    varchar(32),
    request_fingerprint varchar(64)   not null,
    received_at         timestamptz   not null,
    constraint payment_bank_transaction unique (creditor_id, bank_transaction_id)
);

--changeset collection-orchestrator:001-side-effect
-- One row per side effect (letter, fee, webhook, posting); the business key makes a redelivered job a no-op.
create table side_effect (
    business_key varchar(200) primary key,
    invoice_id   uuid         not null references invoice (id),
    kind         varchar(32)  not null,
    payload      text         not null,
    created_at   timestamptz  not null
);
create index side_effect_by_invoice on side_effect (invoice_id, kind);

--changeset collection-orchestrator:001-audit
create table audit_event (
    id          bigserial   primary key,
    invoice_id  uuid        not null references invoice (id),
    at          timestamptz not null,
    event_type  varchar(32) not null,
    details     jsonb       not null
);
create index audit_by_invoice on audit_event (invoice_id, id);
