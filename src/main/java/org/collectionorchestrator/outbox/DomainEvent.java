package org.collectionorchestrator.outbox;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A state change announced to other systems, shaped after the CloudEvents attributes: {@code id} is stable (chosen
 * once, when the event is written), {@code subject} is the invoice id and the Kafka key.
 */
public record DomainEvent(String specversion, String id, String type, String source, String subject,
                          OffsetDateTime time, String datacontenttype, Map<String, Object> data) {

    public static final String SOURCE = "/collection-orchestrator";

    public static DomainEvent of(String id, String type, String subject, OffsetDateTime time, Map<String, Object> data) {
        return new DomainEvent("1.0", id, type, SOURCE, subject, time, "application/json", data);
    }
}
