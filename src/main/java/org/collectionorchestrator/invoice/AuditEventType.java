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
    WRITTEN_OFF,
    /** A collection notice (NO inkassovarsel or betalingsoppfordring, DK påkrav, SE inkassokrav, FI maksukehotus). */
    NOTICE_SENT,
    /** A friendly notice before the due date (no fee). */
    FRIENDLY_NOTICE_SENT,
    /** A fee was added to the ledger (details: amount, letterNumber, letterDate). */
    FEE_ADDED,
    /** Late interest was added (details: amount, from, through, letterNumber). */
    INTEREST_ADDED,
    /** B2B fixed compensation was added (details: amount, date). */
    COMPENSATION_ADDED,
    /** The law refused (part of) what a table asked for (details: refused, reasons, letterNumber). */
    LEGAL_LIMIT_APPLIED,
    DISPUTED,
    /** Credit control resolved a dispute (details: resolution, note). */
    DISPUTE_RESOLVED,
    PAUSED,
    RESUMED,
    /** Dunning reached its end: the invoice may be handed over to a collection agency. */
    READY_FOR_COLLECTION,
    /** The customer is excluded from automatic dunning (details: reason). */
    EXCLUDED_FROM_DUNNING,
    /** A residual within the creditor's tolerance was written off automatically. */
    RESIDUAL_WRITTEN_OFF,
    /** Fees and interest left after the principal was paid were waived (creditor setting). */
    COSTS_WAIVED,
    /** Money arrived on a written-off invoice and was booked as a recovery (details: bankTransactionId, amount). */
    PAYMENT_RECOVERED,
    /** The bank reversed a payment booked on the invoice; what it paid is owed again (details: bankTransactionId, amount). */
    PAYMENT_REVERSED,
    /** A reversed payment left a settled invoice unpaid again: it is open and dunning starts again. */
    REOPENED,
    /** Credit control stopped the invoice in the weekly hand-over review (details: reviewId, reason). */
    HAND_OVER_STOPPED,
    /** The invoice went to a collection agency (details: caseId, agencyId). */
    HANDED_OVER,
    /** The agency reported a change in its case (details: caseId, agencyId, eventId, event, status). */
    AGENCY_CASE_UPDATED,
    /** The creditor asked the agency to give the case back (details: caseId, reason). */
    RECALL_REQUESTED,
    /** The agency closed its case (details: caseId, outcome PAID, UNCOLLECTABLE or RECALLED). */
    AGENCY_CASE_CLOSED,
    /** A letter reached the debtor; its deadline counts from that day (details: letterNumber, deliveredOn, deadline). */
    LETTER_DELIVERED,
    /** A document could not be delivered by one channel (details: channel, status, detail, dispatchId). */
    DELIVERY_FAILED,
    /** The customer's contact data was corrected after a failed delivery (details: customerId, email, postalAddress). */
    CONTACT_CORRECTED
}
