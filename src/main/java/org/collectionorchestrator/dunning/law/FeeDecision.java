package org.collectionorchestrator.dunning.law;

import java.util.List;
import org.collectionorchestrator.money.Money;

/**
 * The fee the letter may carry, and why it is less than asked for (each refusal names the country and the rule).
 */
public record FeeDecision(Money fee, List<String> refusals) {

    public FeeDecision {
        refusals = List.copyOf(refusals);
    }

    public boolean refusedSomething() {
        return !refusals.isEmpty();
    }
}
