--liquibase formatted sql

--changeset collection-orchestrator:007-creditor-banking
-- The payment references generated when the ERP sends none: scheme, total length (KID and OCR only) and whether a
-- reference names the invoice or the customer. Existing creditors get their country's default.
alter table creditor add column reference_scheme varchar(16);
update creditor set reference_scheme = case country when 'NO' then 'NO_KID_MOD10' when 'SE' then 'SE_OCR_LENGTH'
                                                    when 'DK' then 'DK_FIK71' else 'FI_REF' end;
alter table creditor alter column reference_scheme set not null;
alter table creditor add constraint creditor_reference_scheme check (reference_scheme in
    ('NO_KID_MOD10', 'NO_KID_MOD11', 'SE_OCR', 'SE_OCR_LENGTH', 'DK_FIK71', 'FI_REF', 'RF'));
alter table creditor add column reference_length integer check (reference_length between 2 and 25);
update creditor set reference_length = 10 where reference_scheme in ('NO_KID_MOD10', 'SE_OCR_LENGTH');
alter table creditor add constraint creditor_reference_length_for_kid_and_ocr check (
    (reference_length is not null) = (reference_scheme in ('NO_KID_MOD10', 'NO_KID_MOD11', 'SE_OCR', 'SE_OCR_LENGTH')));
alter table creditor add column reference_target varchar(16) not null default 'INVOICE'
    check (reference_target in ('INVOICE', 'CUSTOMER'));

--changeset collection-orchestrator:007-creditor-bank-account
-- The accounts a creditor's bank statements are for: an IBAN or a national number, normalised (no spaces, dots or
-- hyphens; upper case). position keeps the order the creditor listed them in.
create table creditor_bank_account (
    creditor_id varchar(64) not null references creditor (id) on delete cascade,
    account     varchar(34) not null check (account ~ '^[A-Z0-9]{5,34}$'),
    currency    char(3)     not null,
    position    integer     not null,
    primary key (creditor_id, account)
);

--changeset collection-orchestrator:007-reference-numbers
-- The internal numbers generated references are built on, shared by all creditors (a KID of length 10 holds numbers
-- below 10^9). Starting at 1000 keeps Finnish references free of leading zeros.
create sequence payment_reference_number start with 1000;

--changeset collection-orchestrator:007-customer-reference
-- A customer's one fixed reference when its creditor's references name the customer, generated at its first invoice.
alter table customer add column payment_reference varchar(35);
alter table customer add column payment_reference_type varchar(16);
create unique index customer_payment_reference_per_creditor on customer (creditor_id, payment_reference)
    where payment_reference is not null;
