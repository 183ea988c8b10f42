package org.collectionorchestrator.creditor;

import java.util.List;
import org.collectionorchestrator.ledger.Component;

/**
 * The order in which a payment pays the parts of a claim, a creditor setting. "Costs" are fees and B2B
 * compensation, in that order. The default pays costs first, then interest, then principal.
 */
public enum PaymentOrder {
    COSTS_INTEREST_PRINCIPAL(Component.FEES, Component.COMPENSATION, Component.INTEREST, Component.PRINCIPAL),
    INTEREST_COSTS_PRINCIPAL(Component.INTEREST, Component.FEES, Component.COMPENSATION, Component.PRINCIPAL),
    PRINCIPAL_INTEREST_COSTS(Component.PRINCIPAL, Component.INTEREST, Component.FEES, Component.COMPENSATION);

    private final List<Component> components;

    PaymentOrder(Component... components) {
        this.components = List.of(components);
    }

    /** Every component once, the one paid first first. */
    public List<Component> components() {
        return components;
    }
}
