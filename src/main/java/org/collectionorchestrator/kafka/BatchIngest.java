package org.collectionorchestrator.kafka;

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
 *   <li>if that transaction fails with a transient failure, the batch is handed back for retry with back-off;
 *       any other failure rolls it back and the actions run again one transaction each, up to the failing one;</li>
 *   <li>the first failing (or unreadable) record is reported by index ({@link BatchListenerFailedException}): the
 *       error handler commits the offsets before it, dead-letters it (or retries it if transient) and redelivers the
 *       records after it.</li>
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

    private final TransactionTemplate transaction;

    public BatchIngest(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    public <K, V> void process(List<ConsumerRecord<K, V>> records, Reader<K, V> reader) {
        List<Runnable> actions = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<K, V> record : records) {
            try {
                actions.add(reader.read(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        if (!actions.isEmpty()) {
            runAll(records, actions);
        }
        if (unreadable != null) {
            throw failed(records, actions.size(), unreadable);
        }
    }

    private <K, V> void runAll(List<ConsumerRecord<K, V>> records, List<Runnable> actions) {
        if (actions.size() > 1) {
            try {
                transaction.executeWithoutResult(status -> actions.forEach(Runnable::run));
                return;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw failed(records, 0, e);
                }
                log.info("A batch of {} records from {} failed ({}); applying them one at a time", actions.size(),
                        records.get(0).topic(), DeadLetterHeaders.reason(e));
            }
        }
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
