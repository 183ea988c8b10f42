package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Map;
import org.collectionorchestrator.local.SimulatedAgency;
import org.collectionorchestrator.signature.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;

/**
 * The local profile's simulated agency (the reference receiver) against the real service: it takes the signed
 * hand-over the service sent, refuses a tampered one, calls back CASE_OPENED signed, and reports a collected payment
 * that settles the invoice, as a reviewer sees it in the local run. (Driven directly: the shared test context has no
 * local profile.)
 */
class SimulatedAgencyTest extends HandOverTestSupport {

    @Autowired
    Environment environment;

    @Test
    void aHandOverIsVerifiedOpenedAndCollectedByTheSimulatedAgency() throws Exception {
        String agency = unique("simulated");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(201)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "990.00");
        approve(creditor, invoiceId);
        awaitStatus(invoiceId, "HANDED_OVER");
        LoggedRequest handOver = AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency))).getFirst();
        SimulatedAgency simulated = new SimulatedAgency(SECRET, json, clock, environment);

        ResponseEntity<Map<String, Object>> tampered = simulated.webhook(agency, handOver.getHeader(WebhookSignature.HEADER),
                "other-key", handOver.getBodyAsString().replace("990.00", "9.90").getBytes());
        assertThat(tampered.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map<String, Object>> taken = simulated.webhook(agency, handOver.getHeader(WebhookSignature.HEADER),
                handOver.getHeader("Idempotency-Key"), handOver.getBody());
        assertThat(taken.getStatusCode().value()).isEqualTo(201);
        assertThat(simulated.webhook(agency, handOver.getHeader(WebhookSignature.HEADER), handOver.getHeader("Idempotency-Key"),
                handOver.getBody()).getBody()).containsEntry("repeat", true);

        JsonNode opened = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoiceId),
                c -> "OPENED".equals(c.get("status").asText()));
        assertThat(opened.get("agencyReference").asText()).startsWith("SIM-");
        String caseId = opened.get("id").asText();

        ResponseEntity<Map<String, Object>> collected = simulated.collect(caseId, null);
        assertThat(collected.getBody()).containsEntry("callbackStatus", 200);
        assertThat(awaitStatus(invoiceId, "SETTLED").get("outstanding").asText()).isEqualTo("0.00");
        assertThat(json.valueToTree(simulated.log()).at("/sent/1/type").asText()).isEqualTo("PAYMENT_COLLECTED");
    }
}
