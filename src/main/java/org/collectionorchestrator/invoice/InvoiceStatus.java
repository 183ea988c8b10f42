package org.collectionorchestrator.invoice;

public enum InvoiceStatus {
    /** Registered and not yet paid in full; followed up by the lifecycle process. */
    OPEN,
    /** Paid in full (balance zero or less); no reminder, fee or hand-over may follow. */
    SETTLED,
    /** Credit control approved handing the invoice over to a collection agency. */
    COLLECTION_APPROVED,
    /** Credit control wrote the outstanding amount off. */
    WRITTEN_OFF,
    /** Credit notes brought the balance to zero; nothing is owed and dunning has ended. */
    CREDITED,
    /** The creditor cancelled the invoice; the outstanding balance was credited and dunning has ended. */
    CANCELLED;

    /** Whether money is still expected on this invoice, so a payment may settle it. */
    public boolean awaitsPayment() {
        return this == OPEN || this == COLLECTION_APPROVED;
    }
}
