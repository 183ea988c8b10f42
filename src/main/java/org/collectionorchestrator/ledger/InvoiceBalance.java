package org.collectionorchestrator.ledger;

import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import org.collectionorchestrator.money.Money;

/** What is still owed on an invoice, per component; each is charges minus the reductions that named it. */
public record InvoiceBalance(Money principal, Money fees, Money interest, Money compensation) {

    public static InvoiceBalance zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new InvoiceBalance(zero, zero, zero, zero);
    }

    static InvoiceBalance of(Map<Component, Money> parts, Currency currency) {
        Money zero = Money.zero(currency);
        return new InvoiceBalance(parts.getOrDefault(Component.PRINCIPAL, zero), parts.getOrDefault(Component.FEES, zero),
                parts.getOrDefault(Component.INTEREST, zero), parts.getOrDefault(Component.COMPENSATION, zero));
    }

    public Money outstanding() {
        return principal.plus(fees).plus(interest).plus(compensation);
    }

    public Money of(Component component) {
        return switch (component) {
            case PRINCIPAL -> principal;
            case FEES -> fees;
            case INTEREST -> interest;
            case COMPENSATION -> compensation;
        };
    }

    /** This balance less {@code amount} on one component. */
    public InvoiceBalance minus(Component component, Money amount) {
        Map<Component, Money> parts = parts();
        parts.put(component, parts.get(component).minus(amount));
        return of(parts, principal.currency());
    }

    /** The components in declaration order. */
    public Map<Component, Money> parts() {
        Map<Component, Money> parts = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            parts.put(component, of(component));
        }
        return parts;
    }

    public Currency currency() {
        return principal.currency();
    }
}
