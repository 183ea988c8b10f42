package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.List;
import org.collectionorchestrator.signature.WebhookSignature;
import org.junit.jupiter.api.Test;

/**
 * The outbound hand-over webhook against a WireMock agency: signed so that the agency's check passes, one
 * Idempotency-Key per case whatever the retries, retried through 5xx and a slow answer, and a 4xx refusal becomes an
 * incident carrying the agency's problem text.
 */
class AgencyHandOverTest extends HandOverTestSupport {

    @Test
    void handOverIsSignedSoThatTheAgencyCanVerifyItAndCarriesTheWholeClaim() throws Exception {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(201)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "1250.00");

        assertThat(approve(creditor, invoiceId).approved()).containsExactly(invoiceId);

        JsonNode handedOver = awaitStatus(invoiceId, "HANDED_OVER");
        List<LoggedRequest> requests = AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        // the test receiver checks the signature as the contract tells an agency to
        assertThat(WebhookSignature.verify(request.getHeader(WebhookSignature.HEADER), request.getBody(), SECRET,
                clock.instant())).isEqualTo(WebhookSignature.Verification.VALID);
        assertThat(WebhookSignature.verify(request.getHeader(WebhookSignature.HEADER), request.getBody(), "other-secret",
                clock.instant())).isEqualTo(WebhookSignature.Verification.MISMATCH);
        JsonNode caseRow = caseOf(invoiceId);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("hand-over-" + caseRow.get("id").asText());
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("type").asText()).isEqualTo("hand-over");
        assertThat(body.get("caseId").asText()).isEqualTo(caseRow.get("id").asText());
        assertThat(body.at("/debtor/name").asText()).isEqualTo("Kari Nordmann");
        assertThat(body.at("/debtor/email").asText()).isEqualTo("kari@example.no");
        assertThat(body.at("/invoice/amount").asText()).isEqualTo("1250.00");
        assertThat(body.at("/invoice/outstanding/principal").asText()).isEqualTo(handedOver.get("principal").asText());
        assertThat(body.at("/invoice/outstanding/total").asText()).isEqualTo(handedOver.get("outstanding").asText());
        assertThat(body.at("/invoice/dueDate").asText()).isEqualTo(today().minusDays(40).toString());
        assertThat(body.get("letters").isArray()).isTrue();
        assertThat(body.get("disputes").isArray()).isTrue();
        assertThat(caseRow.get("status").asText()).isEqualTo("HANDED_OVER");
        assertThat(caseRow.get("agencyId").asText()).isEqualTo(agency);
        assertThat(auditTypes(invoiceId)).contains("COLLECTION_APPROVED", "HANDED_OVER");
    }

    @Test
    void serverErrorsAreRetriedWithTheSameIdempotencyKeyAndOneCaseOpensAtTheAgency() {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "800.00");

        approve(creditor, invoiceId);

        awaitStatus(invoiceId, "HANDED_OVER");
        List<LoggedRequest> requests = AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency)));
        assertThat(requests).hasSize(3);
        assertThat(requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSize(1);
        assertThat(incidents("agency-case")).isEmpty();
    }

    @Test
    void aSlowAgencyIsAskedAgainAfterTheCallTimeout() {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3000)).willSetStateTo("quick"));
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).inScenario("slow").whenScenarioStateIs("quick")
                .willReturn(aResponse().withStatus(200).withFixedDelay(500)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "900.00");

        approve(creditor, invoiceId);

        awaitStatus(invoiceId, "HANDED_OVER");
        List<LoggedRequest> requests = AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency)));
        assertThat(requests).hasSize(2); // the first timed out after 2 s (collection.agencies.call-timeout in tests)
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isEqualTo(requests.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void aRefusalIsAnIncidentWithTheAgencysProblemTextAndTheInvoiceIsNotHandedOver() {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"detail\":\"Debtor address missing: "
                        + "we need a postal address for an inkassovarsel\"}")));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "700.00");

        approve(creditor, invoiceId);

        IncidentRecordValue incident = await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents("agency-case"), found -> found.stream()
                        .anyMatch(i -> i.getErrorMessage().contains("Debtor address missing"))).stream()
                .filter(i -> i.getErrorMessage().contains("Debtor address missing")).findFirst().orElseThrow();
        assertThat(incident.getErrorMessage()).contains("HTTP 422").contains("we need a postal address");
        assertThat(incident.getElementId()).isEqualTo("Activity_HandOverToAgency");
        assertThat(AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency)))).hasSize(1);
        assertThat(invoice(invoiceId).get("status").asText()).isEqualTo("COLLECTION_APPROVED");
        assertThat(caseOf(invoiceId).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aPaidInvoiceIsNeverHandedOver() {
        String agency = unique("agency");
        AGENCY.stubFor(WireMock.post(urlPathEqualTo("/webhooks/" + agency)).willReturn(aResponse().withStatus(201)));
        String creditor = creditorWithAgency(agency);
        String invoiceId = readyInvoice(creditor, "600.00");
        JsonNode before = invoice(invoiceId);
        pay(creditor, invoiceId, before.get("outstanding").asText(), "NOK");

        assertThat(approve(creditor, invoiceId).droppedOut()).containsExactly(invoiceId);

        assertThat(invoice(invoiceId).get("status").asText()).isEqualTo("SETTLED");
        assertThat(AGENCY.findAll(postRequestedFor(urlPathEqualTo("/webhooks/" + agency)))).isEmpty();
    }
}
