--liquibase formatted sql

--changeset collection-orchestrator:008-payment-refund
-- REFUND_REQUESTED: credit control decided in "Match payment" that an unmatched payment goes back to the payer. The
-- payment was never booked on an invoice, so no ledger entry and no audit entry change; the row says when and why.
alter table payment drop constraint payment_status_check;
alter table payment add constraint payment_status_check
    check (status in ('MATCHED', 'UNMATCHED', 'REFUND_REQUESTED'));
alter table payment add column refund_requested_at timestamptz;
alter table payment add column refund_note varchar(500);
alter table payment add constraint payment_refund_only_when_requested
    check ((status = 'REFUND_REQUESTED') = (refund_requested_at is not null));
