package org.collectionorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableJobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableTimerRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stepping order of {@link EngineTime} without Spring, database or Zeebe: a fake engine with the same clock
 * (system time plus an offset in whole milliseconds, moved by {@code increaseTime}), timers that fire asynchronously
 * once due, and a worker that answers a pushed job a little later, on another thread, and only then lets the process
 * create its next timer.
 */
class EngineTimeTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final MovableClock clock = new MovableClock();
    private final FakeEngine engine = new FakeEngine();

    @AfterEach
    void stop() {
        engine.stop();
    }

    /** overdue, then 14 days before each of two reminders (a job each), then 14 days before the deadline. */
    private void reminderChain(String name, long dueDate) {
        engine.timer(name, dueDate);
    }

    private final BiConsumer<String, Long> chainFollowUp = (name, firedAt) -> {
        switch (name) {
            case "overdue" -> engine.timer("reminder-1", firedAt + 14 * DAY);
            case "reminder-1" -> engine.jobThen(() -> engine.timer("reminder-2", engine.now() + 14 * DAY));
            case "reminder-2" -> engine.jobThen(() -> engine.timer("deadline", engine.now() + 14 * DAY));
            default -> { }
        }
    };

    @Test
    void oneJumpFiresTimersCreatedByEarlierTimersInDueOrderOnTheirOwnTime() {
        engine.onFire(chainFollowUp);
        long start = clock.millis();
        reminderChain("overdue", start + DAY);

        EngineTime.Jump jump = new EngineTime(engine, clock).advance(Duration.ofDays(45));

        assertThat(engine.fired).extracting(Fired::name).containsExactly("overdue", "reminder-1", "reminder-2", "deadline");
        for (Fired fired : engine.fired) {
            assertThat(fired.applicationClock()).as("%s: application clock when the engine fired it", fired.name())
                    .isBetween(fired.dueDate(), fired.dueDate() + 1_000);
            assertThat(fired.engineClock()).isBetween(fired.dueDate(), fired.dueDate() + 1_000);
        }
        assertThat(engine.fired.get(1).dueDate() - engine.fired.get(0).dueDate()).isBetween(14 * DAY, 14 * DAY + 1_000);
        assertThat(engine.fired.get(3).dueDate() - engine.fired.get(1).dueDate())
                .as("each follow-up waits for the job before it").isBetween(28 * DAY, 28 * DAY + 2_000);
        assertThat(jump).isEqualTo(new EngineTime.Jump(4, 4, false));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(45));
        assertThat(engine.offsetMillis()).isEqualTo(clock.offset().toMillis());
    }

    @Test
    void aTimerDueAfterTheTargetWaitsAndBothClocksLandOnTheTarget() {
        engine.onFire(chainFollowUp);
        reminderChain("overdue", clock.millis() + 3 * DAY);

        EngineTime time = new EngineTime(engine, clock);
        EngineTime.Jump first = time.advance(Duration.ofDays(2));
        EngineTime.Jump second = time.advance(Duration.ofDays(2));

        assertThat(first).isEqualTo(new EngineTime.Jump(0, 0, false));
        assertThat(second).isEqualTo(new EngineTime.Jump(1, 1, false));
        assertThat(engine.fired).extracting(Fired::name).containsExactly("overdue");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(4));
        assertThat(engine.offsetMillis()).isEqualTo(clock.offset().toMillis());
    }

    @Test
    void canceledTimersAreNotSteppedTo() {
        long key = engine.timer("interrupted", clock.millis() + DAY);
        engine.cancel(key);

        EngineTime.Jump jump = new EngineTime(engine, clock).advance(Duration.ofDays(3));

        assertThat(jump).isEqualTo(new EngineTime.Jump(0, 0, false));
        assertThat(engine.fired).isEmpty();
    }

    @Test
    void bothClocksMoveByTheSameWholeMillisecondsSoTheyNeverDrift() {
        EngineTime time = new EngineTime(engine, clock);
        time.advance(Duration.ofNanos(1_500_000));
        time.advance(Duration.ofNanos(999_999));
        time.advance(Duration.ofHours(7).plusNanos(123_456_789));

        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(1 + 0 + Duration.ofHours(7).toMillis() + 123));
        assertThat(engine.offsetMillis()).isEqualTo(clock.offset().toMillis());
    }

    @Test
    void aCycleTimerStopsSteppingAtTheStepLimitAndTheRestIsOneJump() {
        engine.onFire((name, firedAt) -> engine.timer("every-minute", engine.now() + 60_000));
        engine.timer("every-minute", clock.millis() + 60_000);

        EngineTime.Jump jump = new EngineTime(engine, clock, 20).advance(Duration.ofHours(1));

        assertThat(jump.stepLimitReached()).isTrue();
        assertThat(jump.steps()).isEqualTo(20);
        assertThat(jump.timersFired()).as("20 steps, then one jump fires the one timer due").isEqualTo(21);
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(1));
        assertThat(engine.offsetMillis()).isEqualTo(clock.offset().toMillis());
    }

    private record Fired(String name, long dueDate, long engineClock, long applicationClock) {
    }

    /**
     * One engine thread processes everything; a timer fires on that thread a few milliseconds after increaseTime (as
     * the real engine's due-date checker does); idle means that thread has nothing queued. Jobs are pushed
     * (JOB_BATCH ACTIVATED) and answered by a "worker" thread 30 ms later.
     */
    private final class FakeEngine implements ZeebeTestEngine {

        private final List<Record<?>> records = new CopyOnWriteArrayList<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final Map<Long, Long> waiting = new ConcurrentHashMap<>();
        private final List<Fired> fired = new CopyOnWriteArrayList<>();
        private final AtomicLong offset = new AtomicLong();
        private final AtomicLong keys = new AtomicLong(1);
        private final AtomicInteger queued = new AtomicInteger();
        private final ExecutorService engineThread = Executors.newSingleThreadExecutor();
        private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        private volatile BiConsumer<String, Long> onFire = (name, firedAt) -> { };

        void onFire(BiConsumer<String, Long> reaction) {
            this.onFire = reaction;
        }

        long now() {
            return System.currentTimeMillis() + offset.get();
        }

        long offsetMillis() {
            return offset.get();
        }

        long timer(String name, long dueDate) {
            long key = keys.getAndIncrement();
            names.put(key, name);
            waiting.put(key, dueDate);
            append(key, ValueType.TIMER, TimerIntent.CREATED,
                    ImmutableTimerRecordValue.builder().withDueDate(dueDate).withTargetElementId(name).build());
            return key;
        }

        void cancel(long key) {
            waiting.remove(key);
            append(key, ValueType.TIMER, TimerIntent.CANCELED, ImmutableTimerRecordValue.builder().build());
        }

        /** Pushes a job to the worker; when the worker answers, the engine thread records it and runs {@code then}. */
        void jobThen(Runnable then) {
            long job = keys.getAndIncrement();
            append(keys.getAndIncrement(), ValueType.JOB_BATCH, JobBatchIntent.ACTIVATED,
                    ImmutableJobBatchRecordValue.builder().addJobKey(job).build());
            worker.schedule(() -> onEngineThread(() -> {
                append(job, ValueType.JOB, JobIntent.COMPLETED, ImmutableJobRecordValue.builder().build());
                then.run();
            }), 30, TimeUnit.MILLISECONDS);
        }

        private void append(long key, ValueType type, Intent intent, RecordValue value) {
            records.add(ImmutableRecord.builder().withKey(key).withPosition(records.size() + 1L)
                    .withRecordType(RecordType.EVENT).withValueType(type).withIntent(intent)
                    .withTimestamp(now()).withValue(value).build());
        }

        private void onEngineThread(Runnable work) {
            queued.incrementAndGet();
            engineThread.execute(() -> {
                try {
                    work.run();
                } finally {
                    queued.decrementAndGet();
                }
            });
        }

        private void fireDueTimers() {
            waiting.entrySet().stream()
                    .filter(timer -> timer.getValue() <= now())
                    .sorted(Map.Entry.comparingByValue())
                    .toList()
                    .forEach(timer -> {
                        waiting.remove(timer.getKey());
                        long at = now();
                        fired.add(new Fired(names.get(timer.getKey()), timer.getValue(), at, clock.millis()));
                        append(timer.getKey(), ValueType.TIMER, TimerIntent.TRIGGERED,
                                ImmutableTimerRecordValue.builder().withDueDate(timer.getValue()).build());
                        onFire.accept(names.get(timer.getKey()), at);
                    });
        }

        @Override
        public void increaseTime(Duration timeToAdd) {
            offset.addAndGet(timeToAdd.toMillis());
            queued.incrementAndGet();
            worker.schedule(() -> {
                onEngineThread(this::fireDueTimers);
                queued.decrementAndGet();
            }, 5, TimeUnit.MILLISECONDS);
        }

        @Override
        public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (queued.get() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException();
                }
                Thread.sleep(1);
            }
        }

        @Override
        public RecordStreamSource getRecordStreamSource() {
            return () -> new ArrayList<>(records);
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
            worker.shutdownNow();
            engineThread.shutdownNow();
        }

        @Override
        public ZeebeClient createClient() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ZeebeClient createClient(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getGatewayAddress() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void waitForBusyState(Duration timeout) {
            throw new UnsupportedOperationException();
        }
    }
}
