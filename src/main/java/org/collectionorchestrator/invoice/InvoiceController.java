package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.ProblemResponses;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Register outgoing invoices and follow their lifecycle")
public class InvoiceController {

    private final InvoiceService service;
    private final InvoiceQueries queries;
    private final Disputes disputes;
    private final CreditorAccess access;

    public InvoiceController(InvoiceService service, InvoiceQueries queries, Disputes disputes, CreditorAccess access) {
        this.service = service;
        this.queries = queries;
        this.disputes = disputes;
        this.access = access;
    }

    @PostMapping
    @Operation(operationId = "registerInvoice", summary = "Register an invoice for follow-up",
            description = "Idempotent on (creditorId, invoiceNumber): the same body again answers 200 with the same invoice, "
                    + "a different body 409.")
    @ApiResponse(responseCode = "201", description = "Registered: the new invoice")
    @ApiResponse(responseCode = "200", description = "The same invoice registered before with the same body")
    @ProblemResponses(value = {409, 422}, descriptions = {
            "The same creditorId and invoiceNumber with other content, or a payment reference already in use",
            "No payment reference can be generated as the creditor's settings ask"})
    public ResponseEntity<InvoiceView> register(@RequestBody RegisterInvoice body) {
        if (body != null && body.creditorId() != null) {
            access.require(body.creditorId());
        }
        InvoiceService.Registration registration = service.register(body);
        try (var ignored = MDC.putCloseable("invoiceId", registration.invoice().id().toString())) {
            InvoiceView view = registration.created()
                    ? queries.registered(registration)
                    : queries.get(registration.invoice().id());
            return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
        }
    }

    /** The body of POST /api/v1/invoices/{id}/credit-notes; the invoice is the one in the path. */
    public record CreditNoteBody(
            @Schema(description = "The creditor's credit note number; with the creditor the idempotency key",
                    example = "CN-2001") String creditNoteNumber,
            @Schema(type = "string", example = "\"250.00\"", description = "The amount credited, at most what is owed")
            BigDecimal amount,
            @Schema(description = "ISO 4217 currency; the invoice's", example = "NOK") String currency,
            @Schema(description = "The credit note's date", example = "2026-11-10") LocalDate date,
            @Schema(description = "Why the invoice is credited") String reason) {
    }

    /** The body of POST /api/v1/invoices/{id}/cancel. */
    public record CancelBody(@Schema(description = "Why the invoice is cancelled") String reason,
                             @Schema(description = "The cancellation date", example = "2026-11-10") LocalDate date) {
    }

