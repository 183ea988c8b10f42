package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.collectionorchestrator.invoice.DunningHolds.DunningHold;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/v1/invoices/{id}/dispute, /pause and /resume over HTTP on a real database. */
class DisputeApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DunningHolds holds;

    private String creditor;

    private String openInvoice() {
        creditor = createCreditor("NO", "NOK", "nb");
        return register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK")).get("id").asText();
    }

    private ResponseEntity<JsonNode> dispute(String invoiceId, String reason) {
        return post("/api/v1/invoices/" + invoiceId + "/dispute", Map.of("reason", reason));
    }

    private ResponseEntity<JsonNode> pause(String invoiceId, LocalDate until) {
        return post("/api/v1/invoices/" + invoiceId + "/pause", Map.of("until", until.toString()));
    }

    private ResponseEntity<JsonNode> resume(String invoiceId) {
        return rest.exchange("/api/v1/invoices/" + invoiceId + "/resume", HttpMethod.POST, null, JsonNode.class);
    }

    private Optional<DunningHold> hold(String invoiceId) {
        return holds.of(UUID.fromString(invoiceId));
    }

    /** The engine messages of this name the invoice's transactions wrote to the outbox, oldest first. */
    private List<EngineMessage> engineMessages(String invoiceId, String name) {
        return jdbc.sql("""
                        select payload::text from outbox_message
                         where channel = 'engine' and ordering_key = :key and message_type = :name order by id""")
                .param("key", invoiceId)
                .param("name", name)
                .query(String.class)
                .list().stream()
                .map(payload -> {
                    try {
                        return json.readValue(payload, EngineMessage.class);
                    } catch (Exception e) {
                        throw new AssertionError("unreadable outbox payload " + payload, e);
                    }
                })
                .toList();
    }

    private JsonNode lastAudit(String invoiceId, String type) {
        List<JsonNode> entries = StreamSupport.stream(invoice(invoiceId).get("auditTrail").spliterator(), false)
                .filter(e -> e.get("type").asText().equals(type)).toList();
        assertThat(entries).as("%s entries", type).isNotEmpty();
        return entries.getLast();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    }

    // ---------------------------------------------------------------------------------------------- dispute

    @Test
    void aDisputeHoldsDunningRecordsTheReasonAndTellsTheProcess() {
        String id = openInvoice();

        ResponseEntity<JsonNode> response = dispute(id, "The goods never arrived");

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(response.getBody().get("id").asText()).isEqualTo(id);
        assertThat(response.getBody().get("status").asText()).isEqualTo("OPEN");
        JsonNode disputed = lastAudit(id, "DISPUTED");
        assertThat(disputed.get("reason").asText()).isEqualTo("The goods never arrived");
        assertThat(disputed.get("disputeNumber").asInt()).isEqualTo(1);
        assertThat(hold(id)).contains(DunningHold.DISPUTED);
        assertThat(holds.isDisputed(UUID.fromString(id))).isTrue();
        List<EngineMessage> messages = engineMessages(id, "invoice-disputed");
        assertThat(messages).hasSize(1);
        EngineMessage message = messages.getFirst();
        assertThat(message.correlationKey()).isEqualTo(id);
        assertThat(message.messageId()).isEqualTo("invoice-disputed:" + id + ":1");
        assertThat(message.timeToLive()).isEqualTo(Duration.ofHours(1));
        assertThat(message.variables()).containsEntry("disputeNumber", 1)
                .containsEntry("disputeReason", "The goods never arrived");
        assertThat(jdbc.sql("select count(*) from outbox_message where channel = 'events' and ordering_key = :key "
                        + "and message_type = 'org.collectionorchestrator.invoice.disputed.v1'")
                .param("key", id).query(Integer.class).single()).as("the audit entry is an event").isEqualTo(1);
    }

    @Test
    void disputingTwiceIsAConflictAndChangesNothing() {
        String id = openInvoice();
        assertThat(dispute(id, "Wrong price").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> again = dispute(id, "Wrong price");

        assertProblem(again, 409);
        assertThat(again.getBody().get("detail").asText()).contains("already disputed");
        assertThat(count(id, "DISPUTED")).isEqualTo(1);
        assertThat(engineMessages(id, "invoice-disputed")).hasSize(1);
    }

    @Test
    void aReasonOfFiveHundredCharactersIsAccepted() {
        String id = openInvoice();
        assertThat(dispute(id, "x".repeat(500)).getStatusCode().value()).isEqualTo(200);
    }

    static Stream<Arguments> badDisputeBodies() {
        return Stream.of(
                Arguments.of("no reason", "{}", "reason"),
                Arguments.of("empty reason", "{\"reason\": \"\"}", "reason"),
                Arguments.of("blank reason", "{\"reason\": \"   \"}", "reason"),
                Arguments.of("501 characters", "{\"reason\": \"" + "x".repeat(501) + "\"}", "reason"),
                Arguments.of("NUL character", "{\"reason\": \"bad\\u0000reason\"}", "reason"),
                Arguments.of("line break", "{\"reason\": \"two\\nlines\"}", "reason"),
                Arguments.of("reason is an object", "{\"reason\": {\"text\": \"x\"}}", "reason"),
                Arguments.of("malformed JSON", "{\"reason\": ", null),
                Arguments.of("JSON null", "null", null),
                Arguments.of("an array", "[\"reason\"]", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDisputeBodies")
    void aBadDisputeBodyIsAProblemAndChangesNothing(String name, String body, String field) {
        String id = openInvoice();

        ResponseEntity<JsonNode> response = postRaw("/api/v1/invoices/" + id + "/dispute", body);

        assertProblem(response, 400);
        if (field != null) {
            assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(count(id, "DISPUTED")).isZero();
        assertThat(hold(id)).isEmpty();
        assertThat(engineMessages(id, "invoice-disputed")).isEmpty();
    }

    @Test
    void anUnknownOrMalformedInvoiceIdIsAProblem() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(dispute(unknown, "Wrong price"), 404);
        assertProblem(pause(unknown, today().plusDays(10)), 404);
        assertProblem(resume(unknown), 404);
        assertProblem(dispute("not-a-uuid", "Wrong price"), 400);
    }

    @Test
    void aPaidInvoiceCannotBeDisputedOrPaused() {
        String id = openInvoice();
        pay(creditor, id, "1250.00", "NOK");
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");

        ResponseEntity<JsonNode> disputed = dispute(id, "Too late");
        ResponseEntity<JsonNode> paused = pause(id, today().plusDays(10));

        assertProblem(disputed, 409);
        assertThat(disputed.getBody().get("detail").asText()).contains("settled");
        assertProblem(paused, 409);
        assertThat(hold(id)).isEmpty();
        assertThat(auditTypes(id)).doesNotContain("DISPUTED", "PAUSED");
    }

    @Test
    void payingADisputedInvoiceStillSettlesIt() {
        String id = openInvoice();
        dispute(id, "Wrong price");

        pay(creditor, id, "1250.00", "NOK");

        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("0.00");
    }

    // ---------------------------------------------------------------------------------------------- pause

    @Test
    void aPauseHoldsDunningUntilTheStartOfItsDayInTheCreditorsZone() {
        String id = openInvoice();
        LocalDate until = today().plusDays(30);

        ResponseEntity<JsonNode> response = pause(id, until);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(lastAudit(id, "PAUSED").get("until").asText()).isEqualTo(until.toString());
        assertThat(hold(id)).contains(DunningHold.PAUSED);
        assertThat(holds.isDisputed(UUID.fromString(id))).isFalse();
        List<EngineMessage> messages = engineMessages(id, "invoice-paused");
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().messageId()).isEqualTo("invoice-paused:" + id + ":1");
        assertThat(messages.getFirst().correlationKey()).isEqualTo(id);
        assertThat(messages.getFirst().timeToLive()).isEqualTo(Duration.ofHours(1));
        assertThat(messages.getFirst().variables()).containsEntry("pausedUntilAt",
                until.atStartOfDay(ZoneId.of("Europe/Oslo")).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @Test
    void aPauseMayLastExactlyOneYear() {
        String id = openInvoice();
        assertThat(pause(id, today().plusYears(1)).getStatusCode().value()).isEqualTo(200);
    }

    static Stream<Arguments> untilOutOfRange() {
        return Stream.of(
                Arguments.of("today", (UnaryOperator<LocalDate>) today -> today),
                Arguments.of("yesterday", (UnaryOperator<LocalDate>) today -> today.minusDays(1)),
                Arguments.of("a year and a day ahead", (UnaryOperator<LocalDate>) today -> today.plusYears(1).plusDays(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untilOutOfRange")
    void aPauseNotInTheComingYearIsUnprocessable(String name, UnaryOperator<LocalDate> fromToday) {
        String id = openInvoice();
        LocalDate until = fromToday.apply(today());

        ResponseEntity<JsonNode> response = pause(id, until);

        assertProblem(response, 422);
        assertThat(response.getBody().get("detail").asText()).contains(until.toString());
        assertThat(hold(id)).isEmpty();
        assertThat(engineMessages(id, "invoice-paused")).isEmpty();
    }

    static Stream<Arguments> badPauseBodies() {
        return Stream.of(
                Arguments.of("no date", "{}", "until"),
                Arguments.of("null date", "{\"until\": null}", "until"),
                Arguments.of("no such day", "{\"until\": \"2027-02-30\"}", "until"),
                Arguments.of("not a date", "{\"until\": \"next week\"}", "until"),
                Arguments.of("far beyond any calendar", "{\"until\": \"+999999999-12-31\"}", "until"),
                Arguments.of("malformed JSON", "{\"until\": ", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPauseBodies")
    void aBadPauseBodyIsAProblemAndChangesNothing(String name, String body, String field) {
        String id = openInvoice();

        ResponseEntity<JsonNode> response = postRaw("/api/v1/invoices/" + id + "/pause", body);

        assertProblem(response, 400);
        if (field != null) {
            assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(hold(id)).isEmpty();
    }

    @Test
    void aPauseIsJudgedByTheCreditorsCalendar() {
        // 25 hours apart: whatever the hour, at least one of these differs from Oslo's date
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            String farAway = unique("cred-zone");
            ResponseEntity<JsonNode> created = rest.exchange("/api/v1/creditors/" + farAway, HttpMethod.PUT,
                    jsonEntity(Map.of("name", "Far away", "country", "NO", "currency", "NOK", "language", "nb",
                            "timeZone", zone)), JsonNode.class);
            assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
            String id = register(invoiceBody(farAway, "BUSINESS", false, today().plusDays(14), "100.00", "NOK"))
                    .get("id").asText();
            LocalDate creditorsToday = LocalDate.now(clock.withZone(ZoneId.of(zone)));

            assertProblem(pause(id, creditorsToday), 422);
            assertThat(pause(id, creditorsToday.plusDays(1)).getStatusCode().value()).as(zone).isEqualTo(200);
        }
    }

    @Test
    void aHeldInvoiceCannotBePausedOrDisputedAgain() {
        String paused = openInvoice();
        pause(paused, today().plusDays(10));
        String disputed = openInvoice();
        dispute(disputed, "Wrong price");

        ResponseEntity<JsonNode> pausedAgain = pause(paused, today().plusDays(20));
        ResponseEntity<JsonNode> disputedWhilePaused = dispute(paused, "Wrong price");
        ResponseEntity<JsonNode> pausedWhileDisputed = pause(disputed, today().plusDays(10));

        assertProblem(pausedAgain, 409);
        assertThat(pausedAgain.getBody().get("detail").asText()).contains("paused until " + today().plusDays(10));
        assertProblem(disputedWhilePaused, 409);
        assertProblem(pausedWhileDisputed, 409);
        assertThat(pausedWhileDisputed.getBody().get("detail").asText()).contains("disputed");
        assertThat(hold(paused)).contains(DunningHold.PAUSED);
        assertThat(hold(disputed)).contains(DunningHold.DISPUTED);
    }

    @Test
    void payingAPausedInvoiceStillSettlesIt() {
        String id = openInvoice();
        pause(id, today().plusDays(10));

        pay(creditor, id, "1250.00", "NOK");

        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    // ---------------------------------------------------------------------------------------------- resume

    @Test
    void aResumeEndsThePauseAndTellsTheProcess() {
        String id = openInvoice();
        pause(id, today().plusDays(10));

        ResponseEntity<JsonNode> response = resume(id);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(lastAudit(id, "RESUMED").get("by").asText()).isEqualTo("request");
        assertThat(hold(id)).isEmpty();
        List<EngineMessage> messages = engineMessages(id, "invoice-resumed");
        assertThat(messages).extracting(EngineMessage::messageId).containsExactly("invoice-resumed:" + id + ":1");
        assertThat(messages.getFirst().timeToLive()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSecondPauseGetsItsOwnMessageIds() {
        String id = openInvoice();
        pause(id, today().plusDays(10));
        resume(id);

        assertThat(pause(id, today().plusDays(20)).getStatusCode().value()).isEqualTo(200);

        assertThat(engineMessages(id, "invoice-paused")).extracting(EngineMessage::messageId)
                .containsExactly("invoice-paused:" + id + ":1", "invoice-paused:" + id + ":2");
    }

    @Test
    void resumingAnInvoiceThatIsNotPausedIsAConflict() {
        String open = openInvoice();
        String disputed = openInvoice();
        dispute(disputed, "Wrong price");

        ResponseEntity<JsonNode> notPaused = resume(open);
        ResponseEntity<JsonNode> whileDisputed = resume(disputed);

        assertProblem(notPaused, 409);
        assertThat(notPaused.getBody().get("detail").asText()).contains("is not paused");
        assertProblem(whileDisputed, 409);
        assertThat(whileDisputed.getBody().get("detail").asText()).contains("disputed");
        assertThat(hold(disputed)).contains(DunningHold.DISPUTED);
        assertThat(auditTypes(open)).doesNotContain("RESUMED");
        assertThat(engineMessages(open, "invoice-resumed")).isEmpty();
    }
}
