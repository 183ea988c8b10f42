package org.collectionorchestrator.dunning.letter;

import java.time.LocalDate;
import java.util.List;
import org.collectionorchestrator.dunning.LetterKind;
import org.collectionorchestrator.dunning.law.InterestLine;
import org.collectionorchestrator.money.Money;

/**
 * Everything a dunning letter says, decided before it is rendered: the renderer computes nothing.
 *
 * @param creditorAccount            printed as the account to pay to; null prints none
 * @param paymentReference           null: the debtor pays with the invoice number as reference
 * @param norwegianNewCollectionAct  the new Norwegian inkassolov is in force on the letter date
 */
public record LetterContent(LetterKind kind, int letterNumber, String language, LocalDate letterDate, LocalDate payBy,
                            String creditorName, String creditorCountry, String creditorAccount,
                            String customerName, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                            Money principal, Money feesEarlier, Money feeThisLetter, Money interest,
                            List<InterestLine> interestLines, Money compensation, Money totalToPay,
                            String paymentReference, boolean norwegianNewCollectionAct) {

    public LetterContent {
        interestLines = List.copyOf(interestLines);
    }

    /** The reference the debtor pays with. */
    public String referenceToPayWith() {
        return paymentReference == null || paymentReference.isBlank() ? invoiceNumber : paymentReference;
    }
}
