package org.collectionorchestrator.collection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.SaneDate;

/** A callback from an agency about one of our cases (docs/agency-webhooks/schemas/agency-event.v1.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "AgencyEvent")
public record AgencyEvent(
        @NotBlank @Size(max = 128) @NoControlCharacters
        @Schema(description = "The agency's id of this event; a second event with the same id is refused (409)") String eventId,
        @NotNull @Schema(description = "What happened") Type type,
        @NotNull @Schema(description = "Our case id, from the hand-over") UUID caseId,
        @Schema(description = "When it happened at the agency") OffsetDateTime occurredAt,
        @Size(max = 128) @NoControlCharacters @Schema(description = "The agency's own case number") String agencyReference,
        @Size(max = 64) @NoControlCharacters @Schema(description = "STATUS_CHANGED: the agency's status, in its words")
        String status,
        @Valid @Schema(description = "PAYMENT_COLLECTED: what the debtor paid the agency") Payment payment,
        @Schema(description = "CASE_CLOSED: why") Outcome outcome) {

    public enum Type { CASE_OPENED, STATUS_CHANGED, PAYMENT_COLLECTED, CASE_CLOSED }

    public enum Outcome { PAID, UNCOLLECTABLE, RECALLED }

    public record Payment(
            @NotNull @Positive @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "\"1250.00\"")
            BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "NOK") String currency,
            @NotNull @SaneDate @Schema(description = "The day the agency received it") LocalDate date,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "\"35.00\"",
                    description = "The agency's own fee, paid by the debtor on top; not booked on the invoice")
            BigDecimal agencyFee) {
    }

    @AssertTrue(message = "PAYMENT_COLLECTED needs payment, CASE_CLOSED needs outcome")
    @Schema(hidden = true)
    public boolean isComplete() {
        return type == null || switch (type) {
            case PAYMENT_COLLECTED -> payment != null;
            case CASE_CLOSED -> outcome != null;
            default -> true;
        };
    }
}
