package org.collectionorchestrator.events;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one poll of a batch listener with as few transactions as it can while keeping one bad record alone:
 * <ol>
 *   <li>each record is read into an action (parse, schema, command); reading stops at the first unreadable one;</li>
 *   <li>the actions before it run in <b>one</b> transaction (the services join it and defer their after-commit work);</li>
 *   <li>a transient failure rolls the batch back and hands it to the error handler, which retries it with back-off;</li>
 *   <li>any other failure of action <i>i</i> rolls back and the actions before <i>i</i> run again in one transaction;
 *       then record <i>i</i> is reported by {@link BatchListenerFailedException}: the error handler commits the
 *       offsets before it, dead-letters it without running it again and redelivers the records after it.</li>
 * </ol>
 * Every action must be idempotent (the services are): a record may run again after a crash or a retry.
 */
@Component
public class BatchIngest {

    private static final Logger log = LoggerFactory.getLogger(BatchIngest.class);

    /** Reads a record into the work it asks for; throws when the record cannot be read. */
    @FunctionalInterface
    public interface Reader<K, V> {
        Runnable read(ConsumerRecord<K, V> record);
    }

    private record Failure(int index, RuntimeException cause) {
    }

    private final TransactionTemplate transaction;

    public BatchIngest(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    public <K, V> void process(List<ConsumerRecord<K, V>> records, Reader<K, V> reader) {
        List<Runnable> actions = new ArrayList<>(records.size());
        RuntimeException refusal = null;
        for (ConsumerRecord<K, V> record : records) {
            try {
                actions.add(reader.read(record));
            } catch (RuntimeException e) {
                refusal = e;
                break;
            }
        }
        int end = actions.size();
        while (end > 0) {
            Failure failure = inOneTransaction(actions.subList(0, end));
            if (failure == null) {
                break;
            }
            if (TransientFailures.isTransient(failure.cause())) {
                throw failed(records, 0, failure.cause());
            }
            if (failure.index() >= end) {
                oneAtATime(records, actions.subList(0, end));  // the commit failed: no action to blame
                break;
            }
            log.debug("Record {} of a batch of {} from {} refused ({}); committing the {} before it",
                    failure.index(), records.size(), records.get(0).topic(), DeadLetterHeaders.reason(failure.cause()),
                    failure.index());
            end = failure.index();
            refusal = failure.cause();
        }
        if (refusal != null) {
            throw failed(records, end, refusal);
        }
    }

    /** Null when all actions committed; otherwise which one failed (the list's size: the commit). */
    private Failure inOneTransaction(List<Runnable> actions) {
        int[] at = {0};
        try {
            transaction.executeWithoutResult(status -> {
                for (; at[0] < actions.size(); at[0]++) {
                    actions.get(at[0]).run();
                }
            });
            return null;
        } catch (RuntimeException e) {
            return new Failure(at[0], e);
        }
    }

    private <K, V> void oneAtATime(List<ConsumerRecord<K, V>> records, List<Runnable> actions) {
        for (int i = 0; i < actions.size(); i++) {
            Runnable action = actions.get(i);
            try {
                transaction.executeWithoutResult(status -> action.run());
            } catch (RuntimeException e) {
                throw failed(records, i, e);
            }
        }
    }

    private static <K, V> BatchListenerFailedException failed(List<ConsumerRecord<K, V>> records, int index,
                                                             RuntimeException cause) {
        ConsumerRecord<K, V> record = records.get(index);
        return new BatchListenerFailedException(record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                + DeadLetterHeaders.reason(cause), cause, record);
    }
}
