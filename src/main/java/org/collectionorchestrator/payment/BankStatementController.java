package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.collectionorchestrator.payment.bankfile.BankFileRejectedException;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-statements")
@Tag(name = "Bank statements", description = "ISO 20022 camt.053 / camt.054 files: payments booked, matched, reversed")
public class BankStatementController {

    private final BankStatementImport imports;
    private final CreditorAccess access;

    public BankStatementController(BankStatementImport imports, CreditorAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(operationId = "importBankStatement", summary = "Import a camt.053 or camt.054 file (.001.02, .001.04, .001.08) as the body",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The camt.053 or camt.054 file as the bank delivered it",
                    content = {@Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")),
                               @Content(mediaType = "text/xml", schema = @Schema(type = "string", format = "binary"))}),
            description = "All of the file or nothing. Booked credits become payments (matched, or kept for "
                    + "\"Match payment\"), booked reversals undo the payment they name, pending and debit entries are "
                    + "reported, wrong entries quarantined with their reason. The same transactions again book nothing "
                    + "(duplicates). 400 when the body is not a camt document we read (DTD, not XML, truncated, other "
                    + "message), 422 when its account is not one of the creditor's bank accounts. With preview=true "
                    + "nothing is booked: the answer says what an import would do (reversals not looked up). The "
                    + "Server-Timing header gives the milliseconds spent reading and booking (or matching).")
    @ApiResponse(responseCode = "200", description = "What the file did (or, with preview=true, would do)",
            headers = @Header(name = "Server-Timing", description = "Milliseconds spent reading and booking (or "
                    + "matching)", schema = @Schema(type = "string", example = "read;dur=12, book;dur=40")))
    @ProblemResponses(value = {400, 413, 422}, descriptions = {
            "The body is not a camt.053/camt.054 document we read (a DTD, not XML, truncated, another message), or a "
                    + "parameter is missing (type .../bank-file-rejected or .../invalid-request)",
            "The file is larger than the limit",
            "The creditor is unknown, or the file's account is not one of the creditor's bank accounts (or is in another currency)"})
    public ResponseEntity<ImportSummary> importStatement(@RequestParam String creditorId,
                                                         @RequestParam(defaultValue = "false") boolean preview,
                                                         HttpServletRequest request) throws IOException {
        access.require(creditorId);
        BankStatementImport.Timings timings = new BankStatementImport.Timings();
        ImportSummary summary = imports.importStatement(creditorId, request.getInputStream(), preview, timings);
        return ResponseEntity.ok()
                .header("Server-Timing", "read;dur=" + timings.readMillis() + ", " + (preview ? "match" : "book")
                        + ";dur=" + timings.bookMillis())
                .body(summary);
    }

    @ExceptionHandler(BankFileRejectedException.class)
    ProblemDetail rejected(BankFileRejectedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("https://collection-orchestrator.org/problems/bank-file-rejected"));
        problem.setTitle("Bank file rejected");
        return problem;
    }
}
