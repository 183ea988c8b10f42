package org.collectionorchestrator.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The headers the service adds to a dead-lettered message, next to Spring's {@code kafka_dlt-*} headers (original
 * topic, partition, offset, exception class, message and stack trace): why, in words an operator can act on.
 */
public final class DeadLetterHeaders {

    /** MALFORMED_JSON, SCHEMA_VIOLATION, INVALID, CONFLICT, NOT_FOUND or FAILED. */
    public static final String CATEGORY = "collection-dlt-category";
    /** The refusal as the REST API would word it, e.g. "creditorId: unknown creditor acme". */
    public static final String REASON = "collection-dlt-reason";
    /** The class of the exception that refused it (not a wrapper). */
    public static final String EXCEPTION = "collection-dlt-exception";

    private static final int MAX_REASON = 2000;

    private DeadLetterHeaders() {
    }

    public static Headers of(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = refusal(exception);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CATEGORY, bytes(category(cause)));
        headers.add(REASON, bytes(reason(cause)));
        headers.add(EXCEPTION, bytes(cause.getClass().getName()));
        return headers;
    }

    /** The exception that refused the message, below the listener framework's wrappers. */
    public static Throwable refusal(Throwable exception) {
        Throwable t = exception;
        while ((t instanceof ListenerExecutionFailedException || t instanceof BatchListenerFailedException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String category(Throwable cause) {
        if (cause instanceof RejectedMessageException rejected) {
            return rejected.kind().name();
        }
        if (cause instanceof InvalidRequestException) {
            return "INVALID";
        }
        if (cause instanceof ConflictException) {
            return "CONFLICT";
        }
        if (cause instanceof NotFoundException) {
            return "NOT_FOUND";
        }
        return "FAILED";
    }

    public static String reason(Throwable cause) {
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
