--liquibase formatted sql

--changeset collection-orchestrator:013-invoice-status
-- Hand-over to a collection agency adds three statuses; the list is now a constraint so a typo cannot be stored.
alter table invoice add constraint invoice_status_check check (status in (
    'OPEN', 'SETTLED', 'READY_FOR_COLLECTION', 'COLLECTION_APPROVED', 'WRITTEN_OFF', 'CREDITED', 'CANCELLED',
    'HANDED_OVER', 'RECALLED', 'UNCOLLECTABLE'));
drop index invoice_awaiting_payment_by_amount;
create index invoice_awaiting_payment_by_amount on invoice (creditor_id, currency, amount)
    where status in ('OPEN', 'READY_FOR_COLLECTION', 'COLLECTION_APPROVED', 'HANDED_OVER', 'RECALLED', 'UNCOLLECTABLE');

--changeset collection-orchestrator:013-agency
-- A creditor's collection agencies. The signing secret is never stored: secret_ref names the setting
-- collection.agencies.secrets.<ref> (an environment variable in production) that holds it.
create table collection_agency (
    id             varchar(64)   primary key,
    creditor_id    varchar(64)   not null references creditor (id),
    name           varchar(200)  not null,
    webhook_url    varchar(2000) not null,
    secret_ref     varchar(64)   not null,
    countries      varchar(2)[]  not null,
    segments       varchar(16)[] not null,
    minimum_amount numeric(19,4) not null check (minimum_amount >= 0),
    updated_at     timestamptz   not null
);
create index collection_agency_by_creditor on collection_agency (creditor_id);

-- When the creditor's weekly hand-over review opens and how long staff have to stop invoices.
create table hand_over_settings (
    creditor_id     varchar(64)  primary key references creditor (id),
    review_day      varchar(9)   not null,
    review_time     time         not null,
    approval_window varchar(32)  not null,
    notify_email    varchar(320),
    updated_at      timestamptz  not null
);

--changeset collection-orchestrator:013-collection-case
-- One hand-over of one invoice to one agency; an invoice has at most one case that is not closed.
create table collection_case (
    id                   uuid          primary key,
    invoice_id           uuid          not null references invoice (id),
    creditor_id          varchar(64)   not null references creditor (id),
    agency_id            varchar(64)   references collection_agency (id),
    status               varchar(16)   not null check (status in ('APPROVED', 'HANDED_OVER', 'OPENED', 'RECALL_REQUESTED', 'CLOSED')),
    agency_status        varchar(64),
    agency_reference     varchar(128),
    review_id            varchar(64),
    approved_at          timestamptz   not null,
    handed_over_at       timestamptz,
    recall_reason        varchar(500),
    closed_at            timestamptz,
    close_outcome        varchar(16)   check (close_outcome in ('PAID', 'UNCOLLECTABLE', 'RECALLED', 'SETTLED')),
    constraint collection_case_closed check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index collection_case_open_per_invoice on collection_case (invoice_id) where closed_at is null;

-- Every callback an agency sent that we accepted, by the agency's event id: a replay is refused (409).
create table agency_event (
    agency_id   varchar(64)  not null references collection_agency (id),
    event_id    varchar(128) not null,
    event_type  varchar(32)  not null,
    case_id     uuid         not null references collection_case (id),
    received_at timestamptz  not null,
    -- a payment-collected event: the bank transaction id its payment was registered under (never reported back)
    payment_transaction_id varchar(100),
    primary key (agency_id, event_id)
);

-- The "hand-over list ready" email of each review, claimed once: a repeated job sends no second email.
create table hand_over_mail (
    review_id  varchar(64)  primary key,
    sent_to    varchar(320) not null,
    sent_at    timestamptz  not null
);

-- Each payment that reached the creditor while the case was at the agency, reported to the agency once.
create table agency_payment_report (
    case_id     uuid         not null references collection_case (id),
    source      varchar(200) not null,
    reported_at timestamptz  not null,
    primary key (case_id, source)
);
