package org.collectionorchestrator.creditor;

/**
 * Settings a creditor chooses for its own follow-up.
 *
 * @param reminderFeeAgreed whether the creditor's terms let it charge a reminder fee where the law requires
 *                          prior agreement (Sweden); read by the dunning rules
 */
public record CreditorPolicy(boolean reminderFeeAgreed) {

    public static final CreditorPolicy DEFAULT = new CreditorPolicy(false);
}
