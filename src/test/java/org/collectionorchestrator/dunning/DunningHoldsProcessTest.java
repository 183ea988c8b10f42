package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.local.OpenUserTask;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payment, dispute and pause at any step stop what comes after them; a rejected dispute or an ended pause resumes
 * dunning with fresh deadlines and without sending a letter twice.
 */
class DunningHoldsProcessTest extends ApplicationTestSupport {

    @Test
    void aPaymentAfterTheFirstLetterStopsEverythingAfterIt() {
        Claim claim = claim("NO", "PRIVATE");
        advance(Duration.ofDays(16));
        awaitAudit(claim.id, "REMINDER_SENT", 1);
        String outstanding = invoice(claim.id).get("outstanding").asText();

        pay(claim.creditor, claim.id, outstanding, "NOK");
        awaitProcessCompleted(claim.process);
        advance(Duration.ofDays(100));

        JsonNode after = invoice(claim.id);
        assertThat(after.get("status").asText()).isEqualTo("SETTLED");
        assertThat(letterCount(claim.id)).isEqualTo(1);
        assertThat(auditTypes(claim.id)).contains("DUNNING_STOPPED").doesNotContain("NOTICE_SENT", "READY_FOR_COLLECTION");
    }

    @ParameterizedTest(name = "paid after {0} letter(s)")
    @ValueSource(ints = {2, 3})
    void aPaymentAtALaterStepStopsEverythingAfterIt(int lettersBeforePayment) {
        Claim claim = claim("NO", "PRIVATE");
        advance(Duration.ofDays(16));
        while (letterCount(claim.id) < lettersBeforePayment) {
            advance(Duration.ofDays(7));
        }
        assertThat(letterCount(claim.id)).isEqualTo(lettersBeforePayment);

        pay(claim.creditor, claim.id, invoice(claim.id).get("outstanding").asText(), "NOK");
        awaitProcessCompleted(claim.process);
        advance(Duration.ofDays(100));

        assertThat(letterCount(claim.id)).isEqualTo(lettersBeforePayment);
        assertThat(invoice(claim.id).get("status").asText()).isEqualTo("SETTLED");
        assertThat(auditTypes(claim.id)).doesNotContain("READY_FOR_COLLECTION");
    }

    @Test
    void aDisputedInvoiceGetsNothingUntilTheDisputeIsRejectedThenDunningResumesWithFreshDeadlines() {
        Claim claim = claim("NO", "PRIVATE");
        advance(Duration.ofDays(16));
        awaitAudit(claim.id, "REMINDER_SENT", 1);

        assertThat(post("/api/v1/invoices/" + claim.id + "/dispute", Map.of("reason", "Goods never arrived"))
                .getStatusCode().value()).isEqualTo(200);
        OpenUserTask resolve = awaitUserTask(claim.process, "credit-control");
        advance(Duration.ofDays(60));
        assertThat(letterCount(claim.id)).as("nothing while disputed").isEqualTo(1);
        assertThat(invoice(claim.id).get("status").asText()).isEqualTo("OPEN");

        LocalDate resolvedOn = today();
        userTasks.complete(resolve.userTaskKey(), Map.of("resolution", "REJECT", "resolutionNote", "Signed delivery note"));
        advance(Duration.ofDays(30));

        JsonNode letters = await().atMost(Duration.ofSeconds(20)).until(
                () -> rest.getForObject("/api/v1/invoices/" + claim.id + "/letters", JsonNode.class), l -> l.size() >= 2);
        assertThat(letters.get(0).get("kind").asText()).isEqualTo("REMINDER");
        assertThat(letters.get(1).get("kind").asText()).as("the reminder is not sent again").isEqualTo("NOTICE");
        assertThat(LocalDate.parse(letters.get(1).get("letterDate").asText())).isAfterOrEqualTo(resolvedOn);
        assertThat(auditTypes(claim.id)).containsSubsequence("REMINDER_SENT", "DISPUTED", "DISPUTE_RESOLVED", "NOTICE_SENT");
        assertThat(invoice(claim.id).get("dunningStage").asText()).isIn("NOTICE", "PAYMENT_DEMAND", "READY_FOR_COLLECTION");
    }

    @Test
    void anUpheldDisputeCreditsTheInvoiceAndEndsDunning() {
        Claim claim = claim("DK", "PRIVATE");
        advance(Duration.ofDays(12));
        awaitAudit(claim.id, "REMINDER_SENT", 1);
        post("/api/v1/invoices/" + claim.id + "/dispute", Map.of("reason", "Wrong price"));
        OpenUserTask resolve = awaitUserTask(claim.process, "credit-control");

        userTasks.complete(resolve.userTaskKey(), Map.of("resolution", "CREDIT", "resolutionNote", "Price was wrong"));

        awaitProcessCompleted(claim.process);
        advance(Duration.ofDays(60));
        assertThat(invoice(claim.id).get("status").asText()).isEqualTo("CREDITED");
        assertThat(letterCount(claim.id)).isEqualTo(1);
        assertThat(auditTypes(claim.id)).doesNotContain("READY_FOR_COLLECTION");
    }

    @Test
    void aPausedInvoiceWaitsUntilThePauseDateThenDunningResumes() {
        Claim claim = claim("NO", "PRIVATE");
        LocalDate until = today().plusDays(40);
        assertThat(post("/api/v1/invoices/" + claim.id + "/pause", Map.of("until", until.toString()))
                .getStatusCode().value()).isEqualTo(200);
        awaitAudit(claim.id, "PAUSED", 1);

        advance(Duration.ofDays(35));
        assertThat(letterCount(claim.id)).as("no letter during the pause").isZero();
        advance(Duration.ofDays(10));
        awaitAudit(claim.id, "RESUMED", 1);
        awaitAudit(claim.id, "REMINDER_SENT", 1);

        JsonNode letter = rest.getForObject("/api/v1/invoices/" + claim.id + "/letters", JsonNode.class).get(0);
        assertThat(LocalDate.parse(letter.get("letterDate").asText())).isAfterOrEqualTo(until);
    }

    @Test
    void aPauseEndedOnRequestResumesAtOnce() {
        Claim claim = claim("NO", "PRIVATE");
        post("/api/v1/invoices/" + claim.id + "/pause", Map.of("until", today().plusDays(60).toString()));
        awaitAudit(claim.id, "PAUSED", 1);
        advance(Duration.ofDays(20));

        assertThat(post("/api/v1/invoices/" + claim.id + "/resume", Map.of()).getStatusCode().value()).isEqualTo(200);
        advance(Duration.ofDays(3));

        awaitAudit(claim.id, "REMINDER_SENT", 1);
    }

    private record Claim(String creditor, String id, long process) {
    }

    private Claim claim(String country, String segment) {
        Country c = Country.valueOf(country);
        String creditor = createCreditor(country, c.defaultCurrency(), c.defaultLanguage());
        JsonNode invoice = register(invoiceBody(creditor, segment, false, today(), "2000.00", c.defaultCurrency()));
        return new Claim(creditor, invoice.get("id").asText(), invoice.get("processInstanceKey").asLong());
    }

    private int letterCount(String id) {
        return await().atMost(Duration.ofSeconds(5)).until(
                () -> rest.getForObject("/api/v1/invoices/" + id + "/letters", JsonNode.class), r -> r != null).size();
    }
}
