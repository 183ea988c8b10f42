package org.collectionorchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.collectionorchestrator.local.SimulatedAgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The local profile's simulated agency (the reference receiver) against the real service: it takes the signed
 * hand-over, calls back CASE_OPENED signed, and reports a collected payment that settles the invoice, as a reviewer
 * sees it in the local run.
 */
@DirtiesContext
@TestPropertySource(properties = "collection.agencies.secrets.simulated=simulated-test-secret")
class SimulatedAgencyTest extends HandOverTestSupport {

    @TestConfiguration
    static class WithSimulatedAgency {
        @Bean
        SimulatedAgency simulatedAgency(@Value("${collection.agencies.secrets.simulated}") String secret, ObjectMapper json,
                                        Clock clock, Environment environment) {
            return new SimulatedAgency(secret, json, clock, environment);
        }
    }

    @Test
    void aHandOverIsVerifiedOpenedAndCollectedByTheSimulatedAgency() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String agency = unique("simulated");
        ResponseEntity<JsonNode> put = rest.exchange("/api/v1/creditors/" + creditor + "/agencies/" + agency, HttpMethod.PUT,
                jsonEntity(Map.of("name", "Simulated", "webhookUrl", rest.getRootUri() + "/api/v1/dev/simulated-agency/" + agency,
                        "secretRef", "simulated", "countries", List.of("NO"), "segments", List.of("PRIVATE"))), JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(201);
        String invoiceId = readyInvoice(creditor, "990.00");

        approve(creditor, invoiceId);

        awaitStatus(invoiceId, "HANDED_OVER");
        JsonNode opened = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoiceId),
                c -> "OPENED".equals(c.get("status").asText()));
        String caseId = opened.get("id").asText();
        JsonNode log = rest.getForObject("/api/v1/dev/simulated-agency", JsonNode.class);
        assertThat(log.at("/received/0/signatureValid").asBoolean()).isTrue();
        assertThat(log.at("/received/0/type").asText()).isEqualTo("hand-over");
        assertThat(log.at("/sent/0/status").asInt()).isEqualTo(200);

        ResponseEntity<JsonNode> collected = post("/api/v1/dev/simulated-agency/cases/" + caseId + "/collect", Map.of());
        assertThat(collected.getBody().get("callbackStatus").asInt()).isEqualTo(200);
        assertThat(awaitStatus(invoiceId, "SETTLED").get("outstanding").asText()).isEqualTo("0.00");
    }
}
