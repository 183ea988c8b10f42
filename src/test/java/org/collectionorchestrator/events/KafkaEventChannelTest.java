package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.support.KafkaTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An outbox event row, sent by the channel, arrives as a CloudEvent that keeps receivable-event.v1.json. */
class KafkaEventChannelTest extends KafkaTestSupport {

    @Autowired
    KafkaEventChannel channel;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRelaySendsEveryAuditEntryAsAStructuredCloudEventKeyedByInvoiceInOrder() throws Exception {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "100.00", "NOK"))
                .get("id").asText();
        List<String> storedIds = jdbc.sql("""
                        select payload->>'id' from outbox_message where channel = :channel and ordering_key = :key order by id""")
                .param("channel", Outbox.EVENTS).param("key", invoiceId).query(String.class).list();

        List<ConsumerRecord<String, byte[]>> sent = read(Topics.RECEIVABLE_EVENTS, r -> invoiceId.equals(r.key()), 2,
                Duration.ofSeconds(30));

        assertThat(channel.name()).isEqualTo(Outbox.EVENTS);
        assertThat(sent).hasSize(2);
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : sent) {
            assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json");
            JsonNode event = json.readTree(record.value());
            assertThat(MessageSchema.load("receivable-event.v1.json").problems(event)).isEmpty();
            assertThat(event.get("subject").asText()).isEqualTo(invoiceId);
            events.add(event);
        }
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "org.collectionorchestrator.invoice.invoice-registered.v1",
                "org.collectionorchestrator.invoice.process-started.v1");
        assertThat(events).extracting(e -> e.get("id").asText()).containsExactlyElementsOf(storedIds);
        assertThat(events.get(0).get("data").get("amount").asText()).isEqualTo("100.00");
    }
}
