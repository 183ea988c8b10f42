package org.collectionorchestrator.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works ({@code collection.outbox.*}).
 *
 * @param channels      the channels this instance relays; an instance may leave one to others (or none)
 * @param pollInterval  how long the relay sleeps when a channel has nothing due
 * @param batchSize     rows claimed and sent at once per channel
 * @param maxAttempts   after this many failed sends a row is parked for an operator
 * @param firstBackoff  the wait after the first failure; it doubles with each further one, up to maxBackoff
 * @param sendTimeout   how long the relay waits for a batch's acknowledgements
 * @param retention     how long sent rows are kept before they are deleted
 */
@ConfigurationProperties("collection.outbox")
public record OutboxProperties(
        @DefaultValue({"engine", "events"}) List<String> channels,
        @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {

    /** 1 s, 2 s, 4 s … after the n-th failure, capped. */
    Duration backoffAfter(int failures) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
