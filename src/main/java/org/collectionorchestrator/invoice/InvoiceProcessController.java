package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.collectionorchestrator.process.ProcessView;
import org.collectionorchestrator.process.ProcessViews;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invoice's process as Operate shows it, for the invoice page's diagram. */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
public class InvoiceProcessController {

    private final InvoiceRepository invoices;
    private final ProcessViews processes;
    private final CreditorAccess access;

    public InvoiceProcessController(InvoiceRepository invoices, ProcessViews processes, CreditorAccess access) {
        this.invoices = invoices;
        this.processes = processes;
        this.access = access;
    }

    @GetMapping("/{id}/process")
    @Operation(operationId = "getInvoiceProcess", summary = "The invoice's process: its lifecycle instance, then the "
            + "instances it called that are still active, each with its BPMN and its active, completed and failed elements")
    @ApiResponse(responseCode = "200", description = "The process instances, the invoice's lifecycle first")
    @ProblemResponses(value = {404}, descriptions = {
            "No invoice with this id, or it has no process instance (yet, or the engine no longer knows it)"})
    public ProcessView process(@PathVariable UUID id) {
        Invoice invoice = invoices.find(id).orElseThrow(() -> new NotFoundException("No invoice " + id));
        access.require(invoice.creditorId());
        if (invoice.processInstanceKey() == null) {
            throw new NotFoundException("Invoice " + id + " has no process instance yet");
        }
        return processes.of(invoice.processInstanceKey()).orElseThrow(() -> new NotFoundException(
                "The engine does not know process instance " + invoice.processInstanceKey() + " of invoice " + id));
    }
}
