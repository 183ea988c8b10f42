package org.collectionorchestrator.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.collectionorchestrator.creditor.CollectionModel;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.creditor.PaymentOrder;
import org.collectionorchestrator.distribution.ehf.PeppolRules;
import org.collectionorchestrator.invoice.ContactChannels;
import org.collectionorchestrator.invoice.Customer;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.money.Money;
import org.junit.jupiter.api.Test;

/** The invoice's own document, rendered without Spring: the PDF shows logo and payment details, the UBL passes the rules. */
class InvoiceDocumentsTest {

    private final Creditor creditor = new Creditor("acme-no", "Acme AS", Country.NO, Currency.getInstance("NOK"), "nb",
            ZoneId.of("Europe/Oslo"), new CreditorPolicy(false, PaymentOrder.COSTS_INTEREST_PRINCIPAL, false,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, CollectionModel.OWN_NOTICE, "8601.11.17947"));
    private final Invoice invoice = new Invoice(UUID.randomUUID(), "acme-no", "INV-1001",
            new Customer("C-42", "Kunde AS", Segment.BUSINESS, false, "NO", "nb", "ap@kunde.no", false, null,
                    new ContactChannels(null, "0192:923609016", false, null)),
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), Money.of(new BigDecimal("1250.00"), "NOK"),
            "1234567897", "NO_KID_MOD10", InvoiceStatus.OPEN, null, "fp", Instant.parse("2026-11-01T08:00:00Z"));

    private InvoiceDocuments documents() {
        return new InvoiceDocuments(null, java.time.Clock.systemUTC(), new DistributionProperties(true, "x@y.z",
                java.time.Duration.ofDays(2), Map.of(),
                Map.of("acme-no", new DistributionProperties.CreditorSettings("0192:974760673", null))));
    }

    @Test
    void thePdfCarriesTheLogoAndThePaymentDetailsInTheCustomersLanguage() throws Exception {
        byte[] pdf = documents().pdf(invoice, creditor);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Faktura INV-1001", "Kunde AS", "1250.00 NOK", "2026-11-15", "1234567897",
                    "8601.11.17947", "KID", "Forfallsdato");
            boolean hasImage = false;
            for (var name : document.getPage(0).getResources().getXObjectNames()) {
                hasImage |= document.getPage(0).getResources().getXObject(name) instanceof PDImageXObject;
            }
            assertThat(hasImage).as("the logo is an image on the page").isTrue();
        }
    }

    @Test
    void theUblFromTheSameDataPassesThePeppolRules() {
        byte[] ubl = documents().ubl(invoice, creditor);

        assertThat(new PeppolRules().validateInvoice(ubl).errors()).isEmpty();
        assertThat(new String(ubl, java.nio.charset.StandardCharsets.UTF_8)).contains("INV-1001", "1234567897", "1250.00");
    }
}
