package org.collectionorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends ApplicationTestSupport {

    @Test
    void logsAreJsonWithTheInvoiceIdOfTheirInvoice(CapturedOutput output) throws Exception {
        String creditor = createCreditor("DK", "DKK", "da");
        String id = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "10.00", "DKK")).get("id").asText();

        String line = output.getOut().lines().filter(l -> l.contains("registered") && l.contains(id)).findFirst().orElseThrow();
        JsonNode entry = json.readTree(line);
        assertThat(entry.get("invoiceId").asText()).isEqualTo(id);
        assertThat(entry.get("message").asText()).contains("registered");
    }

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void readinessCoversDatabaseAndEngineAndAnAnonymousCallerSeesOnlyTheStatus() {
        JsonNode health = rest.getForObject("/actuator/health", JsonNode.class);
        JsonNode readiness = rest.getForObject("/actuator/health/readiness", JsonNode.class);
        JsonNode liveness = rest.getForObject("/actuator/health/liveness", JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as("components only for an authorised caller").isFalse();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(liveness.get("status").asText()).isEqualTo("UP");
        HealthEndpointGroup ready = healthGroups.get("readiness");
        assertThat(List.of("readinessState", "db", "camundaClient")).allMatch(ready::isMember);
        assertThat(healthGroups.get("liveness").isMember("db")).as("a slow database must not restart the pod").isFalse();
    }

    @Test
    void metricsCountRegisteredInvoicesAndSentReminders() {
        double before = metric("collection.invoices.registered");
        String creditor = createCreditor("NO", "NOK", "nb");
        String id = register(invoiceBody(creditor, "PRIVATE", false, today().minusDays(20), "10.00", "NOK")).get("id").asText();

        assertThat(metric("collection.invoices.registered")).isEqualTo(before + 1);
        advance(java.time.Duration.ofDays(1));
        awaitAudit(id, "REMINDER_SENT", 1);
        assertThat(metric("collection.letters.produced?tag=kind:REMINDER&tag=country:NO")).isGreaterThanOrEqualTo(1);
    }

    private double metric(String name) {
        return rest.getForObject("/actuator/metrics/" + name, JsonNode.class).get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void theOpenApiDescriptionListsTheApi() {
        JsonNode api = rest.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.get("paths").has("/api/v1/invoices")).isTrue();
        assertThat(api.get("paths").has("/api/v1/payments")).isTrue();
        assertThat(api.get("paths").has("/api/v1/creditors/{id}")).isTrue();
    }

    @Test
    void theDevEndpointsExistOnlyInTheLocalProfile() {
        assertThat(rest.getForEntity("/api/v1/tasks", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.postForEntity("/api/v1/dev/clock", jsonEntity(java.util.Map.of("advance", "P1D")), String.class)
                .getStatusCode().value()).isEqualTo(404);
        JsonNode api = rest.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.get("paths").has("/api/v1/dev/clock")).isFalse();
    }
}
