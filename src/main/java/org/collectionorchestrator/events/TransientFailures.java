package org.collectionorchestrator.events;

import java.sql.SQLTransientException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that go away by themselves (database down or overloaded, lock timeout, deadlock): a message that meets
 * one is retried with back-off, never dead-lettered. Every other failure is the message's own fault and is
 * dead-lettered at once, so one bad message never stops its partition.
 */
public final class TransientFailures {

    public static final List<Class<? extends Exception>> TYPES = List.of(
            TransientDataAccessException.class,        // query timeout, lock failures, deadlock loser
            RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class,  // includes CannotGetJdbcConnectionException
            CannotGetJdbcConnectionException.class,
            CannotCreateTransactionException.class,
            SQLTransientException.class);

    private TransientFailures() {
    }

    /** Whether the failure or any of its causes is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Exception> type : TYPES) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
