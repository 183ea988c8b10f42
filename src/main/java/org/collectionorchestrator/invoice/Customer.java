package org.collectionorchestrator.invoice;

/**
 * The debtor of an invoice, as the creditor's ERP knows them.
 *
 * @param reminderFeeAgreed    the customer agreed to a reminder fee when the debt arose (Sweden requires it)
 * @param manualFollowUpReason why the customer is followed up by hand instead of by automatic dunning; null: automatic
 */
public record Customer(
        String id,
        String name,
        Segment segment,
        boolean priority,
        String country,
        String language,
        String email,
        boolean reminderFeeAgreed,
        String manualFollowUpReason) {

    /** A customer with no fee agreement, followed up automatically. */
    public Customer(String id, String name, Segment segment, boolean priority, String country, String language,
                    String email) {
        this(id, name, segment, priority, country, language, email, false, null);
    }

    public boolean manualFollowUp() {
        return manualFollowUpReason != null;
    }
}
