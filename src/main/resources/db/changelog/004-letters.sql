--liquibase formatted sql

--changeset collection-orchestrator:004-letter
-- Each dunning letter as produced, once per (invoice, letter number): the PDF bytes and their SHA-256 are what the
-- debtor was (or will be) sent, so a row is never updated.
create table letter (
    invoice_id    uuid          not null references invoice (id),
    letter_number int           not null check (letter_number > 0),
    kind          varchar(20)   not null check (kind in ('FRIENDLY_NOTICE', 'REMINDER', 'NOTICE', 'PAYMENT_DEMAND')),
    letter_date   date          not null,
    pay_by        date          not null,
    language      varchar(8)    not null,
    fee           numeric(19,4) not null check (fee >= 0),
    total         numeric(19,4) not null,
    currency      char(3)       not null,
    pdf           bytea         not null,
    sha256        char(64)      not null,
    created_at    timestamptz   not null,
    primary key (invoice_id, letter_number)
);
