package org.collectionorchestrator.creditor;

/** What a payment reference the creditor issues names: one invoice, or the customer (one fixed reference for all). */
public enum ReferenceTarget {
    /** Each invoice gets its own reference; a payment with it pays that invoice. */
    INVOICE,
    /** A customer gets one reference at its first invoice; a payment with it pays the customer's open invoices. */
    CUSTOMER
}
