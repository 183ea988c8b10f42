package org.collectionorchestrator.collection;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.dunning.ReadyForCollection;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.signature.WebhookSignature;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A creditor with a WireMock agency, invoices ready for collection, and signed callbacks, for the hand-over tests. */
abstract class HandOverTestSupport extends ApplicationTestSupport {

    static final String SECRET = "test-agency-secret";
    static final WireMockServer AGENCY = new WireMockServer(options().dynamicPort());

    static {
        AGENCY.start();
    }

    @Autowired
    ReadyForCollection readyForCollection;
    @Autowired
    HandOverReview review;

    @BeforeEach
    void freshAgency() {
        AGENCY.resetAll();
    }

    /** A Norwegian creditor with one agency at WireMock taking every NO invoice; answers the creditor id. */
    String creditorWithAgency(String agencyId) {
        String creditor = createCreditor("NO", "NOK", "nb");
        putAgency(creditor, agencyId, List.of("NO"), List.of("PRIVATE", "BUSINESS"), "0");
        return creditor;
    }

    ResponseEntity<JsonNode> putAgency(String creditor, String agencyId, List<String> countries, List<String> segments,
                                       String minimum) {
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + creditor + "/agencies/" + agencyId,
                HttpMethod.PUT, jsonEntity(Map.of("name", "Agency " + agencyId,
                        "webhookUrl", AGENCY.baseUrl() + "/webhooks/" + agencyId, "secretRef", "test-agency",
                        "countries", countries, "segments", segments, "minimumAmount", minimum)), JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
        return response;
    }

    /**
     * An invoice whose dunning ended unpaid: registered, marked ready for collection, its lifecycle process ended as
     * the model ends it at "Ready for collection". Answers the invoice id.
     */
    String readyInvoice(String creditor, String amount) {
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().minusDays(40), amount, "NOK"));
        String id = invoice.get("id").asText();
        assertThat(readyForCollection.mark(UUID.fromString(id))).isTrue();
        camunda.newCancelInstanceCommand(invoice.get("processInstanceKey").asLong()).send().join();
        assertThat(invoice(id).get("status").asText()).isEqualTo("READY_FOR_COLLECTION");
        return id;
    }

    HandOverReview.Outcome approve(String creditor, String... invoiceIds) {
        return review.approve(creditor, unique("review"), List.of(invoiceIds), Map.of(), false);
    }

    JsonNode awaitStatus(String invoiceId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> invoice(invoiceId),
                body -> status.equals(body.get("status").asText()));
    }

    JsonNode caseOf(String invoiceId) {
        JsonNode cases = rest.getForObject("/api/v1/invoices/" + invoiceId + "/collection-cases", JsonNode.class);
        assertThat(cases.size()).as("cases of %s", invoiceId).isGreaterThan(0);
        return cases.get(cases.size() - 1);
    }

    /** POST /api/v1/agencies/{agencyId}/events with the body as given and this signature header (null: none). */
    ResponseEntity<JsonNode> postEvent(String agencyId, String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set(WebhookSignature.HEADER, signature);
        }
        return rest.exchange("/api/v1/agencies/" + agencyId + "/events", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** The body signed now with the test agencies' secret, as an agency would send it. */
    ResponseEntity<JsonNode> signedEvent(String agencyId, String body) {
        return postEvent(agencyId, body, WebhookSignature.sign(SECRET, clock.instant(), body.getBytes(StandardCharsets.UTF_8)));
    }

    List<IncidentRecordValue> incidents(String processId) {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
                .map(r -> (IncidentRecordValue) r.getValue())
                .filter(v -> v.getBpmnProcessId().equals(processId))
                .toList();
    }

    /** The creditor's weekly review process. */
    long reviewProcess(String creditorId) {
        return processWithVariable("hand-over-review", "creditorId", creditorId);
    }

    /** The latest value of a variable of a process instance, as JSON. */
    JsonNode variable(long processInstanceKey, String name) {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getName().equals(name))
                .reduce((a, b) -> b)
                .map(v -> {
                    try {
                        return json.readTree(v.getValue());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseThrow(() -> new AssertionError("no variable " + name));
    }

    long processWithVariable(String processId, String name, String value) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
                .filter(v -> v.getBpmnProcessId().equals(processId) && v.getName().equals(name)
                        && v.getValue().equals("\"" + value + "\""))
                .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getProcessInstanceKey)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** PUT hand-over settings: the review opens tomorrow (in Oslo) at 08:00, emails to {@code email}. */
    void reviewTomorrow(String creditor, String email) {
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + creditor + "/hand-over-settings",
                HttpMethod.PUT, jsonEntity(Map.of("reviewDay", today().plusDays(1).getDayOfWeek().name(),
                        "reviewTime", "08:00", "approvalWindow", "P3D", "notifyEmail", email)), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    }

    /** The process instance key of the agency case process of this case id. */
    long caseProcess(String caseId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
                .filter(v -> v.getBpmnProcessId().equals("agency-case") && v.getName().equals("caseId")
                        && v.getValue().equals("\"" + caseId + "\""))
                .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getProcessInstanceKey)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
