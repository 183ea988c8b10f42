package org.collectionorchestrator.invoice;

public enum InvoiceStatus {
    /** Registered and not yet paid in full; followed up by the lifecycle process. */
    OPEN,
    /** Paid in full (balance zero or less); no reminder, fee or hand-over may follow. */
    SETTLED,
    /** Dunning has run its course unpaid: the invoice may be handed over to a collection agency. */
    READY_FOR_COLLECTION,
    /** Credit control approved handing the invoice over to a collection agency. */
    COLLECTION_APPROVED,
    /** Credit control wrote the outstanding amount off. */
    WRITTEN_OFF,
    /** Credit notes brought the balance to zero; nothing is owed and dunning has ended. */
    CREDITED,
    /** The creditor cancelled the invoice; the outstanding balance was credited and dunning has ended. */
    CANCELLED,
    /** A collection agency follows the invoice up; payments still settle it and are reported to the agency. */
    HANDED_OVER,
    /** Taken back from the agency (the agency confirmed the recall); still owed unless paid or credited. */
    RECALLED,
    /** The agency closed its case without collecting everything; what is left is still owed. */
    UNCOLLECTABLE;

    /** Whether money is still expected on this invoice, so a payment may settle it. */
    public boolean awaitsPayment() {
        return this == OPEN || this == READY_FOR_COLLECTION || this == COLLECTION_APPROVED || this == HANDED_OVER
                || this == RECALLED || this == UNCOLLECTABLE;
    }
}
