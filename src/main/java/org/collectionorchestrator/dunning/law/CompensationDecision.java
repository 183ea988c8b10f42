package org.collectionorchestrator.dunning.law;

import java.util.Optional;
import org.collectionorchestrator.money.Money;

/** The B2B compensation to charge (zero when refused) and, when refused, why. */
public record CompensationDecision(Money amount, Optional<String> refusal) {

    public boolean refused() {
        return refusal.isPresent();
    }
}
