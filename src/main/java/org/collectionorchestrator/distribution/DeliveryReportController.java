package org.collectionorchestrator.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.signature.InvalidSignatureException;
import org.collectionorchestrator.signature.WebhookSignature;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asynchronous delivery reports of the providers: {@code POST /api/v1/delivery-reports/{channel}}, signed with
 * {@code X-Signature} ({@link WebhookSignature}) by the provider's own secret
 * ({@code collection.distribution.providers.<channel>.signing-secret}). The signature is checked on the raw body
 * before anything is read; a bad, stale or missing one is a 401 and changes nothing. Each event id counts once.
 */
@RestController
@RequestMapping("/api/v1/delivery-reports")
@Tag(name = "Delivery reports", description = "Providers report what became of a document: delivered, bounced, rejected")
public class DeliveryReportController {

    private static final Set<DispatchStatus> REPORTABLE = Set.of(DispatchStatus.DELIVERED, DispatchStatus.BOUNCED,
            DispatchStatus.REJECTED);

    private final Dispatches dispatches;
    private final DistributionProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    public DeliveryReportController(Dispatches dispatches, DistributionProperties settings, ObjectMapper json, Clock clock) {
        this.dispatches = dispatches;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The body a provider sends. */
    @Schema(name = "DeliveryReport")
    public record DeliveryReport(
            @Schema(description = "The provider's id of this event; a repeat is answered 200 and changes nothing",
                    example = "evt-1") String eventId,
            @Schema(description = "The dispatch id we sent as Idempotency-Key") UUID dispatchId,
            @Schema(description = "DELIVERED, BOUNCED or REJECTED", example = "BOUNCED") String status,
            @Schema(description = "The provider's reason", example = "mailbox does not exist") String detail) {
    }

    /** What the report did. */
    public record ReportOutcome(UUID dispatchId, String channel, String status) {
    }

    @PostMapping(path = "/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reportDelivery", summary = "A provider's delivery report (signed)",
            description = "Settles the dispatch once and tells the waiting 'Deliver document' process; the header "
                    + "X-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\"> with the provider's secret, "
                    + "at most five minutes off.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = DeliveryReport.class))))
    @ApiResponse(responseCode = "200", description = "Recorded (or recorded before: the dispatch as it stands)")
    @ProblemResponses(value = {404}, descriptions = {"No dispatch with that id for this channel"})
    public ReportOutcome report(
            @Parameter(description = "ehf, efaktura, email or print") @PathVariable String channel,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
            @RequestBody byte[] body) {
        Channel way = channel(channel);
        String secret = settings.provider(way.name().toLowerCase(Locale.ROOT)).map(DistributionProperties.Provider::signingSecret)
                .filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            throw new NotFoundException("No delivery reports are taken for channel " + channel);
        }
        WebhookSignature.Verification verification = WebhookSignature.verify(signature, body, secret, clock.instant());
        if (!verification.valid()) {
            throw new InvalidSignatureException(verification);
        }
        DeliveryReport report = parse(body);
        DispatchStatus status;
        try {
            status = DispatchStatus.valueOf(report.status());
        } catch (RuntimeException e) {
            status = null;
        }
        if (status == null || !REPORTABLE.contains(status)) {
            throw InvalidRequestException.field("status", "must be DELIVERED, BOUNCED or REJECTED");
        }
        if (report.eventId() == null || report.eventId().isBlank() || report.eventId().length() > 200) {
            throw InvalidRequestException.field("eventId", "must be given, at most 200 characters");
        }
        if (report.dispatchId() == null) {
            throw InvalidRequestException.field("dispatchId", "must be given");
        }
        Dispatch dispatch = dispatches.report(way, report.eventId(), report.dispatchId(), status,
                        report.detail() == null ? null : report.detail().substring(0, Math.min(report.detail().length(), 1000)))
                .orElseThrow(() -> new NotFoundException("No dispatch " + report.dispatchId() + " by " + way));
        return new ReportOutcome(dispatch.id(), dispatch.channel().name(), dispatch.status().name());
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No channel " + name);
        }
    }

    private DeliveryReport parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw InvalidRequestException.field("body", "must be a JSON object");
            }
            return json.treeToValue(node, DeliveryReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InvalidRequestException.field("body", "is not a delivery report: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidRequestException.field("body", "is not a delivery report");
        }
    }
}
