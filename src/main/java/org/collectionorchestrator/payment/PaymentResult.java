package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What became of a payment. MATCHED: applied to its invoices (see {@code allocations}; {@code invoiceId} is the
 * first), any excess credited to the customer. UNMATCHED: kept for manual matching (unknown reference, other
 * currency), never dropped. REFUND_REQUESTED: credit control chose to pay it back. REVERSED: the bank took it back.
 */
public record PaymentResult(
        @Schema(description = "The payment's id") UUID id,
        @Schema(description = "MATCHED, UNMATCHED, REFUND_REQUESTED or REVERSED", example = "MATCHED") String status,
        @Schema(description = "The first invoice it paid; none while UNMATCHED") UUID invoiceId,
        @Schema(description = "The amount received, a decimal string", example = "\"1250.00\"") String amount,
        @Schema(description = "ISO 4217 currency", example = "NOK") String currency,
        @Schema(description = "What was applied to invoices", example = "\"1200.00\"") String appliedToInvoice,
        @Schema(description = "The excess credited to the customer", example = "\"50.00\"") String creditedToCustomer,
        @Schema(description = "Why it is UNMATCHED (unknown reference, other currency); none otherwise")
        String unmatchedReason,
        @Schema(description = "What it paid per invoice") List<Allocation> allocations) {

    /** What the payment paid on one invoice; {@code recovery} when the invoice had been written off. */
    public record Allocation(@Schema(description = "The invoice paid") UUID invoiceId,
                             @Schema(description = "The amount applied to it", example = "\"1200.00\"") String amount,
                             @Schema(description = "The invoice had been written off: a recovery") boolean recovery) {
    }

    PaymentResult withAllocations(List<Allocation> list) {
        return new PaymentResult(id, status, invoiceId, amount, currency, appliedToInvoice, creditedToCustomer,
                unmatchedReason, List.copyOf(list));
    }
}
