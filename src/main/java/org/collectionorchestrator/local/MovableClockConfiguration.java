package org.collectionorchestrator.local;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tests and the local profile (collection.clock.movable=true): a clock that moves with the in-memory engine. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "collection.clock.movable", havingValue = "true")
public class MovableClockConfiguration {

    @Bean
    Clock clock() {
        return new MovableClock();
    }
}
