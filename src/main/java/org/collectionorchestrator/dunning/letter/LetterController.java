package org.collectionorchestrator.dunning.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invoices/{id}/letters")
@Tag(name = "Letters", description = "The dunning letters produced for an invoice, as PDF")
public class LetterController {

    private final LetterArchive archive;
    private final CreditorAccess access;

    public LetterController(LetterArchive archive, CreditorAccess access) {
        this.archive = archive;
        this.access = access;
    }

    @GetMapping
    @Operation(operationId = "listLetters", summary = "The invoice's letters in number order, without their PDF")
    @ApiResponse(responseCode = "200", description = "The letters, without their PDF")
    @ProblemResponses(value = {404}, descriptions = {
            "No invoice with this id"})
    public List<LetterView> list(@PathVariable UUID id) {
        requireInvoice(id);
        return archive.list(id).stream().map(LetterView::of).toList();
    }

    /** No {@code produces}: a 404 must still be answerable as problem details whatever the client accepts. */
    @GetMapping("/{number}")
    @Operation(operationId = "getLetterPdf", summary = "One letter as PDF, exactly as it was produced (its SHA-256 is the ETag)")
    @ApiResponse(responseCode = "200", description = "The letter's PDF; its ETag is the SHA-256 of the bytes",
            headers = @Header(name = "ETag", description = "The SHA-256 of the PDF", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ProblemResponses(value = {404}, descriptions = {
            "No invoice with this id, or it has no letter of this number"})
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int number) {
        requireInvoice(id);
        StoredLetter letter = archive.find(id, number)
                .orElseThrow(() -> new NotFoundException("Invoice " + id + " has no letter " + number));
        byte[] pdf = archive.pdf(id, number).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("letter-" + number + "-" + letter.kind().name().toLowerCase(Locale.ROOT) + "-" + id + ".pdf")
                        .build().toString())
                .eTag(letter.sha256())
                .body(pdf);
    }

    private void requireInvoice(UUID id) {
        access.require(archive.invoiceCreditor(id)
                .orElseThrow(() -> new NotFoundException("Invoice " + id + " not found")));
    }
}
