package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Creditor settings and the law's guard seen from the process: what a table or a setting asks for, and what goes out. */
class DunningRulesProcessTest extends ApplicationTestSupport {

    private static final Path FEES = Path.of("dmn/dunning-fees.dmn");
    private static final Path STRATEGY = Path.of("dmn/dunning-strategy.dmn");

    @Test
    void aFeeTableEditedAboveTheLegalCapIsRefusedByTheLawAndTheLetterStillGoesOut() throws IOException {
        String original = Files.readString(FEES);
        String edited = original.replace("<text>38</text>", "<text>500</text>");
        assertThat(edited).as("the table has a 38 NOK row to edit").isNotEqualTo(original);
        deployFees(edited);
        try {
            String creditor = creditor("NO", Map.of());
            JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today(), "1000.00", "NOK"));
            String id = invoice.get("id").asText();

            advance(Duration.ofDays(16));
            awaitAudit(id, "REMINDER_SENT", 1);

            assertThat(invoice(id).get("fees").asText()).as("inkassoforskriften § 1-2: 38 NOK at most").isEqualTo("38.00");
            JsonNode refusal = entry(id, "LEGAL_LIMIT_APPLIED");
            assertThat(refusal.get("refused").asText()).contains("500.00");
            assertThat(refusal.get("reasons").toString()).contains("NO");
        } finally {
            deployFees(original);
        }
    }

    @Test
    void aSwedishReminderFeeIsChargedOnlyWhenTheCustomerAgreedToIt() {
        String creditor = creditor("SE", Map.of());
        ObjectNode agreed = invoiceBody(creditor, "PRIVATE", false, today(), "1000.00", "SEK");
        ((ObjectNode) agreed.get("customer")).put("reminderFeeAgreed", true);
        String withAgreement = register(agreed).get("id").asText();
        String without = register(invoiceBody(creditor, "PRIVATE", false, today(), "1000.00", "SEK")).get("id").asText();

        advance(Duration.ofDays(12));
        awaitAudit(withAgreement, "REMINDER_SENT", 1);
        awaitAudit(without, "REMINDER_SENT", 1);

        assertThat(invoice(withAgreement).get("fees").asText()).as("lag 1981:739 2 §: 60 SEK if agreed").isEqualTo("60.00");
        assertThat(invoice(without).get("fees").asText()).isEqualTo("0.00");
        assertThat(entry(without, "LEGAL_LIMIT_APPLIED").get("reasons").toString()).contains("agreed");
    }

    @Test
    void anInvoiceBelowTheCreditorsMinimumGetsNoLetterAndItsFollowUpEnds() {
        String creditor = creditor("DK", Map.of("minimumReminderAmount", "100.00"));
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today(), "75.00", "DKK"));
        String id = invoice.get("id").asText();

        advance(Duration.ofDays(30));

        awaitProcessCompleted(invoice.get("processInstanceKey").asLong());
        assertThat(completedElements(invoice.get("processInstanceKey").asLong())).contains("EndEvent_NotFollowedUp");
        assertThat(auditTypes(id)).contains("REMINDER_SKIPPED").doesNotContain("REMINDER_SENT", "FEE_ADDED");
        assertThat(invoice(id).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anAgencyNoticeCreditorIsReadyForCollectionAtFourteenDaysWithoutANoticeOfItsOwn() {
        String creditor = creditor("NO", Map.of("collectionModel", "AGENCY_NOTICE"));
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today(), "5000.00", "NOK"));
        String id = invoice.get("id").asText();

        advance(Duration.ofDays(30));

        JsonNode after = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> invoice(id),
                body -> "READY_FOR_COLLECTION".equals(body.get("status").asText()));
        assertThat(auditTypes(id)).contains("REMINDER_SENT").doesNotContain("NOTICE_SENT");
        assertThat(after.get("fees").asText()).as("a reminder before 14 days carries no fee (§ 1-2)").isEqualTo("0.00");
        LocalDate due = LocalDate.parse(after.get("dueDate").asText());
        LocalDate readyOn = OffsetDateTime.parse(entry(id, "READY_FOR_COLLECTION").get("at").asText())
                .atZoneSameInstant(ZoneId.of("Europe/Oslo")).toLocalDate();
        LocalDate reminderDeadline = LocalDate.parse(entry(id, "REMINDER_SENT").get("payBy").asText());
        assertThat(readyOn).as("14 days overdue (seed 001), and never before our own letter's deadline")
                .isAfterOrEqualTo(due.plusDays(14)).isAfter(reminderDeadline);
    }

    @Test
    void aGracePeriodOfBankingDaysHoldsBackTheFirstReminder() {
        String withGrace = creditor("DK", Map.of("graceBankingDays", 10));
        String noGrace = creditor("DK", Map.of());
        String late = register(invoiceBody(withGrace, "PRIVATE", false, today(), "900.00", "DKK")).get("id").asText();
        String early = register(invoiceBody(noGrace, "PRIVATE", false, today(), "900.00", "DKK")).get("id").asText();

        advance(Duration.ofDays(12));
        awaitAudit(early, "REMINDER_SENT", 1);
        assertThat(count(late, "REMINDER_SENT")).as("10 banking days are two weeks").isZero();
        advance(Duration.ofDays(4));
        awaitAudit(late, "REMINDER_SENT", 1);
    }

    @Test
    void aFriendlyNoticeTheTableAsksForGoesOutBeforeTheDueDateWithoutAFee() throws IOException {
        String original = Files.readString(STRATEGY);
        String entry = "<outputEntry id=\"LiteralExpression_OwnNoticeNorwayPrivate_FriendlyNoticeDays\">\n          <text>null</text>";
        assertThat(original).contains(entry);
        deploy(original.replace(entry, entry.replace("null", "5")), "dunning-strategy.dmn");
        try {
            String creditor = creditor("NO", Map.of());
            LocalDate due = today().plusDays(12);
            String id = register(invoiceBody(creditor, "PRIVATE", false, due, "1000.00", "NOK")).get("id").asText();

            advance(Duration.ofDays(10));
            awaitAudit(id, "FRIENDLY_NOTICE_SENT", 1);

            JsonNode notice = entry(id, "FRIENDLY_NOTICE_SENT");
            assertThat(LocalDate.parse(notice.get("letterDate").asText())).isBefore(due).isAfterOrEqualTo(due.minusDays(5));
            assertThat(notice.get("payBy").asText()).as("the friendly notice's deadline is the due date").isEqualTo(due.toString());
            assertThat(invoice(id).get("fees").asText()).isEqualTo("0.00");
            assertThat(auditTypes(id)).doesNotContain("REMINDER_SENT", "FEE_ADDED");
        } finally {
            deploy(original, "dunning-strategy.dmn");
        }
    }

    private void deployFees(String xml) {
        deploy(xml, "dunning-fees.dmn");
    }

    private void deploy(String xml, String name) {
        camunda.newDeployResourceCommand()
                .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), name)
                .send().join();
    }

    private String creditor(String country, Map<String, Object> policy) {
        String id = unique("cred-" + country.toLowerCase());
        Country c = Country.valueOf(country);
        var response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(Map.of("name", "Creditor " + id,
                "country", country, "currency", c.defaultCurrency(), "language", c.defaultLanguage(), "policy", policy)),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return id;
    }

    private JsonNode entry(String invoiceId, String type) {
        for (JsonNode entry : invoice(invoiceId).get("auditTrail")) {
            if (type.equals(entry.get("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("No " + type + " entry for " + invoiceId);
    }
}
