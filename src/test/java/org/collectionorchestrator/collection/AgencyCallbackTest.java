package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.signature.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The agency's signed callbacks: each bad one refused with nothing changed; case opened, payment collected (booked
 * as a payment, the case process ends when the balance is settled), recall confirmed; and a payment that reaches
 * the creditor while the invoice is at the agency is reported to the agency, signed.
 */
class AgencyCallbackTest extends HandOverTestSupport {

    private record Handed(String creditor, String agency, String invoiceId, String caseId, long process) {
    }

    private Handed handedOver(String amount) {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(202)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, amount);
        approve(creditor, invoiceId);
        awaitStatus(invoiceId, "HANDED_OVER");
        String caseId = caseOf(invoiceId).get("id").asText();
        return new Handed(creditor, agency, invoiceId, caseId, caseProcess(caseId));
    }

    private String event(String eventId, String type, String caseId, String extra) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"caseId\":\"" + caseId + "\","
                + "\"occurredAt\":\"2026-12-01T10:00:00Z\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** What a refused callback must leave as it was: the invoice (status, amounts, audit trail) and the case. */
    private String state(Handed h) {
        JsonNode invoice = invoice(h.invoiceId());
        return invoice.get("status") + " " + invoice.get("outstanding") + " " + invoice.get("auditTrail").size() + " "
                + caseOf(h.invoiceId());
    }

    @Test
    void badCallbacksAreRefusedWithNothingChanged() {
        Handed h = handedOver("1000.00");
        String opened = event("ev-open", "CASE_OPENED", h.caseId(), "\"agencyReference\":\"R-1\"");
        byte[] body = opened.getBytes(StandardCharsets.UTF_8);
        String before = state(h);

        ResponseEntity<JsonNode> missing = postEvent(h.agency(), opened, null);
        ResponseEntity<JsonNode> malformed = postEvent(h.agency(), opened, "v1=abc");
        ResponseEntity<JsonNode> wrongSecret = postEvent(h.agency(), opened,
                WebhookSignature.sign("not-the-secret", clock.instant(), body));
        ResponseEntity<JsonNode> otherBody = postEvent(h.agency(), opened,
                WebhookSignature.sign(SECRET, clock.instant(), "{}".getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<JsonNode> stale = postEvent(h.agency(), opened,
                WebhookSignature.sign(SECRET, clock.instant().minus(Duration.ofMinutes(6)), body));
        ResponseEntity<JsonNode> unknownAgency = signedEvent("no-such-agency", opened);
        ResponseEntity<JsonNode> unknownCase = signedEvent(h.agency(),
                event("ev-x", "CASE_OPENED", UUID.randomUUID().toString(), ""));
        ResponseEntity<JsonNode> paymentWithoutAmount = signedEvent(h.agency(), event("ev-y", "PAYMENT_COLLECTED", h.caseId(), ""));

        assertThat(List.of(missing, malformed, wrongSecret, otherBody, stale)).allSatisfy(r -> {
            assertThat(r.getStatusCode().value()).isEqualTo(401);
            assertThat(r.getBody().get("type").asText()).endsWith("/invalid-signature");
        });
        assertThat(stale.getBody().get("detail").asText()).contains("five minutes");
        assertThat(unknownAgency.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownCase.getStatusCode().value()).isEqualTo(404);
        assertThat(paymentWithoutAmount.getStatusCode().value()).isEqualTo(400);
        assertThat(state(h)).isEqualTo(before);

        ResponseEntity<JsonNode> accepted = signedEvent(h.agency(), opened);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(200);
        String afterFirst = state(h);
        assertThat(afterFirst).isNotEqualTo(before);
        assertThat(caseOf(h.invoiceId()).get("status").asText()).isEqualTo("OPENED");
        assertThat(caseOf(h.invoiceId()).get("agencyReference").asText()).isEqualTo("R-1");

        ResponseEntity<JsonNode> replay = signedEvent(h.agency(), opened);
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(state(h)).isEqualTo(afterFirst);
    }

    @Test
    void paymentsCollectedByTheAgencyAreBookedAndASettledBalanceEndsTheCase() {
        Handed h = handedOver("1000.00");
        BigDecimal owed = new BigDecimal(invoice(h.invoiceId()).get("outstanding").asText());

        ResponseEntity<JsonNode> part = signedEvent(h.agency(), event("pay-1", "PAYMENT_COLLECTED", h.caseId(),
                "\"payment\":{\"amount\":\"400.00\",\"currency\":\"NOK\",\"date\":\"" + today() + "\",\"agencyFee\":\"35.00\"}"));
        assertThat(part.getStatusCode().value()).as("%s", part.getBody()).isEqualTo(200);
        JsonNode afterPart = invoice(h.invoiceId());
        assertThat(afterPart.get("status").asText()).isEqualTo("HANDED_OVER");
        assertThat(new BigDecimal(afterPart.get("outstanding").asText())).isEqualByComparingTo(owed.subtract(new BigDecimal("400")));
        assertThat(lastAudit(afterPart, "AGENCY_CASE_UPDATED").get("agencyFee").asText()).isEqualTo("35.00");

        ResponseEntity<JsonNode> rest = signedEvent(h.agency(), event("pay-2", "PAYMENT_COLLECTED", h.caseId(),
                "\"payment\":{\"amount\":\"" + owed.subtract(new BigDecimal("400")).toPlainString()
                        + "\",\"currency\":\"NOK\",\"date\":\"" + today() + "\"}"));
        assertThat(rest.getStatusCode().value()).as("%s", rest.getBody()).isEqualTo(200);

        assertThat(awaitStatus(h.invoiceId(), "SETTLED").get("outstanding").asText()).isEqualTo("0.00");
        awaitProcessCompleted(h.process());
        assertThat(completedElements(h.process())).contains("EndEvent_InvoiceSettled");
        // the agency collected both payments itself: nothing is reported back to it
        assertThat(AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + h.agency()))
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("payment-received"))))).isEmpty();
        assertThat(signedEvent(h.agency(), event("pay-1", "PAYMENT_COLLECTED", h.caseId(),
                "\"payment\":{\"amount\":\"400.00\",\"currency\":\"NOK\",\"date\":\"" + today() + "\"}"))
                .getStatusCode().value()).isEqualTo(409);
        JsonNode closed = caseOf(h.invoiceId());
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closeOutcome").asText()).isEqualTo("SETTLED");
        assertThat(post("/api/v1/invoices/" + h.invoiceId() + "/recall", Map.of("reason", "too late"))
                .getStatusCode().value()).isEqualTo(409);
        // the agency confirms the close after our settlement: taken, nothing changes
        assertThat(signedEvent(h.agency(), event("close-1", "CASE_CLOSED", h.caseId(), "\"outcome\":\"PAID\""))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(invoice(h.invoiceId()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aPaymentToTheCreditorIsReportedToTheAgencySigned() throws Exception {
        Handed h = handedOver("1000.00");

        pay(h.creditor(), h.invoiceId(), "250.00", "NOK");

        List<LoggedRequest> reports = await().atMost(Duration.ofSeconds(20)).until(() ->
                AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + h.agency()))
                        .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("payment-received")))), r -> !r.isEmpty());
        assertThat(reports).hasSize(1);
        LoggedRequest report = reports.getFirst();
        assertThat(WebhookSignature.verify(report.getHeader(WebhookSignature.HEADER), report.getBody(), SECRET,
                clock.instant())).isEqualTo(WebhookSignature.Verification.VALID);
        JsonNode body = json.readTree(report.getBody());
        assertThat(body.get("caseId").asText()).isEqualTo(h.caseId());
        assertThat(body.get("amount").asText()).isEqualTo("250.00");
        assertThat(new BigDecimal(body.get("outstanding").asText()))
                .isEqualByComparingTo(new BigDecimal(invoice(h.invoiceId()).get("outstanding").asText()));
        assertThat(invoice(h.invoiceId()).get("status").asText()).isEqualTo("HANDED_OVER");
    }

    @Test
    void aRecallIsSentSignedAndTheCaseEndsWhenTheAgencyConfirmsIt() throws Exception {
        Handed h = handedOver("1000.00");

        ResponseEntity<JsonNode> recall = post("/api/v1/invoices/" + h.invoiceId() + "/recall",
                Map.of("reason", "The debtor paid us directly"));
        assertThat(recall.getStatusCode().value()).as("%s", recall.getBody()).isEqualTo(200);
        assertThat(recall.getBody().get("status").asText()).isEqualTo("RECALL_REQUESTED");
        assertThat(post("/api/v1/invoices/" + h.invoiceId() + "/recall", Map.of("reason", "again"))
                .getStatusCode().value()).isEqualTo(200);

        LoggedRequest sent = await().atMost(Duration.ofSeconds(20)).until(() ->
                AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + h.agency()))
                        .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("recall")))), r -> r.size() == 1).getFirst();
        assertThat(WebhookSignature.verify(sent.getHeader(WebhookSignature.HEADER), sent.getBody(), SECRET,
                clock.instant())).isEqualTo(WebhookSignature.Verification.VALID);
        assertThat(json.readTree(sent.getBody()).get("reason").asText()).isEqualTo("The debtor paid us directly");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("recall-" + h.caseId());
        assertThat(processCompleted(h.process())).isFalse();

        ResponseEntity<JsonNode> closed = signedEvent(h.agency(), event("close-1", "CASE_CLOSED", h.caseId(),
                "\"outcome\":\"RECALLED\""));
        assertThat(closed.getStatusCode().value()).as("%s", closed.getBody()).isEqualTo(200);

        awaitProcessCompleted(h.process());
        assertThat(completedElements(h.process())).contains("EndEvent_CaseClosed");
        assertThat(invoice(h.invoiceId()).get("status").asText()).isEqualTo("RECALLED");
        assertThat(caseOf(h.invoiceId()).get("closeOutcome").asText()).isEqualTo("RECALLED");
        assertThat(signedEvent(h.agency(), event("late-1", "STATUS_CHANGED", h.caseId(), "\"status\":\"x\""))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void recallOfAnInvoiceNotAtAnAgencyIsRefused() {
        String creditor = creditorWithAgency(unique("agency"));
        String invoiceId = readyInvoice(creditor, "500.00");
        assertThat(post("/api/v1/invoices/" + invoiceId + "/recall", Map.of("reason", "no")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(post("/api/v1/invoices/" + UUID.randomUUID() + "/recall", Map.of("reason", "no")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post("/api/v1/invoices/" + invoiceId + "/recall", Map.of("reason", " ")).getStatusCode().value())
                .isEqualTo(400);
    }
}
