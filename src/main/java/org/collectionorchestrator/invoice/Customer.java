package org.collectionorchestrator.invoice;

/** The debtor of an invoice, as the creditor's ERP knows them. */
public record Customer(
        String id,
        String name,
        Segment segment,
        boolean priority,
        String country,
        String language,
        String email) {
}