    @PostMapping("/{id}/credit-notes")
    @Operation(operationId = "creditInvoice", summary = "Apply a credit note to the invoice",
            description = "Idempotent on (creditor, creditNoteNumber): 201 applied, 200 the same credit note again, 409 the "
                    + "same number with other content. The same as the invoice-credited message on Kafka.")
    @ApiResponse(responseCode = "201", description = "Applied: the invoice after the credit note")
    @ApiResponse(responseCode = "200", description = "The same credit note again: the invoice unchanged")
    @ProblemResponses(value = {404, 409}, descriptions = {
            "No invoice with this id",
            "The same credit note number with other content, or an invoice that can no longer be credited"})
    public ResponseEntity<InvoiceView> credit(@PathVariable UUID id, @RequestBody CreditNoteBody body) {
        access.require(queries.creditorOf(id));
        InvoiceView invoice = queries.get(id);
        InvoiceService.Change change = service.credit(new CreditInvoice(invoice.creditorId(), invoice.invoiceNumber(),
                body.creditNoteNumber(), body.amount(), body.currency(), body.date(), body.reason()));
        return ResponseEntity.status(change.applied() ? HttpStatus.CREATED : HttpStatus.OK).body(queries.get(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelInvoice", summary = "Cancel the invoice: the outstanding balance is credited and dunning ends",
            description = "Cancelling again answers 200 unchanged; a settled, credited or written-off invoice is 409. "
                    + "The same as the invoice-cancelled message on Kafka.")
    @ApiResponse(responseCode = "200", description = "Cancelled (or already cancelled): the invoice")
    @ProblemResponses(value = {404, 409}, descriptions = {
            "No invoice with this id",
            "The invoice is settled, credited or written off"})
    public InvoiceView cancel(@PathVariable UUID id, @RequestBody CancelBody body) {
        access.require(queries.creditorOf(id));
        InvoiceView invoice = queries.get(id);
        service.cancel(new CancelInvoice(invoice.creditorId(), invoice.invoiceNumber(), body.reason(), body.date()));
        return queries.get(id);
    }

    /** The body of POST /api/v1/invoices/{id}/dispute. */
    public record DisputeBody(@Schema(description = "What the customer disputes, 1 to 500 characters") String reason) {
    }

    /** The body of POST /api/v1/invoices/{id}/pause. */
    public record PauseBody(@Schema(description = "Last day of the pause; dunning resumes at the start of this day",
            example = "2026-12-24") LocalDate until) {
    }

    @PostMapping("/{id}/dispute")
    @Operation(operationId = "disputeInvoice", summary = "Record that the customer disputes the invoice: dunning halts and finance resolves the dispute",
            description = "409 when the invoice is no longer awaiting payment, or already disputed or paused.")
    @ApiResponse(responseCode = "200", description = "Disputed: the invoice, dunning halted")
    @ProblemResponses(value = {404, 409}, descriptions = {
            "No invoice with this id",
            "The invoice is no longer awaiting payment, or already disputed or paused"})
    public InvoiceView dispute(@PathVariable UUID id, @RequestBody DisputeBody body) {
        access.require(queries.creditorOf(id));
        return disputes.dispute(id, body.reason());
    }

    @PostMapping("/{id}/pause")
    @Operation(operationId = "pauseInvoice", summary = "Pause dunning until a date",
            description = "The date must be after today in the creditor's time zone and at most one year ahead (422). "
                    + "409 when the invoice is no longer awaiting payment, or already disputed or paused.")
    @ApiResponse(responseCode = "200", description = "Paused: the invoice")
    @ProblemResponses(value = {404, 409, 422}, descriptions = {
            "No invoice with this id",
            "The invoice is no longer awaiting payment, or already disputed or paused",
            "The date is not after today in the creditor's time zone, or more than a year ahead"})
    public InvoiceView pause(@PathVariable UUID id, @RequestBody PauseBody body) {
        access.require(queries.creditorOf(id));
        return disputes.pause(id, body.until());
    }

    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeInvoice", summary = "End a pause before its date: dunning resumes", description = "409 when the invoice is not paused.")
    @ApiResponse(responseCode = "200", description = "Resumed: the invoice")
    @ProblemResponses(value = {404, 409}, descriptions = {
            "No invoice with this id",
            "The invoice is not paused"})
    public InvoiceView resume(@PathVariable UUID id) {
        access.require(queries.creditorOf(id));
        return disputes.resume(id);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInvoice", summary = "An invoice with balance, dunning stage and audit trail")
    @ApiResponse(responseCode = "200", description = "The invoice")
    @ProblemResponses(value = {404}, descriptions = {
            "No invoice with this id"})
    public InvoiceView get(@PathVariable UUID id) {
        access.require(queries.creditorOf(id));
        return queries.get(id);
    }

    @GetMapping
    @Operation(operationId = "listInvoices", summary = "Invoices by creditor, status, segment, country, days overdue "
            + "or text, a page at a time, by due date, then invoice number")
    @ApiResponse(responseCode = "200", description = "A page of invoices")
    public InvoiceView.Page list(
            @RequestParam(required = false) @NoControlCharacters String creditorId,
            @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) @Parameter(description = "The customer's segment") Segment segment,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 country code of two letters")
            @Parameter(description = "The customer's ISO 3166 country", example = "NO") String country,
            @RequestParam(required = false) @Min(0) @Max(36_500)
            @Parameter(description = "Still awaiting payment and due at least this many days before today in the "
                    + "creditor's time zone") Integer minDaysOverdue,
            @RequestParam(required = false) @Size(max = 100) @NoControlCharacters
            @Parameter(description = "Part of the invoice number or the customer's name, any case") String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String text = q == null || q.isBlank() ? null : q.strip();
        InvoiceFilter filter = new InvoiceFilter(access.listFor(creditorId), status, segment,
                country == null ? null : country.toUpperCase(Locale.ROOT), minDaysOverdue, text);
        return queries.list(filter, page, size);
    }
}
