package org.collectionorchestrator.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.signature.WebhookSignature;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Collection hand-over", description = "A creditor's collection agencies, its weekly hand-over review, recalls")
public class CollectionController {

    private final AgencyEvents events;
    private final Recalls recalls;

    private final InvoiceQueries invoices;
    private final CreditorAccess access;

    public CollectionController(AgencyEvents events, Recalls recalls, InvoiceQueries invoices, CreditorAccess access) {
        this.events = events;
        this.recalls = recalls;
        this.invoices = invoices;
        this.access = access;
    }

    public record RecallRequest(@NotBlank @Size(max = 500) @NoControlCharacters
                                @Schema(example = "The debtor paid us directly") String reason) {
    }

    @PostMapping(path = "/api/v1/agencies/{agencyId}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "postAgencyEvent", summary = "A signed callback from a collection agency",
            description = "Signed by the agency with its shared secret: X-Signature: t=<unix seconds>,v1=<hex "
                    + "HMAC-SHA256 of \"t.body\">, at most five minutes old; each eventId is taken once. See "
                    + "docs/agency-webhooks/README.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AgencyEvent.class))))
    @ApiResponse(responseCode = "200", description = "Accepted and applied")
    @ApiResponse(responseCode = "401", description = "Signature missing, malformed, stale or not matching")
    @ProblemResponses(value = {404, 409, 422}, descriptions = {"Unknown agency, or the agency has no such case",
            "The event id was received before, or the case is closed", "A collected payment in another currency"})
    public AgencyEvents.Accepted event(@PathVariable String agencyId,
                                       @Parameter(description = "t=<unix seconds>,v1=<hex>")
                                       @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
                                       @RequestBody byte[] body) {
        return events.receive(agencyId, signature, body);
    }

    @PostMapping("/api/v1/invoices/{id}/recall")
    @Operation(operationId = "recallInvoice", summary = "Take an invoice back from its collection agency",
            description = "Sends a signed recall to the agency; the case closes when the agency confirms it "
                    + "(callback CASE_CLOSED, outcome RECALLED). Asking again while it waits changes nothing.")
    @ApiResponse(responseCode = "200", description = "The case, RECALL_REQUESTED")
    @ProblemResponses(value = {404, 409}, descriptions = {"No invoice with this id",
            "The invoice is not at an agency"})
    public CollectionCase recall(@PathVariable UUID id, @Valid @RequestBody RecallRequest request) {
        access.require(invoices.creditorOf(id));
        return recalls.recall(id, request.reason().strip());
    }

    @GetMapping("/api/v1/invoices/{id}/collection-cases")
    @Operation(operationId = "listCollectionCases", summary = "The invoice's hand-overs to agencies, oldest first")
    @ApiResponse(responseCode = "200", description = "The cases")
    @ProblemResponses(value = {404}, descriptions = {"No invoice with this id"})
    public List<CollectionCase> cases(@PathVariable UUID id) {
        access.require(invoices.creditorOf(id));
        return recalls.casesOf(id);
    }
}
