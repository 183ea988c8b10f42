--liquibase formatted sql

--changeset collection-orchestrator:006-dunning-holds
-- A hold stops dunning until it is lifted: DISPUTED until finance resolves the dispute, PAUSED until paused_until
-- (or an earlier resume). The counters number an invoice's disputes and pauses: audit entries and engine message ids
-- carry the number, so a repeated request or job is recognised.
alter table invoice add column dunning_hold varchar(16) check (dunning_hold in ('DISPUTED', 'PAUSED'));
alter table invoice add column paused_until date;
alter table invoice add column dispute_count integer not null default 0 check (dispute_count >= 0);
alter table invoice add column pause_count integer not null default 0 check (pause_count >= 0);
alter table invoice add constraint invoice_paused_until_only_when_paused
    check ((dunning_hold is not distinct from 'PAUSED') = (paused_until is not null));
