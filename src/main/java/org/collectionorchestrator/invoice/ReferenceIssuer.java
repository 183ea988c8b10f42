package org.collectionorchestrator.invoice;

import java.util.Optional;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorBanking;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.UnprocessableException;
import org.springframework.stereotype.Component;

/**
 * Issues the payment reference of an invoice the ERP sent without one, in the creditor's scheme
 * ({@link CreditorBanking}), built on the next number of the database sequence {@code payment_reference_number}
 * (shared by all creditors, so no two generated references of a creditor share a number, and registrations never wait
 * on each other for it). A number is skipped when its MOD11 KID would end in {@code -}, or when an ERP-given reference
 * of the creditor already has the value.
 */
@Component
class ReferenceIssuer {

    /** A skipped number is rare (one MOD11 base in eleven, or a clash with an ERP's own reference). */
    private static final int MAX_ATTEMPTS = 100;

    record Issued(String reference, PaymentReferenceScheme scheme) {
    }

    private final InvoiceRepository invoices;

    ReferenceIssuer(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** A new reference no invoice or customer of the creditor has. */
    Issued issue(Creditor creditor) {
        CreditorBanking banking = creditor.banking();
        PaymentReferenceScheme scheme = banking.referenceScheme();
        int length = banking.referenceLength() == null ? 0 : banking.referenceLength();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long number = invoices.nextReferenceNumber();
            Optional<String> reference;
            try {
                reference = PaymentReferences.generate(scheme, number, length);
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("Creditor " + creditor.id() + " issues " + scheme + " references of "
                        + length + " characters, too short for the next reference number " + number
                        + ": raise banking.referenceLength, or send the invoice's paymentReference");
            }
            if (reference.isPresent() && !invoices.referenceTaken(creditor.id(), reference.get())) {
                return new Issued(reference.get(), scheme);
            }
        }
        throw new IllegalStateException("No free " + scheme + " reference for creditor " + creditor.id() + " after "
                + MAX_ATTEMPTS + " numbers");
    }

    /**
     * The customer's fixed reference, issued now when the customer has none. The caller holds the customer's row lock
     * (its upsert in the same transaction), so two first invoices of one customer cannot both issue one.
     */
    Issued forCustomer(Creditor creditor, String customerId) {
        return invoices.customerReference(creditor.id(), customerId).orElseGet(() -> {
            Issued issued = issue(creditor);
            invoices.assignCustomerReference(creditor.id(), customerId, issued);
            return issued;
        });
    }
}
