package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;

/** What the bank files said against what was booked, and every difference a person must look at. */
class ReconciliationApiTest extends ApplicationTestSupport {

    private static final String ACCOUNT = "NO9386011117947";

    @Test
    void listsTheBanksCreditsOurPaymentsAndEveryDifference() {
        String creditor = creditorWithBankAccount("NO", "NOK", "nb", ACCOUNT, "INVOICE");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "500.00", "NOK"));
        String reference = invoice.get("paymentReference").asText();
        importBankFile(creditor, CamtFiles.notification(Version.V02).account(ACCOUNT).currency("NOK")
                .entry(e -> e.credit("200.00").servicerRef("R1").bookingDate(today()).tx(t -> t.amount("200.00").scor(reference)))
                .entry(e -> e.credit("80.00").servicerRef("R2").bookingDate(today()).tx(t -> t.amount("80.00").scor("27078413730011702")))
                .entry(e -> e.credit("10.001").servicerRef("R3").bookingDate(today()).tx(t -> t.amount("10.001").scor(reference)))
                .entry(e -> e.debit("99.00").reversal().servicerRef("R4").bookingDate(today())
                        .tx(t -> t.amount("99.00").endToEnd("NEVER-BOOKED")))
                .xml());
        pay(creditor, invoice.get("id").asText(), "100.00", "NOK");

        JsonNode report = rest.getForObject("/api/v1/reconciliation?creditorId=" + creditor + "&from=" + today().minusDays(1)
                + "&to=" + today().plusDays(1), JsonNode.class);

        assertThat(report.get("bankCredits")).singleElement().satisfies(total -> {
            assertThat(total.get("currency").asText()).isEqualTo("NOK");
            assertThat(total.get("count").asLong()).isEqualTo(3);
        });
        assertThat(report.get("booked").get(0).get("count").asLong()).as("two from the file, one over REST").isEqualTo(3);
        List<String> kinds = new ArrayList<>();
        report.get("differences").forEach(d -> kinds.add(d.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("QUARANTINED", "REVERSAL_NOT_APPLIED", "UNMATCHED", "NOT_IN_BANK_FILE");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsABadRequest() {
        var response = rest.getForEntity("/api/v1/reconciliation?creditorId=x&from=2026-12-01&to=2026-11-01", JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }
}
