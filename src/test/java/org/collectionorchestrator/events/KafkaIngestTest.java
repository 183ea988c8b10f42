package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collectionorchestrator.invoice.InvoiceMessageListener;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.PaymentMessageListener;
import org.collectionorchestrator.support.KafkaTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invoices and payments arriving on Kafka take the same way as REST bodies; refused messages are dead-lettered. */
class KafkaIngestTest extends KafkaTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    @Test
    void anInvoiceIssuedMessageRegistersTheInvoiceExactlyAsTheSameRestBody() {
        String viaRest = createCreditor("NO", "NOK", "nb");
        String viaKafka = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(viaRest, "BUSINESS", true, today().plusDays(10), "1250.50", "NOK")
                .put("paymentReference", "12344");
        JsonNode registered = register(body);

        ObjectNode message = message(InvoiceMessageListener.ISSUED, body).put("creditorId", viaKafka);
        send(Topics.INVOICES, viaKafka + ":" + body.get("invoiceNumber").asText(), message);

        String id = awaitInvoiceOf(viaKafka);
        awaitAudit(id, "PROCESS_STARTED", 1);
        assertThat(comparable(invoice(id))).isEqualTo(comparable(invoice(registered.get("id").asText())));
        assertThat(auditTypes(id)).isEqualTo(auditTypes(registered.get("id").asText()));
        assertThat(jdbc.sql("select count(*) from ledger_entry where invoice_id = cast(:id as uuid) and entry_type = 'PRINCIPAL'")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentReceivedMessageIsAppliedExactlyAsTheSameRestBody() {
        String viaRest = createCreditor("NO", "NOK", "nb");
        String viaKafka = createCreditor("NO", "NOK", "nb");
        ObjectNode invoice = invoiceBody(viaRest, "PRIVATE", false, today().plusDays(10), "1000.00", "NOK");
        String restInvoice = register(invoice).get("id").asText();
        send(Topics.INVOICES, "k", message(InvoiceMessageListener.ISSUED, invoice.deepCopy().put("creditorId", viaKafka)));
        String kafkaInvoice = awaitInvoiceOf(viaKafka);

        ObjectNode payment = json.createObjectNode()
                .put("creditorId", viaRest)
                .put("invoiceId", restInvoice)
                .put("amount", "400.00")
                .put("currency", "NOK")
                .put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
        ResponseEntity<JsonNode> rest = post("/api/v1/payments", payment);
        assertThat(rest.getStatusCode().value()).isEqualTo(201);

        send(Topics.PAYMENTS, viaKafka + ":" + payment.get("bankTransactionId").asText(),
                message(PaymentMessageListener.RECEIVED, payment).put("creditorId", viaKafka).put("invoiceId", kafkaInvoice));

        eventually(() -> assertThat(paymentsOf(viaKafka)).hasSize(1));
        assertThat(paymentsOf(viaKafka)).isEqualTo(paymentsOf(viaRest));
        assertThat(comparable(invoice(kafkaInvoice))).isEqualTo(comparable(invoice(restInvoice)));
        assertThat(invoice(kafkaInvoice).get("outstanding").asText()).isEqualTo("600.00");
    }

    @Test
    void refusedMessagesGoToTheDeadLetterTopicWithTheReasonAndTheNextMessageIsProcessed() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String key = unique("poison");  // one key: one partition, in this order
        ObjectNode good = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "100.00", "NOK");
        ObjectNode missingDueDate = message(InvoiceMessageListener.ISSUED, good);
        missingDueDate.remove("dueDate");
        ObjectNode unknownCreditor = message(InvoiceMessageListener.ISSUED, good).put("creditorId", unique("no-such-creditor"));
        ObjectNode creditNoteForNoInvoice = json.createObjectNode().put("type", InvoiceMessageListener.CREDITED)
                .put("creditorId", creditor).put("invoiceNumber", "no-such-invoice").put("creditNoteNumber", "CN-1")
                .put("amount", "10.00").put("currency", "NOK").put("date", today().toString());

        send(Topics.INVOICES, key, "{\"type\": \"invoice-issued\", \"creditorId\": ");
        send(Topics.INVOICES, key, missingDueDate);
        send(Topics.INVOICES, key, unknownCreditor);
        send(Topics.INVOICES, key, creditNoteForNoInvoice);
        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, good));

        String id = awaitInvoiceOf(creditor);
        assertThat(invoice(id).get("invoiceNumber").asText()).isEqualTo(good.get("invoiceNumber").asText());
        List<ConsumerRecord<String, byte[]>> dead = read(Topics.dlt(Topics.INVOICES), r -> key.equals(r.key()), 4,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> header(r, DeadLetterHeaders.CATEGORY))
                .containsExactly("MALFORMED_JSON", "SCHEMA_VIOLATION", "INVALID", "NOT_FOUND");
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("not JSON");
        assertThat(header(dead.get(1), DeadLetterHeaders.REASON)).contains("dueDate");
        assertThat(header(dead.get(2), DeadLetterHeaders.REASON)).contains("creditorId: unknown creditor");
        assertThat(header(dead.get(2), DeadLetterHeaders.EXCEPTION))
                .isEqualTo("org.collectionorchestrator.web.InvalidRequestException");
        assertThat(header(dead.get(3), DeadLetterHeaders.REASON)).contains("No invoice no-such-invoice");
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, "kafka_dlt-original-topic")).isEqualTo(Topics.INVOICES);
            assertThat(header(r, "kafka_dlt-exception-fqcn")).isNotNull();
        });
        assertThat(new String(dead.get(0).value())).isEqualTo("{\"type\": \"invoice-issued\", \"creditorId\": ");
    }

    @Test
    void theSameMessageTwiceRegistersTheInvoiceOnce() {
        String creditor = createCreditor("SE", "SEK", "sv");
        String key = unique("twice");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "500.00", "SEK");
        ObjectNode sentinel = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "1.00", "SEK");

        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, body));
        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, body));
        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, sentinel));

        eventually(() -> assertThat(invoiceNumbersOf(creditor)).hasSize(2));
        assertThat(invoiceNumbersOf(creditor)).containsExactlyInAnyOrder(body.get("invoiceNumber").asText(),
                sentinel.get("invoiceNumber").asText());
        String id = jdbc.sql("select id::text from invoice where creditor_id = :c and invoice_number = :n")
                .param("c", creditor).param("n", body.get("invoiceNumber").asText()).query(String.class).single();
        assertThat(count(id, "INVOICE_REGISTERED")).isEqualTo(1);
        assertThat(read(Topics.dlt(Topics.INVOICES), r -> key.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void creditNotesLowerTheBalanceAndAFullCreditEndsTheInvoice() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "1000.00", "NOK");
        String id = register(body).get("id").asText();
        String number = body.get("invoiceNumber").asText();
        String key = creditor + ":" + number;

        send(Topics.INVOICES, key, creditNote(creditor, number, "CN-1", "300.00"));
        eventually(() -> assertThat(invoice(id).get("outstanding").asText()).isEqualTo("700.00"));
        assertThat(invoice(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(settledMessages(id)).isZero();

        send(Topics.INVOICES, key, creditNote(creditor, number, "CN-1", "300.00"));  // again: applied once
        send(Topics.INVOICES, key, creditNote(creditor, number, "CN-2", "700.00"));
        eventually(() -> assertThat(invoice(id).get("status").asText()).isEqualTo("CREDITED"));

        JsonNode invoice = invoice(id);
        assertThat(invoice.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(count(id, "CREDITED")).isEqualTo(2);
        JsonNode last = lastAudit(invoice, "CREDITED");
        assertThat(last.get("creditNoteNumber").asText()).isEqualTo("CN-2");
        assertThat(last.get("status").asText()).isEqualTo("CREDITED");
        awaitAudit(id, "DUNNING_STOPPED", 1);
        assertThat(settledMessages(id)).isEqualTo(1);
    }

    @Test
    void aCancelledInvoiceIsCreditedToZeroAndEnds() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "BUSINESS", false, today().plusDays(10), "1000.00", "NOK");
        String id = register(body).get("id").asText();
        pay(creditor, id, "250.00", "NOK");
        String number = body.get("invoiceNumber").asText();

        ObjectNode cancel = json.createObjectNode().put("type", InvoiceMessageListener.CANCELLED)
                .put("creditorId", creditor).put("invoiceNumber", number).put("reason", "ordered by mistake");
        send(Topics.INVOICES, creditor + ":" + number, cancel);

        eventually(() -> assertThat(invoice(id).get("status").asText()).isEqualTo("CANCELLED"));
        JsonNode invoice = invoice(id);
        assertThat(invoice.get("outstanding").asText()).isEqualTo("0.00");
        JsonNode audit = lastAudit(invoice, "CANCELLED");
        assertThat(audit.get("type").asText()).isEqualTo("CANCELLED");
        awaitAudit(id, "DUNNING_STOPPED", 1);
        assertThat(audit.get("reason").asText()).isEqualTo("ordered by mistake");
        assertThat(audit.get("credited").asText()).isEqualTo("750.00");
        assertThat(jdbc.sql("select entry_type, amount from ledger_entry where invoice_id = cast(:id as uuid) order by id")
                .param("id", id).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString()).list())
                .containsExactly("PRINCIPAL 1000.0000", "PAYMENT -250.0000", "CREDIT -750.0000");
        assertThat(settledMessages(id)).isEqualTo(1);
    }

    @Test
    void theRestEndpointsForCreditNotesAndCancellationGiveTheSameAnswers() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String id = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "1000.00", "NOK")).get("id").asText();
        ObjectNode note = json.createObjectNode().put("creditNoteNumber", "CN-9").put("amount", "100.00").put("currency", "NOK")
                .put("date", today().toString());

        assertThat(post("/api/v1/invoices/" + id + "/credit-notes", note).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/v1/invoices/" + id + "/credit-notes", note).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/invoices/" + id + "/credit-notes", note.deepCopy().put("amount", "50.00"))
                .getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> bad = post("/api/v1/invoices/" + id + "/credit-notes", note.deepCopy().put("creditNoteNumber", "CN-10")
                .put("amount", "-5.00"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("amount");
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("900.00");

        ResponseEntity<JsonNode> cancelled = post("/api/v1/invoices/" + id + "/cancel", Map.of("reason", "duplicate"));
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.getBody().get("outstanding").asText()).isEqualTo("0.00");
        assertThat(post("/api/v1/invoices/" + id + "/cancel", Map.of()).getBody().get("errors").findValuesAsText("field"))
                .containsExactly("reason");
    }

    @Test
    void anInvoiceIssuedMessageCarriesTheCustomerFlagsAsTheRestBodyDoes() {
        String viaRest = createCreditor("SE", "SEK", "sv");
        String viaKafka = createCreditor("SE", "SEK", "sv");
        ObjectNode body = invoiceBody(viaRest, "PRIVATE", false, today().plusDays(10), "600.00", "SEK");
        ((ObjectNode) body.get("customer")).put("reminderFeeAgreed", true).put("manualFollowUpReason", "In debt counselling");
        JsonNode registered = register(body);

        send(Topics.INVOICES, viaKafka + ":" + body.get("invoiceNumber").asText(),
                message(InvoiceMessageListener.ISSUED, body).put("creditorId", viaKafka));

        String id = awaitInvoiceOf(viaKafka);
        awaitAudit(id, "PROCESS_STARTED", 1);
        JsonNode invoice = invoice(id);
        assertThat(comparable(invoice)).isEqualTo(comparable(invoice(registered.get("id").asText())));
        assertThat(invoice.get("customer").get("reminderFeeAgreed").asBoolean()).isTrue();
        assertThat(lastAudit(invoice, "EXCLUDED_FROM_DUNNING").get("reason").asText()).isEqualTo("In debt counselling");
        assertThat(auditTypes(id)).isEqualTo(auditTypes(registered.get("id").asText()));
    }

    @Test
    void aPaymentReceivedMessagePaysInTheCreditorsOrderAndWaivesTheCostsLeft() {
        String creditor = unique("cred-waive");
        rest.exchange("/api/v1/creditors/" + creditor, org.springframework.http.HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Waiver AS", "country", "NO", "currency", "NOK", "language", "nb",
                "policy", Map.of("paymentOrder", "PRINCIPAL_INTEREST_COSTS", "waiveCostsWhenPrincipalPaid", true))), JsonNode.class);
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "1000.00", "NOK");
        String id = register(body).get("id").asText();
        ledger.postOnInvoice(new Ledger.Account(creditor, body.get("customer").get("id").asText()), java.util.UUID.fromString(id),
                LedgerEntryType.FEE, Money.of("35.00", "NOK"), today(), "reminder fee");
        ObjectNode payment = json.createObjectNode().put("creditorId", creditor).put("invoiceId", id).put("amount", "1000.00")
                .put("currency", "NOK").put("bookingDate", today().toString()).put("bankTransactionId", unique("tx"));

        send(Topics.PAYMENTS, creditor + ":" + payment.get("bankTransactionId").asText(),
                message(PaymentMessageListener.RECEIVED, payment));

        eventually(() -> assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED"));
        JsonNode invoice = invoice(id);
        assertThat(lastAudit(invoice, "PAYMENT_APPLIED").get("paid").get("principal").asText()).isEqualTo("1000.00");
        assertThat(lastAudit(invoice, "COSTS_WAIVED").get("fees").asText()).isEqualTo("35.00");
        assertThat(invoice.get("outstanding").asText()).isEqualTo("0.00");
    }

    private ObjectNode creditNote(String creditor, String invoiceNumber, String creditNoteNumber, String amount) {
        return json.createObjectNode().put("type", InvoiceMessageListener.CREDITED)
                .put("creditorId", creditor).put("invoiceNumber", invoiceNumber).put("creditNoteNumber", creditNoteNumber)
                .put("amount", amount).put("currency", "NOK").put("date", today().toString()).put("reason", "returned goods");
    }

    private String awaitInvoiceOf(String creditor) {
        eventually(() -> assertThat(invoiceNumbersOf(creditor)).hasSize(1));
        return jdbc.sql("select id::text from invoice where creditor_id = :c").param("c", creditor).query(String.class).single();
    }

    private List<String> invoiceNumbersOf(String creditor) {
        return jdbc.sql("select invoice_number from invoice where creditor_id = :c").param("c", creditor).query(String.class).list();
    }

    private List<Map<String, Object>> paymentsOf(String creditor) {
        return jdbc.sql("""
                        select status, amount, currency, applied_amount, credited_amount, unmatched_reason, booking_date
                          from payment where creditor_id = :c""")
                .param("c", creditor).query().listOfRows();
    }

    private long settledMessages(String invoiceId) {
        return jdbc.sql("select count(*) from outbox_message where channel = 'engine' and ordering_key = :id and message_type = 'invoice-settled'")
                .param("id", invoiceId).query(Long.class).single();
    }


    /** The invoice as the API shows it, less what differs by nature between two invoices. */
    private static JsonNode comparable(JsonNode invoice) {
        ObjectNode copy = invoice.deepCopy();
        copy.remove(List.of("id", "creditorId", "processInstanceKey", "auditTrail", "paymentReference"));
        return copy;
    }
}
