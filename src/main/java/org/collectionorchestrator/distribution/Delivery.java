package org.collectionorchestrator.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One document to send by one channel. {@code dispatchId} is stored before sending and given to the provider as its
 * idempotency key: a retried send is recognised by the provider as the same one.
 *
 * @param title     the document's title in the recipient's language (e-mail subject)
 * @param pdf       the document as PDF
 * @param creditorParticipantId the creditor's PEPPOL participant id, the EHF sender (null: none configured)
 * @param payment   what the document asks to be paid, for the structured channels (EHF, eFaktura)
 */
public record Delivery(UUID dispatchId, UUID invoiceId, DocumentKind kind, int letterNumber, String creditorName,
                       String creditorCountry, String creditorParticipantId, Recipient recipient, String title, byte[] pdf, PaymentDetails payment) {

    /** Amount, due date, reference and account as printed on the document. */
    public record PaymentDetails(String invoiceNumber, LocalDate issueDate, LocalDate payBy, BigDecimal amount,
                                 String currency, String paymentReference, String bankAccount) {
    }

    public String fileName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + payment.invoiceNumber()
                + (letterNumber > 0 ? "-" + letterNumber : "") + ".pdf";
    }
}
