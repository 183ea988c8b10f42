package org.collectionorchestrator.distribution;

import java.math.BigDecimal;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.dunning.LetterDocuments;
import org.collectionorchestrator.invoice.ContactChannels;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.springframework.stereotype.Component;

/** Gathers what a send needs: the document's PDF, the payment details it states, the customer's addresses. */
@Component
class DeliveryDocuments {

    /** A document ready to go, but for its dispatch id. */
    record Document(UUID invoiceId, DocumentKind kind, int letterNumber, String creditorName, String creditorCountry,
                    String creditorParticipantId, Recipient recipient, String title, byte[] pdf,
                    Delivery.PaymentDetails payment) {

        Delivery delivery(UUID dispatchId) {
            return new Delivery(dispatchId, invoiceId, kind, letterNumber, creditorName, creditorCountry,
                    creditorParticipantId, recipient, title, pdf, payment);
        }
    }

    private final InvoiceRepository invoices;
    private final CreditorRepository creditors;
    private final LetterDocuments letters;
    private final InvoiceDocuments invoiceDocuments;
    private final DistributionProperties settings;

    DeliveryDocuments(InvoiceRepository invoices, CreditorRepository creditors, LetterDocuments letters,
                      InvoiceDocuments invoiceDocuments, DistributionProperties settings) {
        this.invoices = invoices;
        this.creditors = creditors;
        this.letters = letters;
        this.invoiceDocuments = invoiceDocuments;
        this.settings = settings;
    }

    Document load(UUID invoiceId, DocumentKind kind, int letterNumber) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        Recipient recipient = recipient(invoice.customer());
        String account = creditor.policy().bankAccount();
        String participantId = settings.creditor(creditor.id()).peppolParticipantId();
        if (kind == DocumentKind.INVOICE || kind == DocumentKind.CREDIT_NOTE) {
            InvoiceDocuments.Rendered rendered = invoiceDocuments.documentOf(invoice, creditor);
            var payment = new Delivery.PaymentDetails(invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(),
                    invoice.amount().amount(), invoice.amount().currency().getCurrencyCode(), invoice.paymentReference(), account);
            return new Document(invoiceId, kind, 0, creditor.name(), creditor.country().name(), participantId, recipient,
                    "Invoice " + invoice.invoiceNumber(), rendered.pdf(), payment);
        }
        LetterDocuments.LetterDocument letter = letters.find(invoiceId, letterNumber).orElseThrow(() ->
                new IllegalStateException("Invoice " + invoiceId + " has no letter " + letterNumber));
        BigDecimal total = letter.totalToPay().amount();
        var payment = new Delivery.PaymentDetails(invoice.invoiceNumber(), letter.letterDate(), letter.payBy(), total,
                letter.totalToPay().currency().getCurrencyCode(), invoice.paymentReference(), account);
        return new Document(invoiceId, kind, letterNumber, creditor.name(), creditor.country().name(), participantId,
                recipient, letter.kind() + " " + letterNumber, letter.pdf(), payment);
    }

    /** The invoice's customer as a recipient, and its segment. */
    record Customer(Recipient recipient, String segment) {
    }

    Customer customer(UUID invoiceId) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        return new Customer(recipient(invoice.customer()), invoice.customer().segment().name());
    }

    java.time.ZoneId timeZone(UUID invoiceId) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        return creditors.find(invoice.creditorId()).orElseThrow().timeZone();
    }

    static Recipient recipient(org.collectionorchestrator.invoice.Customer customer) {
        ContactChannels ch = customer.channels();
        return new Recipient(customer.id(), customer.name(), customer.language(), customer.email(), ch.postalAddress(),
                ch.peppolParticipantId(), ch.efakturaConsent(), ch.preferredChannel(), customer.country());
    }
}
