package org.collectionorchestrator.collection;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/creditors/{creditorId}")
@Tag(name = "Collection hand-over", description = "A creditor's collection agencies, its weekly hand-over review, recalls")
public class AgencyController {

    private final Agencies agencies;
    private final CreditorAccess access;

    public AgencyController(Agencies agencies, CreditorAccess access) {
        this.agencies = agencies;
        this.access = access;
    }

    public record AgencyBody(
            @NotBlank @Size(max = 200) @NoControlCharacters @Schema(example = "Retrieve AS") String name,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(description = "Where hand-overs, payments and recalls are POSTed",
                    example = "https://api.retrieve.example/webhooks/collection") String webhookUrl,
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 1-64 of a-z, 0-9 and -")
            @Schema(description = "Names the setting collection.agencies.secrets.<ref> holding the shared signing "
                    + "secret; the secret itself is never sent or stored here", example = "retrieve") String secretRef,
            @NotEmpty @Size(max = 4) @Schema(description = "Countries served: NO, DK, SE, FI", example = "[\"NO\"]")
            List<@Pattern(regexp = "NO|DK|SE|FI", message = "must be one of NO, DK, SE, FI") String> countries,
            @NotEmpty @Size(max = 2) @Schema(description = "Customer segments served", example = "[\"PRIVATE\", \"BUSINESS\"]")
            List<@Pattern(regexp = "PRIVATE|BUSINESS", message = "must be PRIVATE or BUSINESS") String> segments,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = "string", example = "\"500.00\"", description = "Takes no invoice with less outstanding; default 0")
            BigDecimal minimumAmount) {
    }

    public record AgencyView(String id, String creditorId, String name, String webhookUrl, String secretRef,
                             List<String> countries, List<String> segments,
                             @Schema(example = "\"500\"") String minimumAmount) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.id(), a.creditorId(), a.name(), a.webhookUrl().toString(), a.secretRef(),
                    List.copyOf(a.countries()), List.copyOf(a.segments()), a.minimumAmount().toPlainString());
        }
    }

    public record HandOverSettingsBody(
            @NotNull @Schema(description = "Day of the week the review list opens", example = "MONDAY") DayOfWeek reviewDay,
            @NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm")
            @Schema(description = "Time of day the list opens, in the creditor's time zone", example = "08:00")
            String reviewTime,
            @Pattern(regexp = "P.*", message = "must be an ISO 8601 duration such as P3D")
            @Schema(description = "How long staff may stop invoices before the list is approved as it stands; "
                    + "1 hour to 14 days, default P3D", example = "P3D") String approvalWindow,
            @Email @Size(max = 320) @Schema(description = "Who is emailed when the list is ready",
                    example = "finance@acme.example") String notifyEmail) {
    }

    public record HandOverSettingsView(String creditorId, DayOfWeek reviewDay, String reviewTime, String approvalWindow,
                                       String notifyEmail) {
        static HandOverSettingsView of(HandOverSettings s) {
            return new HandOverSettingsView(s.creditorId(), s.reviewDay(), s.reviewTime().toString(),
                    s.approvalWindow().toString(), s.notifyEmail());
        }
    }

    @PutMapping("/agencies/{agencyId}")
    @Operation(operationId = "putAgency", summary = "Create or replace one of the creditor's collection agencies",
            description = "The agency id is global: it names the agency in its callbacks (/api/v1/agencies/{agencyId}/events).")
    @ApiResponse(responseCode = "201", description = "Created: the agency")
    @ApiResponse(responseCode = "200", description = "Replaced: the agency")
    @ProblemResponses(value = {404, 409, 422}, descriptions = {"No creditor with this id",
            "The agency id belongs to another creditor", "No secret is configured for the secret reference"})
    public ResponseEntity<AgencyView> put(@PathVariable String creditorId,
                                          @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String agencyId,
                                          @Valid @RequestBody AgencyBody body) {
        access.require(creditorId);
        Agency agency = new Agency(agencyId, creditorId, body.name().strip(), URI.create(body.webhookUrl()),
                body.secretRef(), new LinkedHashSet<>(body.countries()), new LinkedHashSet<>(body.segments()),
                body.minimumAmount() == null ? BigDecimal.ZERO : body.minimumAmount().stripTrailingZeros());
        boolean created = agencies.save(agency);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(AgencyView.of(agency));
    }

    @GetMapping("/agencies/{agencyId}")
    @Operation(operationId = "getAgency", summary = "Read one of the creditor's collection agencies")
    @ApiResponse(responseCode = "200", description = "The agency")
    @ProblemResponses(value = {404}, descriptions = {"The creditor has no agency with this id"})
    public AgencyView get(@PathVariable String creditorId, @PathVariable String agencyId) {
        access.require(creditorId);
        return AgencyView.of(agencies.get(creditorId, agencyId));
    }

    @GetMapping("/agencies")
    @Operation(operationId = "listAgencies", summary = "The creditor's collection agencies, by id")
    @ApiResponse(responseCode = "200", description = "The agencies")
    @ProblemResponses(value = {404}, descriptions = {"No creditor with this id"})
    public List<AgencyView> list(@PathVariable String creditorId) {
        access.require(creditorId);
        return agencies.ofCreditor(creditorId).stream().map(AgencyView::of).toList();
    }

    @PutMapping("/hand-over-settings")
    @Operation(operationId = "putHandOverSettings", summary = "Set when the weekly hand-over review opens",
            description = "Starts the creditor's weekly review process the first time; later changes apply from the next review.")
    @ApiResponse(responseCode = "201", description = "Created: the settings")
    @ApiResponse(responseCode = "200", description = "Replaced: the settings")
    @ProblemResponses(value = {404}, descriptions = {"No creditor with this id"})
    public ResponseEntity<HandOverSettingsView> putSettings(@PathVariable String creditorId,
                                                            @Valid @RequestBody HandOverSettingsBody body) {
        access.require(creditorId);
        Duration window = HandOverSettings.DEFAULT_WINDOW;
        if (body.approvalWindow() != null) {
            try {
                window = Duration.parse(body.approvalWindow());
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.field("approvalWindow", "must be an ISO 8601 duration such as P3D");
            }
            if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(14)) > 0) {
                throw InvalidRequestException.field("approvalWindow", "must be from 1 hour to 14 days");
            }
        }
        HandOverSettings settings = new HandOverSettings(creditorId, body.reviewDay(), LocalTime.parse(body.reviewTime()),
                window, body.notifyEmail());
        boolean created = agencies.saveSettings(settings);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(HandOverSettingsView.of(settings));
    }

    @GetMapping("/hand-over-settings")
    @Operation(operationId = "getHandOverSettings", summary = "When the weekly hand-over review opens")
    @ApiResponse(responseCode = "200", description = "The settings")
    @ProblemResponses(value = {404}, descriptions = {"No creditor with this id, or no settings yet"})
    public HandOverSettingsView getSettings(@PathVariable String creditorId) {
        access.require(creditorId);
        return HandOverSettingsView.of(agencies.settings(creditorId));
    }
}
