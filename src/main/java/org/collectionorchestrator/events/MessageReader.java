package org.collectionorchestrator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the value of an inbound message: JSON (else MALFORMED_JSON), valid against the topic's schema (else
 * SCHEMA_VIOLATION), then bound to a command record with the application's ObjectMapper, as a REST body is
 * (fields the command does not know, such as {@code type}, are ignored).
 */
public final class MessageReader {

    private final ObjectMapper json;
    private final MessageSchema schema;

    public MessageReader(ObjectMapper json, MessageSchema schema) {
        this.json = json;
        this.schema = schema;
    }

    /** The message as a JSON document that keeps the schema; its {@code type} field says which command it is. */
    public JsonNode read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedMessageException(RejectedMessageException.Kind.MALFORMED_JSON, "empty message");
        }
        JsonNode document;
        try {
            document = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(value);
        } catch (JsonProcessingException e) {
            throw new RejectedMessageException(RejectedMessageException.Kind.MALFORMED_JSON,
                    "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedMessageException(RejectedMessageException.Kind.MALFORMED_JSON, "not JSON: " + e.getMessage());
        }
        if (document == null || document.isMissingNode()) {
            throw new RejectedMessageException(RejectedMessageException.Kind.MALFORMED_JSON, "empty message");
        }
        schema.check(document);
        return document;
    }

    /** Binds a checked document to a command; a value the schema let through but Java cannot hold is rejected too. */
    public <T> T bind(JsonNode document, Class<T> type) {
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(document);
        } catch (JsonProcessingException e) {
            throw new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION,
                    "cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION,
                    "cannot be read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
