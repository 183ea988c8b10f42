package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class CreditorApiTest extends ApplicationTestSupport {

    @Test
    void putCreatesThenReplacesAndGetReadsBack() {
        String id = unique("acme");
        ResponseEntity<JsonNode> created = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Acme AS", "country", "NO", "currency", "NOK", "language", "nb")), JsonNode.class);
        ResponseEntity<JsonNode> replaced = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Acme Norge AS", "country", "NO", "currency", "NOK", "language", "nb",
                "policy", Map.of("reminderFeeAgreed", true))), JsonNode.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        JsonNode read = rest.getForObject("/api/v1/creditors/" + id, JsonNode.class);
        assertThat(read.get("name").asText()).isEqualTo("Acme Norge AS");
        assertThat(read.get("timeZone").asText()).isEqualTo("Europe/Oslo");
        assertThat(read.get("policy").get("reminderFeeAgreed").asBoolean()).isTrue();
    }

    @Test
    void anUnsupportedCountryIsRejected() {
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + unique("x"), HttpMethod.PUT, jsonEntity(Map.of(
                "name", "X GmbH", "country", "DE", "currency", "EUR", "language", "de")), JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("country");
    }

    @Test
    void anUnknownCreditorIsNotFound() {
        assertThat(rest.getForEntity("/api/v1/creditors/" + unique("none"), JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
