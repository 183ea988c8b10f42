package org.collectionorchestrator.local;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Moves the in-memory engine's time and the application clock together (tests and the local profile only). */
public final class EngineTime {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DUE_TIMER_TIMEOUT = Duration.ofSeconds(5);

    private final ZeebeTestEngine engine;
    private final MovableClock clock;

    public EngineTime(ZeebeTestEngine engine, MovableClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public void advance(Duration duration) {
        // Let what is already due (e.g. the timer of an invoice registered overdue a moment ago) happen at the old
        // time first, so that its next wait does not start from the new time.
        awaitDueTimers();
        awaitIdle();
        // The application clock before the engine's: workers triggered by the timers must see the new date.
        clock.advance(duration);
        engine.increaseTime(duration);
        awaitIdle();
    }

    /** Waits (at most a few seconds) until no timer due by now is still waiting to be triggered. */
    private void awaitDueTimers() {
        long deadline = System.nanoTime() + DUE_TIMER_TIMEOUT.toNanos();
        while (hasUntriggeredDueTimer() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean hasUntriggeredDueTimer() {
        long now = clock.millis();
        Map<Long, Long> waiting = new HashMap<>();
        for (Record<?> record : EngineRecords.of(engine)) {
            if (record.getValueType() != ValueType.TIMER || record.getRecordType() != RecordType.EVENT) {
                continue;
            }
            if (record.getIntent() == TimerIntent.CREATED) {
                waiting.put(record.getKey(), ((TimerRecordValue) record.getValue()).getDueDate());
            } else if (record.getIntent() == TimerIntent.TRIGGERED || record.getIntent() == TimerIntent.CANCELED) {
                waiting.remove(record.getKey());
            }
        }
        return waiting.values().stream().anyMatch(dueDate -> dueDate <= now);
    }

    private void awaitIdle() {
        try {
            engine.waitForIdleState(IDLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // Still busy (e.g. a job being retried); time moves all the same.
        }
    }
}
