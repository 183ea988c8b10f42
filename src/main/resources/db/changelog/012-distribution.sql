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
