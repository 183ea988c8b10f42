package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
    void theListHoldsEveryCreditorByIdWhenSecurityIsOff() {
        String later = "zz-" + unique("list");
        String earlier = "aa-" + unique("list");
        put(later, null);
        put(earlier, Map.of("graceBankingDays", 2));

        JsonNode list = rest.getForObject("/api/v1/creditors", JsonNode.class);

        List<String> ids = list.findValuesAsText("id");
        assertThat(ids).contains(earlier, later).isSorted();
        JsonNode first = list.get(ids.indexOf(earlier));
        assertThat(first.get("country").asText()).isEqualTo("NO");
        assertThat(first.get("timeZone").asText()).isEqualTo("Europe/Oslo");
        assertThat(first.at("/policy/graceBankingDays").asInt()).isEqualTo(2);
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

    private ResponseEntity<JsonNode> put(String id, Map<String, Object> policy) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Acme AS", "country", "NO", "currency", "NOK", "language", "nb"));
        if (policy != null) {
            body.put("policy", policy);
        }
        return rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(body), JsonNode.class);
    }

    @Test
    void everyPolicySettingIsStoredAndReadBack() {
        String id = unique("policy");
        Map<String, Object> policy = Map.of("reminderFeeAgreed", true, "paymentOrder", "PRINCIPAL_INTEREST_COSTS",
                "waiveCostsWhenPrincipalPaid", true, "minimumReminderAmount", "50", "writeOffTolerance", 9.5,
                "graceBankingDays", 3, "collectionModel", "AGENCY_NOTICE", "bankAccount", "1503.12.34567");

        ResponseEntity<JsonNode> created = put(id, policy);

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode read = rest.getForObject("/api/v1/creditors/" + id, JsonNode.class).get("policy");
        assertThat(read).isEqualTo(created.getBody().get("policy"));
        assertThat(read.get("reminderFeeAgreed").asBoolean()).isTrue();
        assertThat(read.get("paymentOrder").asText()).isEqualTo("PRINCIPAL_INTEREST_COSTS");
        assertThat(read.get("waiveCostsWhenPrincipalPaid").asBoolean()).isTrue();
        assertThat(read.get("minimumReminderAmount").asText()).isEqualTo("50.00");
        assertThat(read.get("writeOffTolerance").asText()).isEqualTo("9.50");
        assertThat(read.get("graceBankingDays").asInt()).isEqualTo(3);
        assertThat(read.get("collectionModel").asText()).isEqualTo("AGENCY_NOTICE");
        assertThat(read.get("bankAccount").asText()).isEqualTo("1503.12.34567");
    }

    @Test
    void policySettingsLeftOutTakeTheirDefaultsAndAPutReplacesThemAll() {
        String id = unique("policy");
        put(id, Map.of("paymentOrder", "INTEREST_COSTS_PRINCIPAL", "writeOffTolerance", "5.00", "bankAccount", "1503.12.34567"));

        ResponseEntity<JsonNode> replaced = put(id, Map.of("graceBankingDays", 2));
        ResponseEntity<JsonNode> withoutPolicy = put(unique("policy"), null);

        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        JsonNode read = rest.getForObject("/api/v1/creditors/" + id, JsonNode.class).get("policy");
        assertThat(read.get("graceBankingDays").asInt()).isEqualTo(2);
        ObjectNode defaults = ((ObjectNode) read.deepCopy()).put("graceBankingDays", 0);
        assertThat(withoutPolicy.getBody().get("policy")).isEqualTo(defaults);
        assertThat(defaults.get("reminderFeeAgreed").asBoolean()).isFalse();
        assertThat(defaults.get("paymentOrder").asText()).isEqualTo("COSTS_INTEREST_PRINCIPAL");
        assertThat(defaults.get("waiveCostsWhenPrincipalPaid").asBoolean()).isFalse();
        assertThat(defaults.get("minimumReminderAmount").asText()).isEqualTo("0.00");
        assertThat(defaults.get("writeOffTolerance").asText()).isEqualTo("0.00");
        assertThat(defaults.get("collectionModel").asText()).isEqualTo("OWN_NOTICE");
        assertThat(defaults.get("bankAccount").isNull()).isTrue();
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of(Map.of("minimumReminderAmount", "-1.00"), "policy.minimumReminderAmount"),
                Arguments.of(Map.of("writeOffTolerance", -0.01), "policy.writeOffTolerance"),
                Arguments.of(Map.of("minimumReminderAmount", "10.505"), "policy.minimumReminderAmount"),
                Arguments.of(Map.of("writeOffTolerance", "0.001"), "policy.writeOffTolerance"),
                Arguments.of(Map.of("writeOffTolerance", "many"), "policy.writeOffTolerance"),
                Arguments.of(Map.of("graceBankingDays", 11), "policy.graceBankingDays"),
                Arguments.of(Map.of("graceBankingDays", -1), "policy.graceBankingDays"),
                Arguments.of(Map.of("paymentOrder", "CHEAPEST_FIRST"), "policy.paymentOrder"),
                Arguments.of(Map.of("collectionModel", "LAWYER"), "policy.collectionModel"),
                Arguments.of(Map.of("bankAccount", "1".repeat(51)), "policy.bankAccount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void aBadPolicyIsAProblemNamingTheFieldAndNothingIsStored(Map<String, Object> policy, String field) {
        String id = unique("policy");

        ResponseEntity<JsonNode> response = put(id, policy);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(rest.getForEntity("/api/v1/creditors/" + id, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
