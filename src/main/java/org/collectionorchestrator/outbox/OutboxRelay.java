package org.collectionorchestrator.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox rows of one channel: claims a batch of due rows (each the first pending row of its key, locked
 * so that no other relay sends it at the same time), sends them all, waits for the acknowledgements and marks each
 * row sent, or failed with back-off, or parked after too many attempts. Parked rows stop blocking their key.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxChannel channel;
    private final OutboxStore store;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Counter sent;
    private final Counter failed;
    private final Counter parked;

    OutboxRelay(OutboxChannel channel, OutboxStore store, TransactionTemplate transaction,
                       OutboxProperties properties, MeterRegistry meters) {
        this.channel = channel;
        this.store = store;
        this.transaction = transaction;
        this.properties = properties;
        this.sent = counter(meters, "collection.outbox.sent", "Outbox rows delivered");
        this.failed = counter(meters, "collection.outbox.failed", "Outbox sends that failed and will be retried");
        this.parked = counter(meters, "collection.outbox.parked", "Outbox rows parked after too many failed sends");
    }

    private Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).tag("channel", channel.name()).description(description).register(meters);
    }

    public String channelName() {
        return channel.name();
    }

    /** Sends one batch; returns how many rows it claimed (0: nothing due). */
    public int relayBatch() {
        Integer claimed = transaction.execute(status -> {
            List<OutboxRecord> batch = store.claimHeads(channel.name(), properties.batchSize());
            if (!batch.isEmpty()) {
                deliver(batch);
            }
            return batch.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void deliver(List<OutboxRecord> batch) {
        Map<OutboxRecord, CompletableFuture<?>> sends = new LinkedHashMap<>();
        for (OutboxRecord record : batch) {
            sends.put(record, start(record));
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Long> delivered = new ArrayList<>();
        sends.forEach((record, send) -> {
            String error = await(send, deadline);
            if (error == null) {
                delivered.add(record.id());
            } else {
                fail(record, error);
            }
        });
        store.markSent(delivered);
        sent.increment(delivered.size());
    }

    private CompletableFuture<?> start(OutboxRecord record) {
        try {
            return channel.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String await(CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return describe(e.getCause());
        } catch (TimeoutException e) {
            send.cancel(true);
            return "no acknowledgement in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void fail(OutboxRecord record, String error) {
        int failures = record.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            log.error("Outbox row {} ({} {} for {}) parked after {} attempts: {}", record.id(), record.channel(),
                    record.type(), record.key(), failures, error);
            store.park(record.id(), error);
            parked.increment();
        } else {
            log.warn("Outbox row {} ({} {} for {}) failed, attempt {}: {}", record.id(), record.channel(), record.type(),
                    record.key(), failures, error);
            store.markFailed(record.id(), error, properties.backoffAfter(failures));
            failed.increment();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
