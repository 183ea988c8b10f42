--liquibase formatted sql

--changeset collection-orchestrator:012-customer-channels
-- How a customer is reached beyond e-mail (README "Distribution channels").
alter table customer
    add column address_street        varchar(200),
    add column address_postal_code   varchar(16),
    add column address_city          varchar(100),
    add column address_country       char(2),
    add column peppol_participant_id varchar(60),
    add column efaktura_consent      boolean not null default false,
    add column preferred_channel     varchar(16) check (preferred_channel in ('EHF', 'EFAKTURA', 'EMAIL', 'PRINT'));

--changeset collection-orchestrator:012-dispatch
-- One row per attempt to send one document by one channel. The row (and so the id the provider gets as its
-- idempotency key) is stored before anything is sent; request_key is the process's own key for the attempt, so a
-- retried job finds the row it wrote and never sends by a second id.
create table dispatch (
    id                 uuid         primary key,
    request_key        varchar(300) not null unique,
    invoice_id         uuid         not null references invoice (id),
    document_kind      varchar(20)  not null check (document_kind in ('INVOICE', 'CREDIT_NOTE', 'REMINDER', 'COLLECTION_NOTICE')),
    letter_number      int          not null check (letter_number >= 0),
    channel            varchar(16)  not null check (channel in ('EHF', 'EFAKTURA', 'EMAIL', 'PRINT')),
    status             varchar(16)  not null check (status in ('PENDING', 'ACCEPTED', 'DELIVERED', 'BOUNCED', 'REJECTED',
                                                               'TIMED_OUT', 'UNAVAILABLE')),
    detail             text,
    provider_reference varchar(200),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    delivered_at       timestamptz
);
create index dispatch_invoice on dispatch (invoice_id, letter_number);

--changeset collection-orchestrator:012-delivery-report
-- Providers' delivery reports by their event id: a replayed report changes nothing.
create table delivery_report (
    channel     varchar(16)  not null,
    event_id    varchar(200) not null,
    dispatch_id uuid         not null,
    status      varchar(16)  not null,
    received_at timestamptz  not null,
    primary key (channel, event_id)
);

--changeset collection-orchestrator:012-letter-delivery
-- When the letter reached the debtor; the deadlines count from that day (the printed pay_by is kept as sent).
alter table letter
    add column delivered_on date,
    add column deadline     date;

--changeset collection-orchestrator:012-invoice-document
-- The invoice's own document when the ERP sent none: rendered once (PDF with the creditor's logo and payment details,
-- UBL from the same data) and kept with its hashes, as sent.
create table invoice_document (
    invoice_id  uuid        primary key references invoice (id),
    pdf         bytea       not null,
    pdf_sha256  char(64)    not null,
    ubl         bytea       not null,
    ubl_sha256  char(64)    not null,
    created_at  timestamptz not null
);
