package org.collectionorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.collectionorchestrator.support.KafkaTestSupport;
import org.collectionorchestrator.web.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The application's listener container factory and error handler with {@link BatchIngest}, on a topic of the test's
 * own, with actions that fail on purpose: transient failures are retried until they pass and never dead-lettered; a
 * refused record in a batch is dead-lettered alone and the good ones are committed once.
 */
class KafkaRetryAndFallbackTest extends KafkaTestSupport {

    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> factory;
    @Autowired
    BatchIngest ingest;
    @Autowired
    JdbcClient jdbc;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private ConcurrentMessageListenerContainer<?, ?> container;
    private String topic;
    private String group;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists kafka_test_commit (value varchar(200) not null)").update();
        topic = unique("test.retry");
        group = unique("test-group");
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void aTransientFailureIsRetriedWithBackOffAndNeverDeadLettered() {
        String value = unique("flaky");
        send(topic, "k", value);

        start(record -> {
            if (attempts(record).incrementAndGet() <= 2) {
                throw new TransientDataAccessResourceException("database down");
            }
        });

        eventually(() -> assertThat(committed(value)).isEqualTo(1));
        assertThat(attempts.get(value)).hasValue(3);
        eventually(() -> assertThat(committedOffsets()).isEqualTo(1));
        assertThat(read(Topics.dlt(topic), r -> true, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aRefusedRecordInABatchIsDeadLetteredAloneAndTheGoodOnesCommitOnce() {
        String first = unique("good");
        String bad = unique("bad");
        String last = unique("good");
        send(topic, "k", first);
        send(topic, "k", bad);
        send(topic, "k", last);

        start(record -> {
            attempts(record).incrementAndGet();
            if (record.startsWith("bad")) {
                throw new ConflictException("refused " + record);
            }
        });

        eventually(() -> assertThat(committed(last)).isEqualTo(1));
        assertThat(committed(first)).isEqualTo(1);
        assertThat(committed(bad)).isZero();
        assertThat(attempts.get(bad)).hasValue(1);
        List<ConsumerRecord<String, byte[]>> dead = read(Topics.dlt(topic), r -> true, 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(bad);
        assertThat(header(dead.get(0), DeadLetterHeaders.CATEGORY)).isEqualTo("CONFLICT");
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("refused " + bad);
        eventually(() -> assertThat(committedOffsets()).isEqualTo(3));
    }

    private interface Action {
        void run(String value);
    }

    @SuppressWarnings("unchecked")
    private void start(Action action) {
        ConcurrentMessageListenerContainer<String, byte[]> created =
                ((ConcurrentKafkaListenerContainerFactory<String, byte[]>) factory).createContainer(topic);
        created.getContainerProperties().setGroupId(group);
        created.getContainerProperties().setMessageListener((BatchMessageListener<String, byte[]>) records ->
                ingest.process(records, record -> {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    return () -> {
                        action.run(value);
                        jdbc.sql("insert into kafka_test_commit (value) values (:v)").param("v", value).update();
                    };
                }));
        created.start();
        container = created;
    }

    private AtomicInteger attempts(String value) {
        return attempts.computeIfAbsent(value, v -> new AtomicInteger());
    }

    private int committed(String value) {
        return jdbc.sql("select count(*) from kafka_test_commit where value = :v").param("v", value).query(Integer.class).single();
    }

    private long committedOffsets() {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
