package org.collectionorchestrator.payment;

import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.bankfile.BankTransaction;
import org.collectionorchestrator.payment.bankfile.BankTransaction.ReferredDocument;

/**
 * What a payment says about what it pays, whichever way it came: the facts matching works from.
 *
 * @param invoiceId            named directly (REST), else null
 * @param structuredReferences creditor references (KID, OCR, FIK, Finnish, RF) as the payer gave them
 * @param referredDocuments    invoices (and credit notes) the remittance names, with amounts
 * @param unstructured         free remittance text
 */
public record PaymentFacts(Money amount, UUID invoiceId, List<String> structuredReferences,
                           List<ReferredDocument> referredDocuments, List<String> unstructured, String debtorName,
                           String debtorAccount) {

    public static PaymentFacts of(RegisterPayment request) {
        List<String> references = request.paymentReference() == null || request.paymentReference().isBlank()
                ? List.of() : List.of(request.paymentReference());
        return new PaymentFacts(Money.of(request.amount(), request.currency()), request.invoiceId(), references,
                List.of(), List.of(), null, null);
    }

    public static PaymentFacts of(BankTransaction transaction) {
        return new PaymentFacts(Money.of(transaction.amount(), transaction.currency()), null,
                transaction.structuredReferences(), transaction.referredDocuments(), transaction.unstructured(),
                transaction.debtorName(), transaction.debtorAccount());
    }
}
