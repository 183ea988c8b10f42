package org.collectionorchestrator.invoice;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-invoice record of every action, in the order it happened. */
@Component
public class AuditTrail {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Serialised flat: {"at": …, "type": …, plus the details' fields}. */
    public record Entry(OffsetDateTime at, AuditEventType type, @JsonIgnore Map<String, Object> details) {

        @JsonAnyGetter
        public Map<String, Object> detailFields() {
            return details;
        }
    }

    public void record(UUID invoiceId, AuditEventType type, Map<String, ?> details) {
        try {
            jdbc.sql("insert into audit_event (invoice_id, at, event_type, details) values (:invoice, :at, :type, cast(:details as jsonb))")
                    .param("invoice", invoiceId)
                    .param("at", OffsetDateTime.now(clock))
                    .param("type", type.name())
                    .param("details", json.writeValueAsString(details))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
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
