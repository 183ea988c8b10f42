package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.collectionorchestrator.web.NoControlCharacters;
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

    public InvoiceController(InvoiceService service, InvoiceQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Register an invoice for follow-up",
            description = "Idempotent on (creditorId, invoiceNumber): the same body again answers 200 with the same invoice, "
                    + "a different body 409.")
    public ResponseEntity<InvoiceView> register(@Valid @RequestBody InvoiceRegistration body) {
        InvoiceService.Registration registration = service.register(body);
        try (var ignored = MDC.putCloseable("invoiceId", registration.invoice().id().toString())) {
            InvoiceView view = queries.get(registration.invoice().id());
            return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "An invoice with balance, dunning stage and audit trail")
    public InvoiceView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @GetMapping
    @Operation(summary = "Invoices by creditor and status, a page at a time")
    public InvoiceView.Page list(@RequestParam(required = false) @NoControlCharacters String creditorId,
                                 @RequestParam(required = false) InvoiceStatus status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.list(creditorId, status, page, size);
    }
}
