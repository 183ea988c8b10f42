package org.collectionorchestrator;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every date and time in the application is read from: the system clock. Where the in-memory engine's
 * time is moved (tests and the local profile, collection.clock.movable=true) the local package's movable clock
 * replaces it.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnProperty(name = "collection.clock.movable", havingValue = "false", matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }
}
