package org.collectionorchestrator.creditor;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Settings a creditor chooses for its own follow-up. Amounts are in the creditor's currency.
 *
 * @param reminderFeeAgreed           whether the creditor's terms let it charge a reminder fee where the law requires
 *                                    prior agreement (Sweden); read by the dunning rules
 * @param paymentOrder                which parts of a claim a payment pays first
 * @param waiveCostsWhenPrincipalPaid once the principal is paid, write off the fees, interest and compensation still
 *                                    open and settle the invoice, instead of following them up
 * @param minimumReminderAmount       no reminder goes out while less than this is outstanding (0: no minimum)
 * @param writeOffTolerance           a residual up to this much left after a payment is written off and the invoice
 *                                    settles (0: none)
 * @param graceBankingDays            banking days after the due date for money in transit before the first reminder (0–10)
 * @param collectionModel             who sends the collection notice
 * @param bankAccount                 the account printed on letters; null when the letters carry none
 */
public record CreditorPolicy(
        boolean reminderFeeAgreed,
        PaymentOrder paymentOrder,
        boolean waiveCostsWhenPrincipalPaid,
        BigDecimal minimumReminderAmount,
        BigDecimal writeOffTolerance,
        int graceBankingDays,
        CollectionModel collectionModel,
        String bankAccount) {

    public static final int MAX_GRACE_BANKING_DAYS = 10;

    public static final CreditorPolicy DEFAULT = new CreditorPolicy(false, PaymentOrder.COSTS_INTEREST_PRINCIPAL, false,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, CollectionModel.OWN_NOTICE, null);

    public CreditorPolicy {
        Objects.requireNonNull(paymentOrder, "paymentOrder");
        Objects.requireNonNull(minimumReminderAmount, "minimumReminderAmount");
        Objects.requireNonNull(writeOffTolerance, "writeOffTolerance");
        Objects.requireNonNull(collectionModel, "collectionModel");
        if (minimumReminderAmount.signum() < 0 || writeOffTolerance.signum() < 0) {
            throw new IllegalArgumentException("Policy amounts cannot be negative");
        }
        if (graceBankingDays < 0 || graceBankingDays > MAX_GRACE_BANKING_DAYS) {
            throw new IllegalArgumentException("Grace banking days must be 0 to " + MAX_GRACE_BANKING_DAYS);
        }
    }
}
