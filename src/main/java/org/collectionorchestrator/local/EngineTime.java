package org.collectionorchestrator.local;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the in-memory engine's time and the application clock together (tests and the local profile only), so that a
 * jump has the same effect as that much time passing: it goes from due timer to due timer in order, and lets the
 * work each timer starts settle before it goes on. A timer created by an earlier one (the reminder delay after the
 * invoice became overdue) therefore fires within the same jump, on its own due time, and a worker triggered by a
 * timer reads the application clock at that timer's due time.
 *
 * <p>One step: find the earliest timer that is created and neither triggered nor canceled and whose due date is at
 * or before the target; move the application clock and then the engine's to exactly that due date; wait until the
 * engine has triggered it, is idle, and every job it pushed to a worker has been answered (the workers write to
 * PostgreSQL before they complete the job). Then the next step; at the end both clocks move to the target.
 *
 * <p>Both clocks are system time plus an offset in whole milliseconds, zero when the engine starts (see
 * {@link MovableClock}); only this class moves them, always by the same number of milliseconds, so they cannot drift.
 *
 * <p>At most {@link #MAX_STEPS} steps per jump (a cycle timer would otherwise step for ever); past that, both clocks
 * move straight to the target as one jump, the engine fires what is due then once, and the result says so.
 */
public final class EngineTime {

    /** Steps (due dates moved to) per jump at most. */
    public static final int MAX_STEPS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(EngineTime.class);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration DUE_TIMER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;

    private final ZeebeTestEngine engine;
    private final MovableClock clock;
    private final int maxSteps;
    private final EngineLog engineLog;

    public EngineTime(ZeebeTestEngine engine, MovableClock clock) {
        this(engine, clock, MAX_STEPS);
    }

    EngineTime(ZeebeTestEngine engine, MovableClock clock, int maxSteps) {
        this.engine = engine;
        this.clock = clock;
        this.maxSteps = maxSteps;
        this.engineLog = new EngineLog(engine);
    }

    /**
     * What a jump did.
     *
     * @param timersFired       timers the engine triggered during the jump
     * @param steps             due dates the clocks stopped at on the way
     * @param stepLimitReached  true if {@link #MAX_STEPS} was reached and the rest was one plain jump
     */
    public record Jump(int timersFired, int steps, boolean stepLimitReached) {
    }

    /** Moves both clocks forward by {@code duration} (whole milliseconds), firing every timer due on the way in order. */
    public synchronized Jump advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward");
        }
        long started = System.nanoTime();
        long targetOffset = Math.addExact(clock.offsetMillis(), duration.toMillis());
        Set<Long> stuck = new HashSet<>();
        long triggeredBefore = engineLog.timersTriggered();
        // What is already due (e.g. the timer of an invoice registered overdue a moment ago) happens at the old time
        // first, so that its next wait does not start from the new time.
        settle(stuck);
        int steps = 0;
        boolean limitReached = false;
        while (clock.offsetMillis() < targetOffset) {
            long now = clock.millis();
            long target = now + (targetOffset - clock.offsetMillis());
            OptionalLong next = engineLog.earliestWaitingDueDate(stuck);
            if (next.isPresent() && next.getAsLong() <= target && steps < maxSteps) {
                steps++;
                move(Math.max(0, next.getAsLong() - now));
            } else {
                if (next.isPresent() && next.getAsLong() <= target) {
                    limitReached = true;
                    log.warn("Time travel: {} steps reached; moving the rest of the way ({} ms) in one jump, so timers "
                            + "created from here on are scheduled from the target time", steps,
                            targetOffset - clock.offsetMillis());
                }
                move(targetOffset - clock.offsetMillis());
            }
            settle(stuck);
        }
        int fired = (int) (engineLog.timersTriggered() - triggeredBefore);
        log.info("Time travel by {}: {} timers fired in {} steps, {} ms", duration, fired, steps,
                (System.nanoTime() - started) / 1_000_000);
        return new Jump(fired, steps, limitReached);
    }

    /** The application clock first, so that workers triggered by the timers see the new date; then the engine's. */
    private void move(long millis) {
        if (millis <= 0) {
            return;
        }
        clock.advanceMillis(millis);
        engine.increaseTime(Duration.ofMillis(millis));
    }

    /**
     * Waits until the timers due by now are triggered, the engine is idle and no job it pushed to a worker is still
     * unanswered; again if anything happened meanwhile. Timers that stay untriggered are reported and left out of
     * the stepping (they would otherwise be stepped to for ever).
     */
    private void settle(Set<Long> stuck) {
        awaitDueTimers(stuck);
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        int seen;
        do {
            awaitIdle();
            seen = engineLog.refresh();
            while (engineLog.jobsInFlight() > 0 && System.nanoTime() < deadline) {
                pause();
                engineLog.refresh();
            }
        } while (engineLog.refresh() != seen && System.nanoTime() < deadline);
        if (engineLog.jobsInFlight() > 0 || engineLog.refresh() != seen) {
            log.warn("Time travel: the engine did not settle within {} ({} jobs still with workers); moving on",
                    SETTLE_TIMEOUT, engineLog.jobsInFlight());
        }
    }

    /** Waits (at most a few seconds) until no timer due by now is still waiting to be triggered. */
    private void awaitDueTimers(Set<Long> stuck) {
        long deadline = System.nanoTime() + DUE_TIMER_TIMEOUT.toNanos();
        while (true) {
            engineLog.refresh();
            Set<Long> due = engineLog.waitingTimersDueBy(clock.millis(), stuck);
            if (due.isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                log.warn("Time travel: timers {} are due but were not triggered within {}; left out", due,
                        DUE_TIMER_TIMEOUT);
                stuck.addAll(due);
                return;
            }
            pause();
        }
    }

    /**
     * Waits until the engine is idle, read from its record stream: no new record for {@link #QUIET} and no job with
     * a worker. Not the engine's own {@code waitForIdleState}: each call that times out leaves a 50 ms task on a
     * timer thread that all in-memory engines of the JVM share, and in a long test run those tasks pile up until
     * the check takes seconds.
     */
    private void awaitIdle() {
        long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
        int seen = engineLog.refresh();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            pause();
            int now = engineLog.refresh();
            if (now != seen || engineLog.jobsInFlight() > 0) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
        }
        log.warn("Time travel: the engine was not quiet within {}: {}", IDLE_TIMEOUT, engineLog.describeActivity());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving engine time", e);
        }
    }

    /**
     * The engine's record stream read incrementally: waiting timers (key to due date), jobs pushed to a worker and not
     * yet answered, and how many timers were triggered. The engine's record list only grows; if it is shorter than
     * what was read (a new engine behind the test proxy), it is read again from the start.
     */
    static final class EngineLog {

        private static final Set<Intent> JOB_ANSWERED = Set.of(JobIntent.COMPLETED, JobIntent.FAILED,
                JobIntent.ERROR_THROWN, JobIntent.CANCELED, JobIntent.TIMED_OUT, JobIntent.YIELDED);

        private final ZeebeTestEngine engine;
        private final Map<Long, Long> waitingTimers = new HashMap<>();
        private final Set<Long> jobsWithWorkers = new HashSet<>();
        private long timersTriggered;
        private int read;
        private int activity;

        EngineLog(ZeebeTestEngine engine) {
            this.engine = engine;
        }

        /**
         * Reads the records added since the last call; returns how many events that change something there are:
         * job polls that found no job are left out, since a worker whose job stream is down polls all the time.
         */
        int refresh() {
            Iterable<Record<?>> records = engine.getRecordStreamSource().getRecords();
            if (records instanceof List<Record<?>> list) {
                int size = list.size();
                if (size < read) {
                    clear();
                }
                // By index up to the size seen now: the list may grow meanwhile (see EngineRecords).
                for (int i = read; i < size; i++) {
                    apply(list.get(i));
                }
                read = size;
            } else {
                clear();
                Iterator<Record<?>> all = records.iterator();
                while (all.hasNext()) {
                    apply(all.next());
                    read++;
                }
            }
            return activity;
        }

        private void clear() {
            waitingTimers.clear();
            jobsWithWorkers.clear();
            timersTriggered = 0;
            read = 0;
            activity = 0;
        }

        private void apply(Record<?> record) {
            if (record.getRecordType() != RecordType.EVENT || isEmptyJobPoll(record)) {
                return;
            }
            activity++;
            Intent intent = record.getIntent();
            if (record.getValueType() == ValueType.TIMER) {
                if (intent == TimerIntent.CREATED) {
                    waitingTimers.put(record.getKey(), ((TimerRecordValue) record.getValue()).getDueDate());
                } else if (intent == TimerIntent.TRIGGERED) {
                    waitingTimers.remove(record.getKey());
                    timersTriggered++;
                } else if (intent == TimerIntent.CANCELED) {
                    waitingTimers.remove(record.getKey());
                }
            } else if (record.getValueType() == ValueType.JOB_BATCH && intent == JobBatchIntent.ACTIVATED) {
                jobsWithWorkers.addAll(((JobBatchRecordValue) record.getValue()).getJobKeys());
            } else if (record.getValueType() == ValueType.JOB && JOB_ANSWERED.contains(intent)) {
                jobsWithWorkers.remove(record.getKey());
            }
        }

        OptionalLong earliestWaitingDueDate(Set<Long> except) {
            refresh();
            return waitingTimers.entrySet().stream()
                    .filter(timer -> !except.contains(timer.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .min();
        }

        Set<Long> waitingTimersDueBy(long epochMillis, Set<Long> except) {
            Set<Long> due = new HashSet<>();
            waitingTimers.forEach((key, dueDate) -> {
                if (dueDate <= epochMillis && !except.contains(key)) {
                    due.add(key);
                }
            });
            return due;
        }

        private static boolean isEmptyJobPoll(Record<?> record) {
            return record.getValueType() == ValueType.JOB_BATCH
                    && ((JobBatchRecordValue) record.getValue()).getJobKeys().isEmpty();
        }

        /** For a warning: the jobs still with workers and the kinds of the latest records. */
        String describeActivity() {
            Iterable<Record<?>> records = engine.getRecordStreamSource().getRecords();
            List<String> latest = new ArrayList<>();
            if (records instanceof List<Record<?>> list) {
                for (int i = Math.max(0, list.size() - 8); i < list.size(); i++) {
                    Record<?> r = list.get(i);
                    latest.add(r.getValueType() + " " + r.getIntent());
                }
            }
            return jobsWithWorkers.size() + " jobs with workers " + jobsWithWorkers + ", latest records " + latest;
        }

        int jobsInFlight() {
            return jobsWithWorkers.size();
        }

        long timersTriggered() {
            refresh();
            return timersTriggered;
        }
    }
}
