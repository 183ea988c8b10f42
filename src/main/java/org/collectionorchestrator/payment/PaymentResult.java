package org.collectionorchestrator.payment;

import java.util.List;
import java.util.UUID;

/**
 * What became of a payment. MATCHED: applied to its invoices (see {@code allocations}; {@code invoiceId} is the
 * first), any excess credited to the customer. UNMATCHED: kept for manual matching (unknown reference, other
 * currency), never dropped. REFUND_REQUESTED: credit control chose to pay it back. REVERSED: the bank took it back.
 */
public record PaymentResult(
        UUID id,
        String status,
        UUID invoiceId,
        String amount,
        String currency,
        String appliedToInvoice,
        String creditedToCustomer,
        String unmatchedReason,
        List<Allocation> allocations) {

    /** What the payment paid on one invoice; {@code recovery} when the invoice had been written off. */
    public record Allocation(UUID invoiceId, String amount, boolean recovery) {
    }

    PaymentResult withAllocations(List<Allocation> list) {
        return new PaymentResult(id, status, invoiceId, amount, currency, appliedToInvoice, creditedToCustomer,
                unmatchedReason, List.copyOf(list));
    }
}
