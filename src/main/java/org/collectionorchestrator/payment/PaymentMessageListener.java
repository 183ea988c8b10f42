package org.collectionorchestrator.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collectionorchestrator.events.BatchIngest;
import org.collectionorchestrator.events.MessageReader;
import org.collectionorchestrator.events.MessageSchema;
import org.collectionorchestrator.events.RejectedMessageException;
import org.collectionorchestrator.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The payments topic: a bank's payment-received messages become the command POST /api/v1/payments builds and go
 * through {@link PaymentService#register}; refused ones go to {@code collection.payments.v1.dlt}.
 */
@Component
public class PaymentMessageListener {

    public static final String RECEIVED = "payment-received";
    public static final String SCHEMA = "payment-message.v1.json";

    private final PaymentService payments;
    private final BatchIngest ingest;
    private final MessageReader reader;

    public PaymentMessageListener(PaymentService payments, BatchIngest ingest, ObjectMapper json) {
        this.payments = payments;
        this.ingest = ingest;
        this.reader = new MessageReader(json, MessageSchema.load(SCHEMA));
    }

    @KafkaListener(id = "payment-messages", topics = Topics.PAYMENTS)
    public void onMessages(List<ConsumerRecord<String, byte[]>> records) {
        ingest.process(records, this::read);
    }

    Runnable read(ConsumerRecord<String, byte[]> record) {
        JsonNode message = reader.read(record.value());
        String type = message.path("type").asText();
        if (!RECEIVED.equals(type)) {
            throw new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION,
                    "unknown message type '" + type + "'");
        }
        RegisterPayment command = reader.bind(message, RegisterPayment.class);
        return () -> payments.register(command);
    }
}
