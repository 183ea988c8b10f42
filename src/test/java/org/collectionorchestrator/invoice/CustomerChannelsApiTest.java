package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class CustomerChannelsApiTest extends ApplicationTestSupport {

    @Autowired
    InvoiceRepository invoices;

    private ObjectNode withChannels(ObjectNode body) {
        ObjectNode customer = (ObjectNode) body.get("customer");
        customer.putObject("postalAddress").put("street", "Storgata 1").put("postalCode", "0155").put("city", "Oslo")
                .put("country", "NO");
        customer.put("peppolParticipantId", "0192:974760673");
        customer.put("efakturaConsent", true);
        customer.put("preferredChannel", "EHF");
        return body;
    }

    @Test
    void storesAndShowsTheCustomersChannelData() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(withChannels(invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "500.00", "NOK")));

        JsonNode customer = invoice(invoice.get("id").asText()).get("customer");
        assertThat(customer.get("peppolParticipantId").asText()).isEqualTo("0192:974760673");
        assertThat(customer.get("efakturaConsent").asBoolean()).isTrue();
        assertThat(customer.get("preferredChannel").asText()).isEqualTo("EHF");
        assertThat(customer.get("postalAddress").get("city").asText()).isEqualTo("Oslo");
        Customer stored = invoices.find(java.util.UUID.fromString(invoice.get("id").asText())).orElseThrow().customer();
        assertThat(stored.channels()).isEqualTo(new ContactChannels(new PostalAddress("Storgata 1", "0155", "Oslo", "NO"),
                "0192:974760673", true, Channel.EHF));
    }

    @Test
    void theSameRegistrationWithChannelsAgainIsAReplayAndOtherChannelsAConflict() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = withChannels(invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "500.00", "NOK"));
        register(body);
        assertThat(post("/api/v1/invoices", body).getStatusCode().value()).isEqualTo(200);
        ObjectNode changed = body.deepCopy();
        ((ObjectNode) changed.get("customer")).put("preferredChannel", "PRINT");
        assertThat(post("/api/v1/invoices", changed).getStatusCode().value()).isEqualTo(409);
    }

    static Stream<Arguments> badChannelData() {
        return Stream.of(
                Arguments.of("unknown scheme", (Consumer<ObjectNode>) c -> c.put("peppolParticipantId", "1234:974760673"),
                        "customer.peppolParticipantId"),
                Arguments.of("bad check digit", (Consumer<ObjectNode>) c -> c.put("peppolParticipantId", "0192:987654321"),
                        "customer.peppolParticipantId"),
                Arguments.of("no scheme", (Consumer<ObjectNode>) c -> c.put("peppolParticipantId", "974760673"),
                        "customer.peppolParticipantId"),
                Arguments.of("bad e-mail", (Consumer<ObjectNode>) c -> c.put("email", "kari-at-example"), "customer.email"),
                Arguments.of("unknown channel", (Consumer<ObjectNode>) c -> c.put("preferredChannel", "PIGEON"), null),
                Arguments.of("EHF without id", (Consumer<ObjectNode>) c -> c.put("preferredChannel", "EHF"),
                        "customer.preferredChannel"),
                Arguments.of("print without address", (Consumer<ObjectNode>) c -> c.put("preferredChannel", "PRINT"),
                        "customer.preferredChannel"),
                Arguments.of("eFaktura without consent", (Consumer<ObjectNode>) c -> c.put("preferredChannel", "EFAKTURA"),
                        "customer.preferredChannel"),
                Arguments.of("address without city", (Consumer<ObjectNode>) c -> c.putObject("postalAddress")
                        .put("street", "Storgata 1").put("postalCode", "0155").put("country", "NO"),
                        "customer.postalAddress.city"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badChannelData")
    void badChannelDataIsAProblemDetailAndStoresNothing(String name, Consumer<ObjectNode> change, String field) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "500.00", "NOK");
        change.accept((ObjectNode) body.get("customer"));

        ResponseEntity<JsonNode> answer = post("/api/v1/invoices", body);

        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.getBody().toString()).contains(field);
        }
        assertThat(get("/api/v1/invoices?creditorId=" + creditor).get("totalItems").asLong()).isZero();
    }

    private JsonNode get(String path) {
        return rest.getForObject(path, JsonNode.class);
    }
}
