package org.collectionorchestrator.payment;

import java.util.List;

/**
 * What matching decided for one payment: the invoices it pays in order (with the rule that found them) and the
 * customer whose account takes what is left, or why no invoice could be found.
 */
public record PaymentMatch(Rule rule, List<PaymentBooking.Target> targets, String customerId, String unmatchedReason) {

    /** How the invoices were found, in the order matching tries them. */
    public enum Rule {
        INVOICE_ID,
        STRUCTURED_REFERENCE,
        CUSTOMER_REFERENCE,
        REFERRED_DOCUMENT,
        REMITTANCE_TEXT,
        AMOUNT_AND_DEBTOR
    }

    public static final String NO_REFERENCE = "NO_REFERENCE";
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String AMBIGUOUS = "AMBIGUOUS";

    static PaymentMatch found(Rule rule, List<PaymentBooking.Target> targets, String customerId) {
        return new PaymentMatch(rule, List.copyOf(targets), customerId, null);
    }

    static PaymentMatch unmatched(String reason) {
        return new PaymentMatch(null, List.of(), null, reason);
    }

    public boolean matched() {
        return rule != null;
    }
}
