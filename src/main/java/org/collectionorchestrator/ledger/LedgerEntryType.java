package org.collectionorchestrator.ledger;

/**
 * What an amount on the ledger is. Amounts are signed from the creditor's side: what the customer owes is
 * positive (principal, fees, interest), what reduces it is negative (payments, credits, write-offs).
 */
public enum LedgerEntryType {
    PRINCIPAL(1),
    FEE(1),
    INTEREST(1),
    /** B2B fixed compensation for recovery costs (NO standardkompensasjon, DK 310 kr, SE 450 kr, FI 40 €). */
    COMPENSATION(1),
    PAYMENT(-1),
    CREDIT(-1),
    WRITE_OFF(-1),
    /** Money received on a written-off invoice: reinstates what the write-off cleared, which the payment then pays. */
    RECOVERY(1),
    /** The bank reversed a payment (returned it to the payer): what the payment had reduced is owed again. */
    REVERSAL(1);

    private final int sign;

    LedgerEntryType(int sign) {
        this.sign = sign;
    }

    /** +1 for what the customer owes, -1 for what reduces it. */
    public int sign() {
        return sign;
    }

    /** Payments, credits and write-offs: what lowers a balance. */
    public boolean isReduction() {
        return sign < 0;
    }
}
