package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Dead-letter headers and the transient/permanent split, without Spring or a broker. */
class DeadLetterHeadersTest {

    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.INVOICES, 1, 42L, "k", new byte[0]);

    private static Exception wrapped(RuntimeException cause) {
        return new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("collection.invoices.v1-1@42", cause, 0));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void theReasonIsTheRefusalBelowTheListenerWrappers() {
        Headers headers = DeadLetterHeaders.of(record, wrapped(InvalidRequestException.field("creditorId", "unknown creditor x")));

        assertThat(header(headers, DeadLetterHeaders.CATEGORY)).isEqualTo("INVALID");
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("creditorId: unknown creditor x");
        assertThat(header(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo(InvalidRequestException.class.getName());
    }

    @Test
    void eachKindOfRefusalHasItsCategory() {
        assertThat(category(new RejectedMessageException(RejectedMessageException.Kind.MALFORMED_JSON, "not JSON")))
                .isEqualTo("MALFORMED_JSON");
        assertThat(category(new RejectedMessageException(RejectedMessageException.Kind.SCHEMA_VIOLATION, "x")))
                .isEqualTo("SCHEMA_VIOLATION");
        assertThat(category(new ConflictException("other content"))).isEqualTo("CONFLICT");
        assertThat(category(new NotFoundException("no invoice"))).isEqualTo("NOT_FOUND");
        assertThat(category(new DataIntegrityViolationException("value too long"))).isEqualTo("FAILED");
    }

    @Test
    void aMissingMessageBecomesTheClassNameAndALongOneIsCut() {
        assertThat(header(DeadLetterHeaders.of(record, wrapped(new IllegalStateException())), DeadLetterHeaders.REASON))
                .isEqualTo("IllegalStateException");
        assertThat(header(DeadLetterHeaders.of(record, wrapped(new ConflictException("x".repeat(5000)))), DeadLetterHeaders.REASON))
                .hasSize(2001);
    }

    @Test
    void onlyFailuresThatPassByThemselvesAreTransient() {
        assertThat(TransientFailures.isTransient(wrapped(new TransientDataAccessResourceException("down")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("timeout"))))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new ConflictException("other content")))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new DataIntegrityViolationException("too long")))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new RejectedMessageException(
                RejectedMessageException.Kind.MALFORMED_JSON, "not JSON")))).isFalse();
    }

    private String category(RuntimeException e) {
        return header(DeadLetterHeaders.of(record, wrapped(e)), DeadLetterHeaders.CATEGORY);
    }
}
