--liquibase formatted sql

--changeset collection-orchestrator:002-outbox
-- The transactional outbox: every engine command and domain event, written in the transaction of its state change.
-- PENDING rows are sent by the relay in id order per (channel, ordering_key); SENT rows are kept for a while, then
-- deleted; PARKED rows failed too often and wait for an operator (last_error, attempts).
create table outbox_message (
    id              bigserial    primary key,
    channel         varchar(64)  not null,
    ordering_key    varchar(100) not null,
    message_type    varchar(100) not null,
    payload         jsonb        not null,
    created_at      timestamptz  not null default now(),
    status          varchar(8)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'PARKED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index outbox_pending_by_key on outbox_message (channel, ordering_key, id) where status = 'PENDING';
create index outbox_pending_by_id on outbox_message (channel, id) where status = 'PENDING';
create index outbox_sent on outbox_message (sent_at) where status = 'SENT';
