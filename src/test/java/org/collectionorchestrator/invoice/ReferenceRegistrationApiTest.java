package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creditor banking settings over REST, and the references registration issues with them. */
class ReferenceRegistrationApiTest extends ApplicationTestSupport {

    @Autowired
    private InvoiceRepository invoices;
    @Autowired
    private JdbcClient jdbc;

    private String creditor(String country, String currency, Map<String, Object> banking) {
        String id = unique("ref-" + country.toLowerCase());
        ResponseEntity<JsonNode> response = putCreditor(id, country, currency, banking);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return id;
    }

    private ResponseEntity<JsonNode> putCreditor(String id, String country, String currency, Map<String, Object> banking) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Creditor " + id, "country", country,
                "currency", currency, "language", "en"));
        if (banking != null) {
            body.put("banking", banking);
        }
        return rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(body), JsonNode.class);
    }

    private JsonNode registered(ObjectNode body) {
        ResponseEntity<JsonNode> response = post("/api/v1/invoices", body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(nullValues = "NONE", value = {
        "NO, NOK, NONE,          NONE, NO_KID_MOD10,  10",
        "NO, NOK, NO_KID_MOD11,  8,    NO_KID_MOD11,  8",
        "SE, SEK, NONE,          NONE, SE_OCR_LENGTH, 10",
        "SE, SEK, SE_OCR,        12,   SE_OCR,        12",
        "DK, DKK, NONE,          NONE, DK_FIK71,      15",
        "FI, EUR, NONE,          NONE, FI_REF,        0",
        "FI, EUR, RF,            NONE, RF,            0",
    })
    void anInvoiceWithoutReferenceGetsOneOfTheCreditorsScheme(String country, String currency, String scheme,
                                                              Integer length, PaymentReferenceScheme expected,
                                                              int expectedLength) {
        Map<String, Object> banking = new java.util.HashMap<>();
        if (scheme != null) {
            banking.put("referenceScheme", scheme);
        }
        if (length != null) {
            banking.put("referenceLength", length);
        }
        String creditor = creditor(country, currency, banking);
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            JsonNode invoice = registered(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", currency));
            String reference = invoice.get("paymentReference").asText();
            assertThat(invoice.get("paymentReferenceType").asText()).isEqualTo(expected.name());
            assertThat(expected.isValid(reference)).as(reference).isTrue();
            assertThat(reference).doesNotEndWith("-");
            if (expectedLength > 0) {
                assertThat(reference).hasSize(expectedLength);
            }
            assertThat(invoice(invoice.get("id").asText()).get("paymentReference").asText()).isEqualTo(reference);
            references.add(reference);
        }
        assertThat(references).hasSize(12);
    }

    @Test
    void anInvoiceWithTheErpsReferenceKeepsIt() {
        String creditor = creditor("NO", "NOK", null);
        JsonNode invoice = registered(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")
                .put("paymentReference", "1234567897"));
        assertThat(invoice.get("paymentReference").asText()).isEqualTo("1234567897");
    }

    @Test
    void aCustomerReferenceIsIssuedOnceAndShownOnEachOfItsInvoices() {
        String creditor = creditor("NO", "NOK", Map.of("referenceTarget", "CUSTOMER", "referenceScheme", "NO_KID_MOD11"));
        ObjectNode first = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK");
        String customerId = first.get("customer").get("id").asText();
        ObjectNode second = invoiceBody(creditor, "PRIVATE", false, today().plusDays(20), "200.00", "NOK");
        second.set("customer", first.get("customer").deepCopy());
        ObjectNode otherCustomer = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "300.00", "NOK");

        JsonNode one = registered(first);
        JsonNode two = registered(second);
        JsonNode other = registered(otherCustomer);

        String reference = one.get("paymentReference").asText();
        assertThat(PaymentReferenceScheme.NO_KID_MOD11.isValid(reference)).isTrue();
        assertThat(one.get("paymentReferenceType").asText()).isEqualTo("NO_KID_MOD11");
        assertThat(two.get("paymentReference").asText()).isEqualTo(reference);
        assertThat(invoice(two.get("id").asText()).get("paymentReference").asText()).isEqualTo(reference);
        assertThat(other.get("paymentReference").asText()).isNotEqualTo(reference);
        assertThat(jdbc.sql("select count(*) from invoice where creditor_id = :c and payment_reference is null")
                .param("c", creditor).query(Long.class).single()).isEqualTo(3);
        assertThat(invoices.customersByReference(creditor, List.of(reference, other.get("paymentReference").asText(), "12344")))
                .containsOnly(Map.entry(reference, customerId),
                        Map.entry(other.get("paymentReference").asText(), otherCustomer.get("customer").get("id").asText()));
        assertThat(invoices.customersByReference(creditor("NO", "NOK", null), List.of(reference))).isEmpty();
        assertThat(invoices.customersByReference(creditor, List.of())).isEmpty();

        ResponseEntity<JsonNode> clash = post("/api/v1/invoices", invoiceBody(creditor, "PRIVATE", false,
                today().plusDays(14), "100.00", "NOK").put("paymentReference", reference));
        assertThat(clash.getStatusCode().value()).as("%s", clash.getBody()).isEqualTo(409);
    }

    @Test
    void bankingSettingsAreStoredAndReadBack() {
        String id = unique("banking");
        ResponseEntity<JsonNode> created = putCreditor(id, "NO", "NOK", Map.of("referenceScheme", "NO_KID_MOD11",
                "referenceLength", 12, "referenceTarget", "CUSTOMER", "bankAccounts", List.of(
                        Map.of("account", "NO93 8601 1117 947"), Map.of("account", "FI21 1234 5600 0007 85", "currency", "EUR"),
                        Map.of("account", "1503.12.34567"))));

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode read = rest.getForObject("/api/v1/creditors/" + id, JsonNode.class).get("banking");
        assertThat(read).isEqualTo(created.getBody().get("banking"));
        assertThat(read.get("referenceScheme").asText()).isEqualTo("NO_KID_MOD11");
        assertThat(read.get("referenceLength").asInt()).isEqualTo(12);
        assertThat(read.get("referenceTarget").asText()).isEqualTo("CUSTOMER");
        assertThat(read.get("bankAccounts").findValuesAsText("account"))
                .containsExactly("NO9386011117947", "FI2112345600000785", "15031234567");
        assertThat(read.get("bankAccounts").findValuesAsText("currency")).containsExactly("NOK", "EUR", "NOK");

        putCreditor(id, "NO", "NOK", Map.of("bankAccounts", List.of(Map.of("account", "15031234567"))));
        JsonNode replaced = rest.getForObject("/api/v1/creditors/" + id, JsonNode.class).get("banking");
        assertThat(replaced.get("referenceScheme").asText()).isEqualTo("NO_KID_MOD10");
        assertThat(replaced.get("referenceTarget").asText()).isEqualTo("INVOICE");
        assertThat(replaced.get("bankAccounts").findValuesAsText("account")).containsExactly("15031234567");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown scheme    | {\"referenceScheme\":\"KID\"}                                   | banking.referenceScheme",
        "FIK in Norway     | {\"referenceScheme\":\"DK_FIK71\"}                              | banking.referenceScheme",
        "length too short  | {\"referenceLength\":3}                                         | banking.referenceLength",
        "unknown target    | {\"referenceTarget\":\"ORDER\"}                                 | banking.referenceTarget",
        "bad IBAN          | {\"bankAccounts\":[{\"account\":\"NO9386011117948\"}]}          | banking.bankAccounts[0].account",
        "blank account     | {\"bankAccounts\":[{\"account\":\" \"}]}                        | banking.bankAccounts[0].account",
        "bad currency code | {\"bankAccounts\":[{\"account\":\"15031234567\",\"currency\":\"nok\"}]} | banking.bankAccounts[0].currency",
    })
    void aBadBankingSettingIsAProblemNamingTheField(String name, String banking, String field) throws Exception {
        String id = unique("banking");
        ResponseEntity<JsonNode> response = putCreditor(id, "NO", "NOK", json.readValue(banking, Map.class));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(rest.getForEntity("/api/v1/creditors/" + id, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
