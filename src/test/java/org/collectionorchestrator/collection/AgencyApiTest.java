package org.collectionorchestrator.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Agencies and hand-over settings over the API, with problem details for what is refused. */
class AgencyApiTest extends HandOverTestSupport {

    private ResponseEntity<JsonNode> put(String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.PUT, jsonEntity(body), JsonNode.class);
    }

    private Map<String, Object> agencyBody(String secretRef) {
        return Map.of("name", "Retrieve AS", "webhookUrl", "https://retrieve.example/hook", "secretRef", secretRef,
                "countries", List.of("NO"), "segments", List.of("PRIVATE", "BUSINESS"), "minimumAmount", "500.00");
    }

    @Test
    void anAgencyIsCreatedReadReplacedAndListed() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String agency = unique("retrieve");
        ResponseEntity<JsonNode> created = put("/api/v1/creditors/" + creditor + "/agencies/" + agency, agencyBody("test-agency"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("minimumAmount").asText()).isEqualTo("500");
        assertThat(created.getBody().has("secret")).isFalse();

        ResponseEntity<JsonNode> replaced = put("/api/v1/creditors/" + creditor + "/agencies/" + agency, Map.of(
                "name", "Retrieve AS", "webhookUrl", "https://retrieve.example/v2", "secretRef", "test-agency",
                "countries", List.of("NO", "SE"), "segments", List.of("BUSINESS")));
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        JsonNode read = rest.getForObject("/api/v1/creditors/" + creditor + "/agencies/" + agency, JsonNode.class);
        assertThat(read.get("webhookUrl").asText()).isEqualTo("https://retrieve.example/v2");
        assertThat(read.get("countries")).hasSize(2);
        assertThat(read.get("minimumAmount").asText()).isEqualTo("0");
        assertThat(rest.getForObject("/api/v1/creditors/" + creditor + "/agencies", JsonNode.class)).hasSize(1);
    }

    @Test
    void whatCannotBeStoredIsRefusedWithAProblem() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String other = createCreditor("NO", "NOK", "nb");
        String agency = unique("retrieve");
        assertThat(put("/api/v1/creditors/" + creditor + "/agencies/" + agency, agencyBody("test-agency"))
                .getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> taken = put("/api/v1/creditors/" + other + "/agencies/" + agency, agencyBody("test-agency"));
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> noSecret = put("/api/v1/creditors/" + creditor + "/agencies/" + unique("a"), agencyBody("nobody-set-this"));
        assertThat(noSecret.getStatusCode().value()).isEqualTo(422);
        assertThat(noSecret.getBody().get("detail").asText()).contains("collection.agencies.secrets.nobody-set-this");
        ResponseEntity<JsonNode> unknownCreditor = put("/api/v1/creditors/nobody/agencies/" + unique("a"), agencyBody("test-agency"));
        assertThat(unknownCreditor.getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> badFields = put("/api/v1/creditors/" + creditor + "/agencies/" + unique("a"), Map.of(
                "name", "X", "webhookUrl", "ftp://x", "secretRef", "Bad Ref", "countries", List.of("DE"),
                "segments", List.of()));
        assertThat(badFields.getStatusCode().value()).isEqualTo(400);
        assertThat(badFields.getBody().get("errors").toString()).contains("webhookUrl", "secretRef", "countries", "segments");
        assertThat(rest.getForEntity("/api/v1/creditors/" + other + "/agencies/" + agency, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void handOverSettingsHaveDefaultsAndLimits() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> created = put("/api/v1/creditors/" + creditor + "/hand-over-settings",
                Map.of("reviewDay", "MONDAY", "reviewTime", "08:00"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("approvalWindow").asText()).isEqualTo("PT72H");
        assertThat(put("/api/v1/creditors/" + creditor + "/hand-over-settings",
                Map.of("reviewDay", "FRIDAY", "reviewTime", "14:30", "approvalWindow", "P2D")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rest.getForObject("/api/v1/creditors/" + creditor + "/hand-over-settings", JsonNode.class)
                .get("reviewDay").asText()).isEqualTo("FRIDAY");
        assertThat(put("/api/v1/creditors/" + creditor + "/hand-over-settings",
                Map.of("reviewDay", "FRIDAY", "reviewTime", "25:00")).getStatusCode().value()).isEqualTo(400);
        assertThat(put("/api/v1/creditors/" + creditor + "/hand-over-settings",
                Map.of("reviewDay", "FRIDAY", "reviewTime", "08:00", "approvalWindow", "P30D")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(put("/api/v1/creditors/nobody/hand-over-settings",
                Map.of("reviewDay", "FRIDAY", "reviewTime", "08:00")).getStatusCode().value()).isEqualTo(404);
    }
}
