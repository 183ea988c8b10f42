package org.collectionorchestrator.invoice;

public enum InvoiceStatus {
    /** Registered and not yet paid in full; followed up by the lifecycle process. */
    OPEN,
    /** Paid in full (balance zero or less); no reminder, fee or hand-over may follow. */
    SETTLED,
    /** Credit control approved handing the invoice over to a collection agency. */
    COLLECTION_APPROVED,
    /** Credit control wrote the outstanding amount off. */
    WRITTEN_OFF;

    /** Whether money is still expected on this invoice, so a payment may settle it. */
    public boolean awaitsPayment() {
        return this == OPEN || this == COLLECTION_APPROVED;
    }
}
