package org.collectionorchestrator.invoice;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.outbox.DomainEvent;
import org.collectionorchestrator.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * The per-invoice record of every action, in the order it happened. Each entry is also a state change other systems
 * hear of: it is written to the outbox as a domain event in the same transaction.
 */
@Component
public class AuditTrail {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Outbox outbox;

    public AuditTrail(JdbcClient jdbc, ObjectMapper json, Clock clock, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Serialised flat: {"at": …, "type": …, plus the details' fields}. */
    public record Entry(OffsetDateTime at, AuditEventType type, @JsonIgnore Map<String, Object> details) {

        @JsonAnyGetter
        public Map<String, Object> detailFields() {
            return details;
        }
    }

    /** Records the entry and its event; returns the entry as {@link #of} will read it back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Entry record(UUID invoiceId, AuditEventType type, Map<String, ?> details) {
        // PostgreSQL keeps microseconds: the entry returned is the one read back later.
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        try {
            jdbc.sql("insert into audit_event (invoice_id, at, event_type, details) values (:invoice, :at, :type, cast(:details as jsonb))")
                    .param("invoice", invoiceId)
                    .param("at", at)
                    .param("type", type.name())
                    .param("details", json.writeValueAsString(details))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoiceId", invoiceId.toString());
        data.putAll(details);
        outbox.event(DomainEvent.of(UUID.randomUUID().toString(), eventType(type), invoiceId.toString(), at, data));
        return new Entry(at, type, new LinkedHashMap<>(details));
    }

    /** E.g. {@code org.collectionorchestrator.invoice.payment-applied.v1}. */
    static String eventType(AuditEventType type) {
        return "org.collectionorchestrator.invoice." + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    public boolean has(UUID invoiceId, AuditEventType type) {
        return jdbc.sql("select exists (select 1 from audit_event where invoice_id = :invoice and event_type = :type)")
                .param("invoice", invoiceId)
                .param("type", type.name())
                .query(Boolean.class)
                .single();
    }

    public List<Entry> of(UUID invoiceId) {
        return jdbc.sql("select at, event_type, details from audit_event where invoice_id = :invoice order by id")
                .param("invoice", invoiceId)
                .query((rs, row) -> new Entry(
                        rs.getObject("at", OffsetDateTime.class),
                        AuditEventType.valueOf(rs.getString("event_type")),
                        readDetails(rs.getString("details"))))
                .list();
    }

    private Map<String, Object> readDetails(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit details: " + text, e);
        }
    }
}
