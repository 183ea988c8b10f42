package org.collectionorchestrator.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Moves the in-memory engine's time and the application clock together (tests and the local profile only). */
public final class EngineTime {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

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
        try {
            // Let due timers fire and their jobs finish, so the next move starts from a settled engine.
            engine.waitForIdleState(IDLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // Still busy (e.g. a job being retried); the time has moved all the same.
        }
    }
}
