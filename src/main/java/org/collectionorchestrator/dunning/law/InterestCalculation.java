package org.collectionorchestrator.dunning.law;

import java.util.List;
import org.collectionorchestrator.money.Money;

/**
 * Late interest line by line; the total is the sum of the rounded lines. {@code missingRates} lists overdue days the
 * law book had no rate for (they carry no interest).
 */
public record InterestCalculation(List<InterestLine> lines, Money total, List<MissingRate> missingRates) {

    public InterestCalculation {
        lines = List.copyOf(lines);
        missingRates = List.copyOf(missingRates);
    }

    public InterestCalculation(List<InterestLine> lines, Money total) {
        this(lines, total, List.of());
    }

    /** Whether every overdue day had a rate. */
    public boolean complete() {
        return missingRates.isEmpty();
    }
}
