package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
public class WriteOffController {

    private final WriteOffs writeOffs;
    private final InvoiceQueries queries;
    private final CreditorAccess access;

    public WriteOffController(WriteOffs writeOffs, InvoiceQueries queries, CreditorAccess access) {
        this.writeOffs = writeOffs;
        this.queries = queries;
        this.access = access;
    }

    /** The body of POST /api/v1/invoices/{id}/write-off. */
    public record WriteOffBody(@Schema(description = "Why the claim is given up, 1 to 500 characters") String reason) {
    }

    @PostMapping("/{id}/write-off")
    @Operation(operationId = "writeOffInvoice", summary = "Write the invoice off: what is owed is cleared and dunning ends",
            description = "One WRITE_OFF ledger entry per component still owed, status WRITTEN_OFF, audit entry "
                    + "WRITTEN_OFF with the reason; a dispute or pause is lifted. 200 with the invoice; again 200 "
                    + "unchanged; a settled, credited or cancelled invoice 409; no reason 400; unknown invoice 404.")
    @ApiResponse(responseCode = "200", description = "Written off (or already written off): the invoice")
    @ProblemResponses(value = {404, 409}, descriptions = {
            "No invoice with this id",
            "The invoice is settled, credited or cancelled"})
    public InvoiceView writeOff(@PathVariable UUID id, @RequestBody WriteOffBody body) {
        access.require(queries.creditorOf(id));
        return writeOffs.writeOff(id, body == null ? null : body.reason());
    }
}
