package org.collectionorchestrator.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way out of a transaction: engine commands and domain events are written here, in the transaction of the
 * state change they announce, and {@link OutboxRelay} sends them after commit. Rows with the same channel and key
 * (an invoice id) are sent in the order they were written.
 */
@Component
public class Outbox {

    public static final String ENGINE = "engine";
    public static final String EVENTS = "events";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void message(String key, EngineMessage message) {
        insert(ENGINE, key, message.name(), message);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void event(DomainEvent event) {
        insert(EVENTS, event.subject(), event.type(), event);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void events(List<DomainEvent> events) {
        events.forEach(this::event);
    }

    private void insert(String channel, String key, String type, Object payload) {
        jdbc.sql("""
                        insert into outbox_message (channel, ordering_key, message_type, payload)
                        values (:channel, :key, :type, cast(:payload as jsonb))""")
                .param("channel", channel)
                .param("key", key)
                .param("type", type)
                .param("payload", toJson(payload))
                .update();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload is not serialisable: " + payload, e);
        }
    }
}
