package org.collectionorchestrator.events;

/** A Kafka message that cannot be read as one of the topic's message types; it goes to the dead-letter topic. */
public class RejectedMessageException extends RuntimeException {

    public enum Kind {
        /** Not JSON at all, or empty. */
        MALFORMED_JSON,
        /** JSON that breaks the topic's JSON Schema (missing field, wrong type, unknown message type). */
        SCHEMA_VIOLATION
    }

    private final Kind kind;

    public RejectedMessageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
