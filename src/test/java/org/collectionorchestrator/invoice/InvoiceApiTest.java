package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class InvoiceApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    @Test
    void registersAnInvoiceInTheDocumentedShape() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        body.put("paymentReference", "1234567897");

        JsonNode invoice = register(body);

        assertThat(invoice.get("id").asText()).isNotBlank();
        assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
        assertThat(invoice.get("outstanding").asText()).isEqualTo("1250.00");
        assertThat(invoice.get("currency").asText()).isEqualTo("NOK");
        assertThat(invoice.get("paymentReferenceType").asText()).isEqualTo("NO_KID_MOD10");
        assertThat(invoice.get("dunningStage").asText()).isEqualTo("NONE");
        assertThat(invoice.get("auditTrail").get(0).get("type").asText()).isEqualTo("INVOICE_REGISTERED");
        assertThat(invoice.get("auditTrail").get(0).get("at").asText()).isNotBlank();
    }

    @Test
    void theCreatedAnswerIsTheInvoiceAsItIsStored() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> created = post("/api/v1/invoices",
                invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "980.50", "NOK"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        ObjectNode answered = (ObjectNode) created.getBody();
        ObjectNode stored = (ObjectNode) awaitProcess(answered.get("id").asText());

        assertThat(answered.get("auditTrail").get(0)).isEqualTo(stored.get("auditTrail").get(0));
        for (ObjectNode body : List.of(answered, stored)) {
            body.remove(List.of("processInstanceKey", "auditTrail"));
        }
        assertThat(answered).isEqualTo(stored);
    }

    @Test
    void theSameRequestAgainReturnsTheSameInvoiceAndStartsNoSecondProcess() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "1250.00", "NOK");
        JsonNode first = register(body);

        ObjectNode again = body.deepCopy();
        again.put("amount", 1250.0);   // a number instead of a string means the same amount
        ResponseEntity<JsonNode> second = post("/api/v1/invoices", again);

        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody().get("id")).isEqualTo(first.get("id"));
        assertThat(second.getBody().get("processInstanceKey")).isEqualTo(first.get("processInstanceKey"));
        assertThat(count(first.get("id").asText(), "PROCESS_STARTED")).isEqualTo(1);
    }

    @Test
    void theSameInvoiceSentTwiceAtOnceIsRegisteredOnce() throws Exception {
        String creditor = createCreditor("DK", "DKK", "da");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "75.00", "DKK");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Callable<ResponseEntity<JsonNode>> send = () -> post("/api/v1/invoices", body);
            var responses = threads.invokeAll(Collections.nCopies(4, send));
            List<Integer> statuses = new ArrayList<>();
            for (var response : responses) {
                statuses.add(response.get().getStatusCode().value());
            }
            assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
        } finally {
            threads.shutdown();
        }
        assertThat(invoicesOf(creditor)).isEqualTo(1);
        String id = jdbc.sql("select id::text from invoice where creditor_id = :c").param("c", creditor).query(String.class).single();
        awaitProcess(id);
        assertThat(count(id, "PROCESS_STARTED")).isEqualTo(1);
    }

    @Test
    void aDifferentBodyForARegisteredInvoiceNumberIsAConflict() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        JsonNode first = register(body);
        ObjectNode changed = body.deepCopy().put("amount", "1300.00");

        ResponseEntity<JsonNode> response = post("/api/v1/invoices", changed);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(invoice(first.get("id").asText()).get("amount").asText()).isEqualTo("1250.00");
    }

    @Test
    void aPaymentReferenceUsedByAnotherInvoiceIsAConflict() {
        String creditor = createCreditor("NO", "NOK", "nb");
        register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK").put("paymentReference", "12344"));

        ResponseEntity<JsonNode> response = post("/api/v1/invoices",
                invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "200.00", "NOK").put("paymentReference", "12344"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
    }

    static Stream<Arguments> badInvoices() {
        return Stream.of(
                bad("missing creditor id", b -> b.remove("creditorId"), "creditorId"),
                bad("missing invoice number", b -> b.remove("invoiceNumber"), "invoiceNumber"),
                bad("missing customer", b -> b.remove("customer"), "customer"),
                bad("missing customer name", b -> ((ObjectNode) b.get("customer")).remove("name"), "customer.name"),
                bad("unknown segment", b -> ((ObjectNode) b.get("customer")).put("segment", "GOVERNMENT"), "customer.segment"),
                bad("missing due date", b -> b.remove("dueDate"), "dueDate"),
                bad("missing amount", b -> b.remove("amount"), "amount"),
                bad("zero amount", b -> b.put("amount", "0.00"), "amount"),
                bad("negative amount", b -> b.put("amount", "-10.00"), "amount"),
                bad("more decimals than NOK allows", b -> b.put("amount", "10.505"), "amount"),
                bad("unknown currency", b -> b.put("currency", "XYZ"), "currency"),
                bad("currency not a code", b -> b.put("currency", "kroner"), "currency"),
                bad("due date before issue date", b -> b.put("dueDate", b.get("issueDate").asText().replaceFirst("^(\\d{4})", "2000")), "dueDate"),
                bad("unknown creditor", b -> b.put("creditorId", "no-such-creditor"), "creditorId"),
                bad("not a date", b -> b.put("issueDate", "1st of May"), "issueDate"),
                bad("invalid KID check digit", b -> b.put("paymentReference", "1234567890"), "paymentReference"),
                bad("blank manual follow-up reason", b -> ((ObjectNode) b.get("customer")).put("manualFollowUpReason", "  "),
                        "customer.manualFollowUpReason"),
                bad("manual follow-up reason over 200 characters",
                        b -> ((ObjectNode) b.get("customer")).put("manualFollowUpReason", "x".repeat(201)),
                        "customer.manualFollowUpReason"),
                bad("fee agreement not a boolean", b -> ((ObjectNode) b.get("customer")).put("reminderFeeAgreed", "maybe"),
                        "customer.reminderFeeAgreed"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvoices")
    void aBadInvoiceIsRejectedWithTheFieldNamedAndNothingStored(String name, Consumer<ObjectNode> breakIt, String field) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        breakIt.accept(body);

        ResponseEntity<JsonNode> response = post("/api/v1/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(invoicesOf(creditor)).isZero();
        assertThat(processInstancesCreated()).isZero();
    }

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> response = postRaw("/api/v1/invoices", "{\"creditorId\": \"" + creditor + "\", \"amount\": ");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Malformed request body");
        assertThat(invoicesOf(creditor)).isZero();
    }

    @Test
    void anOversizeBodyIsRefusedUnread() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        body.put("padding", "x".repeat(70_000));

        ResponseEntity<JsonNode> response = post("/api/v1/invoices", body);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Request body too large");
        assertThat(invoicesOf(creditor)).isZero();
    }

    @Test
    void listsInvoicesByCreditorAndStatusPageByPage() {
        String creditor = createCreditor("SE", "SEK", "sv");
        for (int i = 0; i < 3; i++) {
            register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "SEK"));
        }

        JsonNode page = rest.getForObject("/api/v1/invoices?creditorId=" + creditor + "&status=OPEN&size=2&page=0", JsonNode.class);
        JsonNode next = rest.getForObject("/api/v1/invoices?creditorId=" + creditor + "&status=OPEN&size=2&page=1", JsonNode.class);
        JsonNode settled = rest.getForObject("/api/v1/invoices?creditorId=" + creditor + "&status=SETTLED", JsonNode.class);

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asInt()).isEqualTo(3);
        assertThat(next.get("items")).hasSize(1);
        assertThat(settled.get("items")).isEmpty();
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/v1/invoices/" + java.util.UUID.randomUUID(), JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/v1/invoices/not-a-uuid", JsonNode.class).getStatusCode().value()).isEqualTo(400);
    }

    private long processInstancesCreated() {
        return org.collectionorchestrator.local.EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE_CREATION)
                .count();
    }

    private long invoicesOf(String creditor) {
        return jdbc.sql("select count(*) from invoice where creditor_id = :c").param("c", creditor).query(Long.class).single();
    }

    private JsonNode startVariables(String invoiceId) {
        String variables = jdbc.sql("""
                        select payload -> 'variables' from outbox_message
                         where channel = 'engine' and ordering_key = :id and message_type = 'invoice-registered'""")
                .param("id", invoiceId).query(String.class).single();
        try {
            return json.readTree(variables);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCustomerExcludedFromDunningIsStoredWithTheReasonInTheAuditTrailAndTheProcessVariables() {
        String creditor = createCreditor("SE", "SEK", "sv");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "800.00", "SEK");
        ((ObjectNode) body.get("customer")).put("reminderFeeAgreed", true)
                .put("manualFollowUpReason", "Key account: call before any reminder");

        ResponseEntity<JsonNode> created = post("/api/v1/invoices", body);

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        JsonNode invoice = awaitProcess(id);
        assertThat(invoice.get("customer").get("reminderFeeAgreed").asBoolean()).isTrue();
        assertThat(invoice.get("customer").get("manualFollowUpReason").asText()).isEqualTo("Key account: call before any reminder");
        assertThat(created.getBody().get("customer")).isEqualTo(invoice.get("customer"));
        JsonNode excluded = invoice.get("auditTrail").get(1);
        assertThat(excluded.get("type").asText()).isEqualTo("EXCLUDED_FROM_DUNNING");
        assertThat(excluded.get("reason").asText()).isEqualTo("Key account: call before any reminder");
        assertThat(excluded.get("customerId").asText()).isEqualTo(body.get("customer").get("id").asText());
        assertThat(jdbc.sql("select reminder_fee_agreed::text || ' ' || manual_follow_up_reason from customer where creditor_id = :c")
                .param("c", creditor).query(String.class).single()).isEqualTo("true Key account: call before any reminder");
        JsonNode variables = startVariables(id);
        assertThat(variables.get("manualFollowUp").asBoolean()).isTrue();
        assertThat(variables.get("reminderFeeAgreed").asBoolean()).isTrue();
        assertThat(variables.get("collectionModel").asText()).isEqualTo("OWN_NOTICE");
        assertThat(variables.get("timeZone").asText()).isEqualTo("Europe/Stockholm");
    }

    @Test
    void aCustomerWithoutFlagsIsDunnedAutomaticallyAndTheCreditorsSettingsReachTheProcess() {
        String creditor = unique("cred-se");
        rest.exchange("/api/v1/creditors/" + creditor, org.springframework.http.HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Agency AB", "country", "SE", "currency", "SEK", "language", "sv", "timeZone", "Europe/Helsinki",
                "policy", Map.of("reminderFeeAgreed", true, "collectionModel", "AGENCY_NOTICE"))), JsonNode.class);
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "800.00", "SEK");

        JsonNode invoice = register(body);

        String id = invoice.get("id").asText();
        assertThat(invoice.get("customer").get("reminderFeeAgreed").asBoolean()).isFalse();
        assertThat(invoice.get("customer").get("manualFollowUpReason").isNull()).isTrue();
        assertThat(auditTypes(id)).doesNotContain("EXCLUDED_FROM_DUNNING");
        JsonNode variables = startVariables(id);
        assertThat(variables.get("manualFollowUp").asBoolean()).isFalse();
        assertThat(variables.get("reminderFeeAgreed").asBoolean()).as("the creditor's agreement counts").isTrue();
        assertThat(variables.get("collectionModel").asText()).isEqualTo("AGENCY_NOTICE");
        assertThat(variables.get("timeZone").asText()).isEqualTo("Europe/Helsinki");
    }

    @Test
    void theSameRegistrationWithOtherCustomerFlagsIsAConflict() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK");
        ((ObjectNode) body.get("customer")).put("manualFollowUpReason", "Estate of a deceased customer");
        register(body);

        ObjectNode withoutReason = body.deepCopy();
        ((ObjectNode) withoutReason.get("customer")).remove("manualFollowUpReason");
        ObjectNode feeAgreed = body.deepCopy();
        ((ObjectNode) feeAgreed.get("customer")).put("reminderFeeAgreed", true);

        assertThat(post("/api/v1/invoices", body).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/invoices", withoutReason).getStatusCode().value()).isEqualTo(409);
        assertThat(post("/api/v1/invoices", feeAgreed).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aCreditNoteCreditsThePrincipalAndTheCostsGoOnlyWithTheLastOfIt() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK");
        String id = register(body).get("id").asText();
        ledger.postOnInvoice(new Ledger.Account(creditor, body.get("customer").get("id").asText()), UUID.fromString(id),
                LedgerEntryType.FEE, Money.of("35.00", "NOK"), today(), "reminder fee");
        ObjectNode note = json.createObjectNode().put("creditNoteNumber", "CN-1").put("amount", "300.00").put("currency", "NOK")
                .put("date", today().toString());

        assertThat(post("/api/v1/invoices/" + id + "/credit-notes", note).getStatusCode().value()).isEqualTo(201);
        assertThat(amounts(invoice(id))).containsExactly("700.00", "35.00", "735.00", "OPEN");

        post("/api/v1/invoices/" + id + "/credit-notes", note.deepCopy().put("creditNoteNumber", "CN-2").put("amount", "700.00"));
        JsonNode invoice = invoice(id);
        assertThat(amounts(invoice)).containsExactly("0.00", "0.00", "0.00", "CREDITED");
        JsonNode credited = null;
        for (JsonNode entry : invoice.get("auditTrail")) {
            credited = entry.get("type").asText().equals("CREDITED") ? entry : credited;
        }
        assertThat(credited.get("costsCredited").get("fees").asText()).isEqualTo("35.00");
        assertThat(credited.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(jdbc.sql("select count(*) from ledger_entry where invoice_id = :id and entry_type = 'CREDIT'")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(3);
    }

    private static List<String> amounts(JsonNode invoice) {
        return List.of(invoice.get("principal").asText(), invoice.get("fees").asText(), invoice.get("outstanding").asText(),
                invoice.get("status").asText());
    }
}
