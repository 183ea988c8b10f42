package org.collectionorchestrator.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one relay thread per channel this instance relays ({@code collection.outbox.channels}), reports the backlog
 * as gauges and deletes sent rows after the retention period.
 */
@Component
public class OutboxRelays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

    private final List<OutboxRelay> relays;
    private final OutboxStore store;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Map<String, double[]> backlog = new ConcurrentHashMap<>();
    private volatile boolean running;
    private List<Thread> threads = List.of();

    public OutboxRelays(List<OutboxChannel> channels, OutboxStore store, TransactionTemplate transaction,
                        OutboxProperties properties, MeterRegistry meters) {
        this.store = store;
        this.transaction = transaction;
        this.properties = properties;
        this.meters = meters;
        this.relays = channels.stream()
                .filter(channel -> properties.channels().contains(channel.name()))
                .map(channel -> relayFor(channel, properties))
                .toList();
        for (OutboxChannel channel : channels) {
            double[] values = backlog.computeIfAbsent(channel.name(), name -> new double[2]);
            Gauge.builder("collection.outbox.pending", values, v -> v[0]).tag("channel", channel.name())
                    .description("Outbox rows waiting to be sent").register(meters);
            Gauge.builder("collection.outbox.oldest.age", values, v -> v[1]).tag("channel", channel.name())
                    .baseUnit("seconds").description("Age of the oldest outbox row waiting to be sent").register(meters);
        }
    }

    /** A relay for one channel, e.g. an operator's one-off run or a test's. */
    public OutboxRelay relayFor(OutboxChannel channel, OutboxProperties relayProperties) {
        return new OutboxRelay(channel, store, transaction, relayProperties, meters);
    }

    @Override
    public void start() {
        running = true;
        threads = relays.stream().map(relay -> Thread.ofPlatform().name("outbox-relay-" + relay.channelName())
                .start(() -> loop(relay))).toList();
        log.info("Outbox relays started for channels {}", relays.stream().map(OutboxRelay::channelName).toList());
    }

    private void loop(OutboxRelay relay) {
        while (running) {
            int claimed;
            try {
                claimed = relay.relayBatch();
            } catch (RuntimeException e) {
                log.warn("Outbox relay for {} could not run a batch; trying again", relay.channelName(), e);
                claimed = 0;
                sleep(properties.pollInterval().multipliedBy(20));
            }
            if (claimed == 0) {
                sleep(properties.pollInterval());
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(properties.sendTimeout().plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop the relays before the engine client and Kafka producer are closed, start them after. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Waits (at most {@code timeout}) until the channel has no row due; false if some are still waiting. */
    public boolean awaitDrained(String channel, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.due(channel) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(properties.pollInterval());
        }
        return true;
    }

    @Scheduled(fixedDelayString = "PT5S")
    void measureBacklog() {
        backlog.values().forEach(values -> Arrays.fill(values, 0));
        for (OutboxStore.Backlog row : store.backlog()) {
            double[] values = backlog.computeIfAbsent(row.channel(), name -> new double[2]);
            values[0] = row.pending();
            values[1] = row.oldestSeconds();
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void deleteSentRows() {
        int deleted = store.deleteSentBefore(properties.retention());
        if (deleted > 0) {
            log.info("Deleted {} sent outbox rows older than {}", deleted, properties.retention());
        }
    }
}
