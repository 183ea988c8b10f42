package org.collectionorchestrator.invoice;

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
 * The invoices topic: an ERP's invoice-issued, invoice-credited and invoice-cancelled messages become the same
 * commands the REST API builds, handled by the same {@link InvoiceService} operations. A batch of records commits
 * at once ({@link BatchIngest}); a message the service refuses goes to {@code collection.invoices.v1.dlt}.
 */
@Component
public class InvoiceMessageListener {

    public static final String ISSUED = "invoice-issued";
    public static final String CREDITED = "invoice-credited";
    public static final String CANCELLED = "invoice-cancelled";
    public static final String SCHEMA = "invoice-message.v1.json";

    private final InvoiceService invoices;
    private final BatchIngest ingest;
    private final MessageReader reader;

    public InvoiceMessageListener(InvoiceService invoices, BatchIngest ingest, ObjectMapper json) {
        this.invoices = invoices;
        this.ingest = ingest;
        this.reader = new MessageReader(json, MessageSchema.load(SCHEMA));
    }

    @KafkaListener(id = "invoice-messages", topics = Topics.INVOICES)
    public void onMessages(List<ConsumerRecord<String, byte[]>> records) {
        ingest.process(records, this::read);
    }

    Runnable read(ConsumerRecord<String, byte[]> record) {
        JsonNode message = reader.read(record.value());
        String type = message.path("type").asText();
        return switch (type) {
            case ISSUED -> {
                RegisterInvoice command = reader.bind(message, RegisterInvoice.class);
                yield () -> invoices.register(command);
            }
            case CREDITED -> {
                CreditInvoice command = reader.bind(message, CreditInvoice.class);
                yield () -> invoices.credit(command);
            }
            case CANCELLED -> {
                CancelInvoice command = reader.bind(message, CancelInvoice.class);
                yield () -> invoices.cancel(command);
            }
            default -> throw new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION,
                    "unknown message type '" + type + "'");
        };
    }
}
