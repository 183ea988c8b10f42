package org.collectionorchestrator.events;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.outbox.OutboxChannel;
import org.collectionorchestrator.outbox.OutboxRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's domain events to {@code collection.receivable-events.v1}: the row's payload (a CloudEvents
 * event, structured mode) as the value, the invoice id as the key, so one invoice's events stay in order on one
 * partition. The producer waits for all in-sync replicas and is idempotent (application.yaml); a row sent twice
 * after a lost acknowledgement carries the same CloudEvents id.
 */
@Component
public class KafkaEventChannel implements OutboxChannel {

    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final KafkaTemplate<String, byte[]> kafka;

    public KafkaEventChannel(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @Override
    public String name() {
        return Outbox.EVENTS;
    }

    @Override
    public CompletableFuture<SendResult<String, byte[]>> send(OutboxRecord record) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(Topics.RECEIVABLE_EVENTS, record.key(),
                record.payload().getBytes(StandardCharsets.UTF_8));
        message.headers().add(CONTENT_TYPE_HEADER, CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return kafka.send(message);
    }
}
