package org.collectionorchestrator.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.money.Money;

/**
 * How an amount that lowers a claim (a payment, a credit note) divides over its components: each in the given order
 * receives what is owed on it as far as the amount reaches, never more than is owed in all; the rest is the excess
 * for the customer's own account.
 *
 * @param parts   what each component receives, in the order given; components that receive nothing are absent
 * @param applied the sum of the parts
 * @param excess  what is left of the amount
 */
public record Allocation(Map<Component, Money> parts, Money applied, Money excess) {

    public static Allocation of(InvoiceBalance balance, List<Component> order, Money amount) {
        Money zero = Money.zero(amount.currency());
        Money outstanding = balance.outstanding();
        Money left = amount.min(outstanding.isPositive() ? outstanding : zero);
        Map<Component, Money> parts = new LinkedHashMap<>();
        for (Component component : order) {
            Money owed = balance.of(component);
            if (left.isPositive() && owed.isPositive()) {
                Money part = owed.min(left);
                parts.put(component, part);
                left = left.minus(part);
            }
        }
        Money applied = parts.values().stream().reduce(zero, Money::plus);
        return new Allocation(Collections.unmodifiableMap(parts), applied, amount.minus(applied));
    }

    /** The balance once the parts are booked. */
    public InvoiceBalance after(InvoiceBalance before) {
        InvoiceBalance after = before;
        for (Map.Entry<Component, Money> part : parts.entrySet()) {
            after = after.minus(part.getKey(), part.getValue());
        }
        return after;
    }
}
