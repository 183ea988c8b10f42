package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.collectionorchestrator.invoice.RegisterInvoice;
import org.collectionorchestrator.invoice.Segment;
import org.junit.jupiter.api.Test;

/** The message schemas and the reader, without Spring. */
class MessageSchemaTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final MessageSchema invoices = MessageSchema.load("invoice-message.v1.json");
    private final MessageSchema payments = MessageSchema.load("payment-message.v1.json");
    private final MessageSchema events = MessageSchema.load("receivable-event.v1.json");

    private ObjectNode issued() {
        ObjectNode customer = json.createObjectNode().put("id", "c-1").put("name", "Kari Nordmann").put("segment", "PRIVATE")
                .put("priority", false).put("country", "NO").put("language", "nb").put("email", "kari@example.no");
        ObjectNode message = json.createObjectNode().put("type", "invoice-issued").put("creditorId", "acme-no")
                .put("invoiceNumber", "10001").put("issueDate", "2026-11-01").put("dueDate", "2026-11-15")
                .put("currency", "NOK").put("amount", "1250.00").putNull("paymentReference");
        message.set("customer", customer);
        return message;
    }

    @Test
    void aCompleteInvoiceIssuedMessageIsValid() {
        assertThat(invoices.problems(issued())).isEmpty();
        assertThat(invoices.problems(issued().put("amount", 1250.5))).isEmpty();
    }

    @Test
    void anInvoiceIssuedMessageWithoutADueDateOrWithABadDateIsNot() {
        ObjectNode missing = issued();
        missing.remove("dueDate");
        assertThat(invoices.problems(missing)).singleElement().asString().contains("dueDate");
        assertThat(invoices.problems(issued().put("issueDate", "1st of May"))).singleElement().asString().contains("issueDate");
        assertThat(invoices.problems(issued().put("amount", "a lot"))).singleElement().asString().contains("amount");
        ObjectNode segment = issued();
        ((ObjectNode) segment.get("customer")).put("segment", "GOVERNMENT");
        assertThat(invoices.problems(segment)).singleElement().asString().contains("segment");
    }

    @Test
    void theTypeFieldDecidesWhichFieldsAreRequired() {
        assertThat(invoices.problems(json.createObjectNode().put("type", "invoice-paid"))).isNotEmpty();
        assertThat(invoices.problems(json.createObjectNode().put("creditorId", "x"))).singleElement().asString().contains("type");
        ObjectNode credited = json.createObjectNode().put("type", "invoice-credited").put("creditorId", "acme-no")
                .put("invoiceNumber", "10001").put("creditNoteNumber", "CN-1").put("amount", "100.00")
                .put("currency", "NOK").put("date", "2026-11-20");
        assertThat(invoices.problems(credited)).isEmpty();
        credited.remove("creditNoteNumber");
        assertThat(invoices.problems(credited)).singleElement().asString().contains("creditNoteNumber");
        ObjectNode cancelled = json.createObjectNode().put("type", "invoice-cancelled").put("creditorId", "acme-no")
                .put("invoiceNumber", "10001").put("reason", "duplicate").putNull("date");
        assertThat(invoices.problems(cancelled)).isEmpty();
        cancelled.remove("reason");
        assertThat(invoices.problems(cancelled)).singleElement().asString().contains("reason");
    }

    @Test
    void paymentReceivedMessages() {
        ObjectNode payment = json.createObjectNode().put("type", "payment-received").put("creditorId", "acme-no")
                .put("amount", "1250.00").put("currency", "NOK").put("paymentReference", "1234567897")
                .put("bookingDate", "2026-11-20").put("bankTransactionId", "tx-1");
        assertThat(payments.problems(payment)).isEmpty();
        assertThat(payments.problems(payment.deepCopy().put("invoiceId", "not-a-uuid"))).isNotEmpty();
        assertThat(payments.problems(payment.deepCopy().put("type", "payment-refunded"))).isNotEmpty();
        ObjectNode withoutTransaction = payment.deepCopy();
        withoutTransaction.remove("bankTransactionId");
        assertThat(payments.problems(withoutTransaction)).singleElement().asString().contains("bankTransactionId");
    }

    @Test
    void receivableEventEnvelope() {
        ObjectNode event = json.createObjectNode().put("specversion", "1.0").put("id", "e-1")
                .put("type", "org.collectionorchestrator.invoice.registered").put("source", "/collection-orchestrator")
                .put("time", "2026-11-20T10:15:30.123+01:00").put("subject", "5f1c1d0e-8a3b-4a4e-9a43-2f1f2a1b9c10")
                .put("datacontenttype", "application/json");
        event.set("data", json.createObjectNode().put("invoiceNumber", "10001"));
        assertThat(events.problems(event)).isEmpty();
        assertThat(events.problems(event.deepCopy().put("specversion", "0.3"))).isNotEmpty();
        ObjectNode withoutData = event.deepCopy();
        withoutData.remove("data");
        assertThat(events.problems(withoutData)).singleElement().asString().contains("data");
    }

    @Test
    void theReaderRefusesWhatIsNotJsonAndBindsWhatIs() {
        MessageReader reader = new MessageReader(json, invoices);
        assertThatThrownBy(() -> reader.read("{\"type\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.kind()).isEqualTo(RejectedMessageException.Kind.MALFORMED_JSON));
        assertThatThrownBy(() -> reader.read("{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.kind()).isEqualTo(RejectedMessageException.Kind.MALFORMED_JSON));
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(RejectedMessageException.class);
        assertThatThrownBy(() -> reader.read("{\"type\":\"invoice-issued\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedMessageException.class,
                        e -> assertThat(e.kind()).isEqualTo(RejectedMessageException.Kind.SCHEMA_VIOLATION));

        RegisterInvoice command = reader.bind(reader.read(issued().toString().getBytes(StandardCharsets.UTF_8)),
                RegisterInvoice.class);
        assertThat(command.amount()).isEqualByComparingTo(new BigDecimal("1250.00"));
        assertThat(command.dueDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(command.customer().segment()).isEqualTo(Segment.PRIVATE);
    }
}
