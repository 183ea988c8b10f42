package org.collectionorchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The Kafka messages of the kafka-ingest scenario, as the service's schemas describe them
 * ({@code src/main/resources/schemas/invoice-message.v1.json} and {@code payment-message.v1.json}):
 * <ul>
 *   <li>topic {@code collection.invoices.v1}: key {@code <creditorId>:<invoiceNumber>}, value the JSON body of
 *       {@code POST /api/v1/invoices} plus {@code "type": "invoice-issued"};</li>
 *   <li>topic {@code collection.payments.v1}: key {@code <creditorId>:<bankTransactionId>}, value the JSON body of
 *       {@code POST /api/v1/payments} plus {@code "type": "payment-received"} (matched by {@code paymentReference},
 *       a KID, since the producer does not know invoice ids).</li>
 * </ul>
 * With {@code envelope=cloudevents} the same body goes into {@code data} of a CloudEvents 1.0 structured envelope
 * (like the service's outgoing {@code DomainEvent}).
 */
final class KafkaMessages {

    static final String INVOICES_TOPIC = "collection.invoices.v1";
    static final String PAYMENTS_TOPIC = "collection.payments.v1";
    static final String INVOICE_EVENT_TYPE = "invoice-issued";
    static final String PAYMENT_EVENT_TYPE = "payment-received";

    record Message(String topic, String key, byte[] value) {
    }

    private final ObjectMapper json;
    private final boolean cloudEvents;

    KafkaMessages(ObjectMapper json, String envelope) {
        this.json = json;
        this.cloudEvents = "cloudevents".equalsIgnoreCase(envelope);
    }

    Message invoice(String creditorId, long seq) {
        Map<String, Object> body = Payloads.invoice(creditorId, "k-", seq, 30, true);
        return new Message(INVOICES_TOPIC, creditorId + ":" + body.get("invoiceNumber"),
                bytes(wrap(INVOICE_EVENT_TYPE, creditorId + ":" + body.get("invoiceNumber"), body)));
    }

    Message payment(String creditorId, long seq) {
        String tx = "ktx-" + seq;
        Map<String, Object> body = Payloads.paymentByReference(creditorId, seq, tx);
        return new Message(PAYMENTS_TOPIC, creditorId + ":" + tx, bytes(wrap(PAYMENT_EVENT_TYPE, creditorId + ":" + tx, body)));
    }

    private Object wrap(String type, String subject, Map<String, Object> body) {
        if (!cloudEvents) {
            Map<String, Object> typed = new java.util.LinkedHashMap<>();
            typed.put("type", type);
            typed.putAll(body);
            return typed;
        }
        return Payloads.ordered("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", type,
                "source", "/collection-orchestrator-bench", "subject", subject, "time", OffsetDateTime.now().toString(),
                "datacontenttype", "application/json", "data", body);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
