package org.collectionorchestrator.ledger;

/**
 * The part of a claim an amount belongs to. A charge is its own component; a reduction (payment, credit, write-off)
 * names the component it pays, so each part's balance is a sum like the whole.
 */
public enum Component {
    PRINCIPAL,
    FEES,
    INTEREST,
    COMPENSATION;

    /** The component a charge adds to; a reduction type has none of its own. */
    public static Component chargedBy(LedgerEntryType chargeType) {
        return switch (chargeType) {
            case PRINCIPAL -> PRINCIPAL;
            case FEE -> FEES;
            case INTEREST -> INTEREST;
            case COMPENSATION -> COMPENSATION;
            case PAYMENT, CREDIT, WRITE_OFF ->
                    throw new IllegalArgumentException(chargeType + " reduces a component; it charges none");
        };
    }
}
