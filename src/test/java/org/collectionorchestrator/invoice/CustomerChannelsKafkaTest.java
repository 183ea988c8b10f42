package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collectionorchestrator.events.DeadLetterHeaders;
import org.collectionorchestrator.events.Topics;
import org.collectionorchestrator.support.KafkaTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer's channel data arrives on Kafka as on REST, and a bad value is refused with its reason. */
class CustomerChannelsKafkaTest extends KafkaTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvoiceRepository invoices;

    @Test
    void channelDataOnAnInvoiceIssuedMessageIsStoredAndABadParticipantIdIsDeadLettered() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode good = invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "500.00", "NOK");
        ObjectNode customer = (ObjectNode) good.get("customer");
        customer.putObject("postalAddress").put("street", "Storgata 1").put("postalCode", "0155").put("city", "Oslo")
                .put("country", "NO");
        customer.put("peppolParticipantId", "0192:974760673").put("efakturaConsent", false).put("preferredChannel", "EHF");
        ObjectNode bad = invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "500.00", "NOK");
        ((ObjectNode) bad.get("customer")).put("peppolParticipantId", "0192:987654321");
        String key = creditor + ":channels";

        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, bad));
        send(Topics.INVOICES, key, message(InvoiceMessageListener.ISSUED, good));

        eventually(() -> assertThat(invoices.findByNumber(creditor, good.get("invoiceNumber").asText())).isPresent());
        Customer stored = invoices.findByNumber(creditor, good.get("invoiceNumber").asText()).orElseThrow().customer();
        assertThat(stored.channels()).isEqualTo(new ContactChannels(new PostalAddress("Storgata 1", "0155", "Oslo", "NO"),
                "0192:974760673", false, Channel.EHF));
        List<ConsumerRecord<String, byte[]>> dead = read(Topics.dlt(Topics.INVOICES), r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).contains("customer.peppolParticipantId");
        assertThat(invoices.findByNumber(creditor, bad.get("invoiceNumber").asText())).isEmpty();
    }
}
