package org.collectionorchestrator.engine;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every date and time in the application is read from. Production uses the system clock; where the
 * in-memory engine's time is moved (tests and the local profile, collection.clock.movable=true) a {@link MovableClock}.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(@Value("${collection.clock.movable:false}") boolean movable) {
        return movable ? new MovableClock() : Clock.systemUTC();
    }
}
