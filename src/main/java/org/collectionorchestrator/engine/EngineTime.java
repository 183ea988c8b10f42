package org.collectionorchestrator.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;

/** Moves the in-memory engine's time and the application clock together (tests and the local profile only). */
public final class EngineTime {

    private final ZeebeTestEngine engine;
    private final MovableClock clock;

    public EngineTime(ZeebeTestEngine engine, MovableClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public void advance(Duration duration) {
        // The application clock first: workers triggered by the engine's timers must already see the new date.
        clock.advance(duration);
        engine.increaseTime(duration);
    }
}
