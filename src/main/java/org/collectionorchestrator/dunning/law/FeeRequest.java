package org.collectionorchestrator.dunning.law;

import java.time.LocalDate;
import java.util.List;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;

/**
 * The fee a letter is about to carry (as a DMN table said), with what the law needs to judge it.
 *
 * @param reminderFeeAgreed   Sweden: the debtor agreed to a reminder fee at the latest when the debt arose
 * @param compensationClaimed the B2B fixed compensation has been claimed for this invoice
 * @param earlierLetters      the letters already sent for this claim
 */
public record FeeRequest(Country country, Segment segment, LetterKind kind, LocalDate letterDate, LocalDate dueDate,
                         Money requestedFee, boolean reminderFeeAgreed, boolean disputed,
                         boolean compensationClaimed, List<PastLetter> earlierLetters) {

    public FeeRequest {
        earlierLetters = earlierLetters == null ? List.of() : List.copyOf(earlierLetters);
    }
}
