package org.collectionorchestrator.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Local profile only: moves engine time and application clock forward, e.g. {"advance":"P14D"}. */
@RestController
@Profile("local")
@RequestMapping("/api/v1/dev/clock")
@Tag(name = "Local development", description = "Only in the local profile")
public class DevClockController {

    private final EngineTime engineTime;
    private final Clock clock;

    public DevClockController(EngineTime engineTime, Clock clock) {
        this.engineTime = engineTime;
        this.clock = clock;
    }

    public record Advance(@NotBlank String advance) {
    }

    public record ClockView(Instant now, String offset) {
    }

    @GetMapping
    @Operation(summary = "The application's current time and how far it was moved")
    public ClockView now() {
        return new ClockView(clock.instant(), ((MovableClock) clock).offset().toString());
    }

    @PostMapping
    @Operation(summary = "Move engine time and the application clock forward by an ISO-8601 duration (P14D, PT6H)")
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
        engineTime.advance(duration);
        return now();
    }
}
