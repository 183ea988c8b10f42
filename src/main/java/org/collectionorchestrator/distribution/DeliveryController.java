package org.collectionorchestrator.distribution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the documents of an invoice went, and what became of each attempt: deviation control at a glance. */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Delivery reports", description = "Providers report what became of a document: delivered, bounced, rejected")
public class DeliveryController {

    private final DeliveryHistory history;
    private final InvoiceQueries invoices;
    private final CreditorAccess access;

    public DeliveryController(DeliveryHistory history, InvoiceQueries invoices, CreditorAccess access) {
        this.history = history;
        this.invoices = invoices;
        this.access = access;
    }

    /** One attempt to send a document by one channel. */
    @Schema(name = "Dispatch")
    public record DispatchView(
            @Schema(description = "Also the idempotency key the provider got") UUID dispatchId,
            @Schema(description = "INVOICE, CREDIT_NOTE, REMINDER, COLLECTION_NOTICE") String documentKind,
            @Schema(description = "The letter's number; 0 for the invoice itself") int letterNumber,
            @Schema(description = "EHF, EFAKTURA, EMAIL, PRINT") String channel,
            @Schema(description = "PENDING, ACCEPTED, DELIVERED, BOUNCED, REJECTED, TIMED_OUT, UNAVAILABLE") String status,
            @Schema(description = "Why it failed, as the provider or the application said") String detail,
            OffsetDateTime sentAt,
            OffsetDateTime deliveredAt) {
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "Every attempt to send the invoice's documents, oldest first",
            description = "Empty for an invoice whose documents were never sent.")
    @ProblemResponses(value = {404}, descriptions = {"No invoice with this id"})
    public List<DispatchView> deliveries(@PathVariable UUID id) {
        access.require(invoices.creditorOf(id));
        return history.dispatches(id).stream().map(d -> new DispatchView(d.id(), d.kind().name(), d.letterNumber(),
                d.channel().name(), d.status().name(), d.detail(), d.createdAt(), d.deliveredAt())).toList();
    }
}
