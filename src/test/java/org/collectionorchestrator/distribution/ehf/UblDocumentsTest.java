package org.collectionorchestrator.distribution.ehf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UblDocumentsTest {

    static PeppolRules rules;

    @BeforeAll
    static void loadRules() {
        rules = new PeppolRules();
    }

    static UblDocuments.Document document(String creditedInvoice) {
        return new UblDocuments.Document("INV-1001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), "NOK",
                new BigDecimal("1250.00"), "Invoice INV-1001", "C-42", "1234567897", "NO9386011117947",
                new UblDocuments.Party("0192:974760673", "Acme AS", "NO"),
                new UblDocuments.Party("0192:923609016", "Kunde AS", "NO"), creditedInvoice);
    }

    @Test
    void anInvoiceWeBuildPassesThePeppolRules() {
        byte[] ubl = UblDocuments.invoice(document(null));

        PeppolRules.Verdict verdict = rules.validateInvoice(ubl);

        assertThat(verdict.errors()).isEmpty();
        String xml = new String(ubl, StandardCharsets.UTF_8);
        assertThat(xml).contains(UblDocuments.CUSTOMIZATION_ID).contains("<cbc:PaymentID>1234567897</cbc:PaymentID>")
                .contains("schemeID=\"0192\">923609016<");
    }

    @Test
    void aCreditNoteWeBuildPassesThePeppolRules() {
        PeppolRules.Verdict verdict = rules.validate(UblDocuments.creditNote(document("INV-1000")));

        assertThat(verdict.errors()).isEmpty();
    }

    @Test
    void aDocumentBreakingARuleIsRefusedWithTheRuleId() {
        String xml = new String(UblDocuments.invoice(document(null)), StandardCharsets.UTF_8)
                .replace(UblDocuments.PROFILE_ID, "urn:example:not-a-peppol-profile");

        PeppolRules.Verdict verdict = rules.validateInvoice(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.valid()).isFalse();
        assertThat(String.join("\n", verdict.errors())).contains("PEPPOL-EN16931-R007");
    }
}
