package org.collectionorchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay on real PostgreSQL, with channels of its own that record what they are given. */
class OutboxRelayTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OutboxRelays relays;

    private final OutboxProperties fastRetries = new OutboxProperties(List.of(), Duration.ofMillis(10), 50, 3,
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5), Duration.ofDays(7));

    /** A channel that accepts every row except those {@code refuse} names, and remembers the order it saw. */
    private static final class RecordingChannel implements OutboxChannel {
        private final String name;
        private final Predicate<OutboxRecord> refuse;
        final List<OutboxRecord> delivered = new CopyOnWriteArrayList<>();
        final Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();

        RecordingChannel(String name, Predicate<OutboxRecord> refuse) {
            this.name = name;
            this.refuse = refuse;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletableFuture<?> send(OutboxRecord record) {
            sends.computeIfAbsent(record.id(), id -> new AtomicInteger()).incrementAndGet();
            if (refuse.test(record)) {
                return CompletableFuture.failedFuture(new IllegalStateException("receiver refuses " + record.type()));
            }
            delivered.add(record);
            return CompletableFuture.completedFuture(null);
        }
    }

    private long insert(String channel, String key, String type) {
        return jdbc.sql("""
                        insert into outbox_message (channel, ordering_key, message_type, payload)
                        values (:channel, :key, :type, '{}'::jsonb) returning id""")
                .param("channel", channel).param("key", key).param("type", type)
                .query(Long.class).single();
    }

    private OutboxRelay relay(OutboxChannel channel) {
        return relays.relayFor(channel, fastRetries);
    }

    private static void drain(OutboxRelay relay, int rounds) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            if (relay.relayBatch() == 0) {
                Thread.sleep(10);
            }
        }
    }

    private String status(long id) {
        return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void rowsOfOneKeyLeaveInTheOrderTheyWereWritten() throws Exception {
        String channel = unique("order");
        for (int n = 0; n < 5; n++) {
            insert(channel, "invoice-a", "a" + n);
            insert(channel, "invoice-b", "b" + n);
        }
        RecordingChannel receiver = new RecordingChannel(channel, record -> false);

        drain(relay(receiver), 20);

        assertThat(receiver.delivered).hasSize(10);
        assertThat(receiver.delivered.stream().filter(r -> r.key().equals("invoice-a")).map(OutboxRecord::type))
                .containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(receiver.delivered.stream().filter(r -> r.key().equals("invoice-b")).map(OutboxRecord::type))
                .containsExactly("b0", "b1", "b2", "b3", "b4");
    }

    @Test
    void aRowThatKeepsFailingIsParkedWithItsErrorAndNoLongerHoldsUpTheRowsBehindIt() throws Exception {
        String channel = unique("poison");
        long poison = insert(channel, "invoice-a", "poison");
        long behindPoison = insert(channel, "invoice-a", "after-poison");
        long otherKey = insert(channel, "invoice-b", "other");
        RecordingChannel receiver = new RecordingChannel(channel, record -> record.type().equals("poison"));
        OutboxRelay relay = relay(receiver);

        relay.relayBatch();
        assertThat(receiver.delivered).extracting(OutboxRecord::type)
                .as("another key is not held up; the row behind the failing one waits").containsExactly("other");

        drain(relay, 30);

        assertThat(status(poison)).isEqualTo("PARKED");
        var parked = jdbc.sql("select attempts, last_error from outbox_message where id = :id").param("id", poison)
                .query((rs, row) -> Map.of("attempts", rs.getInt(1), "error", rs.getString(2))).single();
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat((String) parked.get("error")).contains("receiver refuses poison");
        assertThat(status(behindPoison)).isEqualTo("SENT");
        assertThat(status(otherKey)).isEqualTo("SENT");
        assertThat(receiver.delivered).extracting(OutboxRecord::type).containsExactly("other", "after-poison");
        assertThat(store.parked(channel)).isEqualTo(1);
    }

    @Test
    void aFailedRowIsRetriedAfterItsBackoffAndThenSent() throws Exception {
        String channel = unique("flaky");
        long row = insert(channel, "invoice-a", "flaky");
        AtomicInteger failuresLeft = new AtomicInteger(2);
        RecordingChannel receiver = new RecordingChannel(channel, record -> failuresLeft.getAndDecrement() > 0);

        drain(relay(receiver), 20);

        assertThat(status(row)).isEqualTo("SENT");
        assertThat(receiver.sends.get(row).get()).isEqualTo(3);
        assertThat(jdbc.sql("select attempts from outbox_message where id = :id").param("id", row)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void twoRelaysStartedTogetherSendEveryRowOnceAndInOrder() throws Exception {
        String channel = unique("race");
        for (int n = 0; n < 40; n++) {
            insert(channel, "invoice-" + (n % 4), String.format("%02d", n));
        }
        RecordingChannel receiver = new RecordingChannel(channel, record -> false);
        OutboxRelay first = relay(receiver);
        OutboxRelay second = relay(receiver);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (OutboxRelay relay : List.of(first, second)) {
                threads.submit(() -> {
                    start.await();
                    drain(relay, 60);
                    return null;
                });
            }
            start.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }

        assertThat(receiver.sends).hasSize(40);
        assertThat(receiver.sends.values()).allSatisfy(sends -> assertThat(sends.get()).isEqualTo(1));
        for (int key = 0; key < 4; key++) {
            String invoice = "invoice-" + key;
            List<String> types = receiver.delivered.stream().filter(r -> r.key().equals(invoice)).map(OutboxRecord::type).toList();
            assertThat(types).as("order of %s", invoice).isSorted().hasSize(10);
        }
    }

    @Test
    void theBacklogIsMeasuredPerChannel() {
        String channel = unique("backlog");
        insert(channel, UUID.randomUUID().toString(), "waiting");
        insert(channel, UUID.randomUUID().toString(), "waiting");

        assertThat(store.backlog()).filteredOn(b -> b.channel().equals(channel))
                .singleElement().satisfies(b -> {
                    assertThat(b.pending()).isEqualTo(2);
                    assertThat(b.oldestSeconds()).isGreaterThanOrEqualTo(0);
                });
    }
}
