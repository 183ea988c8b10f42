package org.collectionorchestrator.outbox;

import java.time.Duration;
import java.util.Map;

/**
 * A BPMN message for the engine, sent by the relay after the transaction that decided it has committed.
 *
 * @param messageId   the engine refuses a second message with this id while the first is buffered (null: none)
 * @param timeToLive  how long the engine buffers the message for a subscription that opens later (ZERO: not at all)
 */
public record EngineMessage(String name, String correlationKey, String messageId, Duration timeToLive,
                            Map<String, Object> variables) {
}
