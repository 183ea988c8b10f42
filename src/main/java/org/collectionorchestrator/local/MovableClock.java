package org.collectionorchestrator.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's clock where engine time can be moved (tests, the local profile): it runs with the system clock
 * plus an offset, and the offset moves together with the in-memory engine's clock, so days overdue, letter dates
 * and the engine's timers agree.
 *
 * <p>The in-memory engine's clock ({@code ControlledActorClock}) works the same way: system time plus an offset in
 * whole milliseconds, zero at start, raised by {@code ZeebeTestEngine.increaseTime} ({@code Duration.toMillis()},
 * i.e. anything below a millisecond is dropped). So this offset is kept in whole milliseconds too, and only
 * {@link EngineTime} moves it, by the same amount it moves the engine: the two offsets are then always equal.
 */
public final class MovableClock extends Clock {

    private final AtomicLong offsetMillis;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicLong(), ZoneId.of("UTC"));
    }

    private MovableClock(AtomicLong offsetMillis, ZoneId zone) {
        this.offsetMillis = offsetMillis;
        this.zone = zone;
    }

    /** Only {@link EngineTime} moves the clock, always together with the engine's. */
    void advanceMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("Time only moves forward");
        }
        offsetMillis.addAndGet(millis);
    }

    /** Back to real time; only together with a fresh engine (tests: a new engine per test method). */
    public void reset() {
        offsetMillis.set(0);
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    long offsetMillis() {
        return offsetMillis.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MovableClock(offsetMillis, newZone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }
}
