package org.collectionorchestrator.events;

import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Error handling of the Kafka listeners (Boot's container factory picks the handler up): transient failures retry
 * with exponential back-off for as long as they last; everything else goes to {@code <topic>.dlt} at once with the
 * reason in headers ({@link DeadLetterHeaders}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template,
                                          @Value("${collection.kafka.retry.initial-interval:PT1S}") Duration initial,
                                          @Value("${collection.kafka.retry.max-interval:PT1M}") Duration max) {
        return errorHandler(deadLetters(template), retryForever(initial, max));
    }

    /** Dead letters keep the original key; the producer picks the partition, so a DLT may have any partition count. */
    public static DeadLetterPublishingRecoverer deadLetters(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        recoverer.setHeadersFunction(DeadLetterHeaders::of);
        return recoverer;
    }

    /** Exponential back-off that never gives up: a transient failure is waited out, never dead-lettered. */
    public static BackOff retryForever(Duration initial, Duration max) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** Only the transient failures are retried; every other one is recovered (dead-lettered) on first sight. */
    public static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.defaultFalse();
        TransientFailures.TYPES.forEach(handler::addRetryableExceptions);
        handler.setCommitRecovered(true);
        return handler;
    }

    /** On an external cluster the topics are usually made by its operators; set collection.kafka.create-topics=true otherwise. */
    @Bean
    @ConditionalOnProperty(name = "collection.kafka.create-topics", havingValue = "true")
    KafkaAdmin.NewTopics collectionTopics(@Value("${collection.kafka.partitions:3}") int partitions,
                                          @Value("${collection.kafka.replicas:3}") int replicas) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
