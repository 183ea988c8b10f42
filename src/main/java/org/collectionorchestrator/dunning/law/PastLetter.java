package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.money.Money;

/** A letter already sent for the claim: what the guard counts and spaces further fees from. */
public record PastLetter(LetterKind kind, LocalDate letterDate, LocalDate payBy, Money fee) {

    public boolean feeBearing() {
        return fee != null && fee.isPositive();
    }
}
