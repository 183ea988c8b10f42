package org.collectionorchestrator.outbox;

/** A stored outbox row as the relay hands it to its channel; {@code payload} is the JSON text. */
public record OutboxRecord(long id, String channel, String key, String type, String payload, int attempts) {
}
