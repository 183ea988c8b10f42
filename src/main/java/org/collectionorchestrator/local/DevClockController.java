package org.collectionorchestrator.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.outbox.OutboxRelays;
import org.collectionorchestrator.web.InvalidRequestException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: moves engine time and application clock forward, e.g. {"advance":"P14D"}, with the same effect
 * as that much time passing: every timer due on the way fires, in order, on its own due time (see {@link EngineTime}).
 */
@RestController
@Profile("local")
@RequestMapping("/api/v1/dev/clock")
@Tag(name = "Local development", description = "Only in the local profile")
public class DevClockController {

    /** A sanity bound (about 100 years); the engine's clock counts milliseconds in a long. */
    static final Duration MAX_ADVANCE = Duration.ofDays(36_525);

    private static final Duration OUTBOX_WAIT = Duration.ofSeconds(10);

    private final EngineTime engineTime;
    private final Clock clock;
    private final OutboxRelays outbox;

    public DevClockController(EngineTime engineTime, Clock clock, OutboxRelays outbox) {
        this.outbox = outbox;
        this.engineTime = engineTime;
        this.clock = clock;
    }

    public record Advance(@NotBlank String advance) {
    }

    /**
     * @param timersFired      timers the engine triggered during the move (only in the answer to a move)
     * @param stepLimitReached true if the move stopped at more than {@link EngineTime#MAX_STEPS} due dates and did the
     *                         rest in one jump (only in the answer to a move)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(Instant now, String offset, Integer timersFired, Boolean stepLimitReached) {
    }

    @GetMapping
    @Operation(summary = "The application's current time and how far it was moved")
    public ClockView now() {
        return new ClockView(clock.instant(), ((MovableClock) clock).offset().toString(), null, null);
    }

    @PostMapping
    @Operation(summary = "Move engine time and the application clock forward by an ISO-8601 duration (P14D, PT6H), "
            + "firing every timer due on the way in order, each on its own due time")
    public ClockView advance(@RequestBody Advance body) {
        Duration duration;
        try {
            duration = Duration.parse(body.advance());
        } catch (DateTimeParseException | NullPointerException e) {
            throw InvalidRequestException.field("advance", "must be an ISO-8601 duration such as P14D or PT6H");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw InvalidRequestException.field("advance", "must be positive: time only moves forward");
        }
        if (duration.compareTo(MAX_ADVANCE) > 0) {
            throw InvalidRequestException.field("advance", "must be at most " + MAX_ADVANCE);
        }
        if (duration.toMillis() == 0) {
            throw InvalidRequestException.field("advance", "must be at least one millisecond (PT0.001S)");
        }
        // Processes whose start is still in the outbox (e.g. demo data just registered) start at the old time first.
        outbox.awaitDrained(Outbox.ENGINE, OUTBOX_WAIT);
        EngineTime.Jump jump = engineTime.advance(duration);
        return new ClockView(clock.instant(), ((MovableClock) clock).offset().toString(), jump.timersFired(),
                jump.stepLimitReached());
    }
}
