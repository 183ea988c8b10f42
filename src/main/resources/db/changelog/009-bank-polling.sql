--liquibase formatted sql

--changeset collection-orchestrator:009-bank-polling
-- Bank statement polling: per creditor and account, the last statement imported (the "after" of the next listing),
-- and every statement imported, so one the bank lists again is not imported twice. Both are written in the
-- transaction of the statement's import; the cursor row is also the lock that keeps two pollers of one account apart.
create table bank_statement_cursor (
    creditor_id       varchar(64)  not null references creditor (id),
    account           varchar(64)  not null,
    last_statement_id varchar(200),
    last_imported_at  timestamptz,
    primary key (creditor_id, account)
);
create table polled_bank_statement (
    creditor_id      varchar(64)  not null references creditor (id),
    account          varchar(64)  not null,
    statement_id     varchar(200) not null,
    imported_at      timestamptz  not null,
    message_id       varchar(200),
    payments_created integer      not null default 0,
    primary key (creditor_id, account, statement_id)
);
