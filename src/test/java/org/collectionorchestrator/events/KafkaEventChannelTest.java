package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collectionorchestrator.outbox.DomainEvent;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.outbox.OutboxRecord;
import org.collectionorchestrator.support.KafkaTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An outbox event row, sent by the channel, arrives as a CloudEvent that keeps receivable-event.v1.json. */
class KafkaEventChannelTest extends KafkaTestSupport {

    @Autowired
    KafkaEventChannel channel;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOutboxEventArrivesAsAStructuredCloudEventKeyedByInvoice() throws Exception {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "100.00", "NOK"))
                .get("id").asText();
        String eventId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> outbox.event(DomainEvent.of(eventId,
                "org.collectionorchestrator.invoice.registered", invoiceId, OffsetDateTime.now(clock),
                Map.of("invoiceNumber", "10001", "amount", "100.00"))));
        OutboxRecord row = jdbc.sql("""
                        select id, channel, ordering_key, message_type, payload::text, attempts from outbox_message
                         where channel = :channel and ordering_key = :key""")
                .param("channel", Outbox.EVENTS).param("key", invoiceId)
                .query((rs, n) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .single();

        assertThat(channel.name()).isEqualTo(Outbox.EVENTS);
        channel.send(row).get(20, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> sent = read(Topics.RECEIVABLE_EVENTS, r -> invoiceId.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(sent).hasSize(1);
        assertThat(header(sent.get(0), "content-type")).isEqualTo("application/cloudevents+json");
        JsonNode event = json.readTree(sent.get(0).value());
        assertThat(MessageSchema.load("receivable-event.v1.json").problems(event)).isEmpty();
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("subject").asText()).isEqualTo(invoiceId);
        assertThat(event.get("data").get("invoiceNumber").asText()).isEqualTo("10001");
    }
}
