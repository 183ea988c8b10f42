package org.collectionorchestrator.payment;

import java.util.UUID;

/**
 * What became of a payment. MATCHED: applied to an invoice, any excess credited to the customer. UNMATCHED: kept
 * for manual matching (unknown reference, other currency), never dropped.
 */
public record PaymentResult(
        UUID id,
        String status,
        UUID invoiceId,
        String amount,
        String currency,
        String appliedToInvoice,
        String creditedToCustomer,
        String unmatchedReason) {
}
