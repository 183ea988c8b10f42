package org.collectionorchestrator.ledger;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.collectionorchestrator.money.Money;

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
            case RECOVERY, REVERSAL ->
                    throw new IllegalArgumentException(chargeType + " reinstates a component; it charges none");
        };
    }

    /** Amounts per component as audit details: {"fees": "35.00", "principal": "100.00"}, in the map's order. */
    public static Map<String, String> details(Map<Component, Money> amounts) {
        Map<String, String> details = new LinkedHashMap<>();
        amounts.forEach((component, amount) -> details.put(component.name().toLowerCase(Locale.ROOT), amount.toPlainString()));
        return details;
    }
}
