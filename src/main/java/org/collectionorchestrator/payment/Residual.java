package org.collectionorchestrator.payment;

import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.money.Money;

/** What becomes of what a payment leaves on an invoice, by the creditor's waiver and tolerance settings. */
public enum Residual {
    /** Something is still owed and is followed up. */
    OPEN,
    /** Nothing is owed. */
    PAID,
    /** The principal is paid and the creditor waives the costs and interest left. */
    COSTS_WAIVED,
    /** What is left is within the creditor's write-off tolerance. */
    WRITTEN_OFF;

    public static Residual after(InvoiceBalance balance, CreditorPolicy policy) {
        Money outstanding = balance.outstanding();
        if (outstanding.isZeroOrNegative()) {
            return PAID;
        }
        if (policy.waiveCostsWhenPrincipalPaid() && balance.principal().isZeroOrNegative()) {
            return COSTS_WAIVED;
        }
        if (outstanding.amount().compareTo(policy.writeOffTolerance()) <= 0) {
            return WRITTEN_OFF;
        }
        return OPEN;
    }

    /** Whether what is left is written off before the invoice settles. */
    public boolean writesOff() {
        return this == COSTS_WAIVED || this == WRITTEN_OFF;
    }

    /** Whether the invoice is done with: settled, after writing off whatever is left. */
    public boolean settles() {
        return this != OPEN;
    }
}
