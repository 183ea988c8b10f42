package org.collectionorchestrator.invoice;

/**
 * The debtor of an invoice, as the creditor's ERP knows them.
 *
 * @param reminderFeeAgreed    the customer agreed to a reminder fee when the debt arose (Sweden requires it)
 * @param manualFollowUpReason why the customer is followed up by hand instead of by automatic dunning; null: automatic
 * @param channels             postal address, PEPPOL participant id, eFaktura consent, preferred channel
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
        String manualFollowUpReason,
        ContactChannels channels) {

    public Customer {
        channels = channels == null ? ContactChannels.NONE : channels;
    }

    /** A customer with no fee agreement, followed up automatically. */
    public Customer(String id, String name, Segment segment, boolean priority, String country, String language,
                    String email) {
        this(id, name, segment, priority, country, language, email, false, null, ContactChannels.NONE);
    }

    public Customer(String id, String name, Segment segment, boolean priority, String country, String language,
                    String email, boolean reminderFeeAgreed, String manualFollowUpReason) {
        this(id, name, segment, priority, country, language, email, reminderFeeAgreed, manualFollowUpReason,
                ContactChannels.NONE);
    }

    public boolean manualFollowUp() {
        return manualFollowUpReason != null;
    }
}
