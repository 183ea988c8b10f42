package org.collectionorchestrator.invoice;

/** What happened to an invoice; every action leaves one entry in its audit trail. */
public enum AuditEventType {
    INVOICE_REGISTERED,
    PROCESS_STARTED,
    REMINDER_SENT,
    REMINDER_SKIPPED,
    PAYMENT_APPLIED,
    CREDITED_TO_CUSTOMER,
    /** A credit note lowered the balance (details: creditNoteNumber, amount, applied, outstanding). */
    CREDITED,
    /** The creditor cancelled the invoice (details: reason, credited). */
    CANCELLED,
    SETTLED,
    DUNNING_STOPPED,
    COLLECTION_APPROVED,
    WRITTEN_OFF
}
