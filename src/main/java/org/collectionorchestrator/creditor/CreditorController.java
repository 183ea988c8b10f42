package org.collectionorchestrator.creditor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Currency;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NoControlCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/creditors")
@Tag(name = "Creditors", description = "The companies whose invoices are followed up, with country, currency and policy")
public class CreditorController {

    private final CreditorRepository creditors;

    public CreditorController(CreditorRepository creditors) {
        this.creditors = creditors;
    }

    public record PolicyBody(Boolean reminderFeeAgreed) {
    }

    public record CreditorBody(
            @NotBlank @Size(max = 200) @NoControlCharacters String name,
            @NotBlank @Pattern(regexp = "NO|DK|SE|FI", message = "must be one of NO, DK, SE, FI") String country,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as nb, da, sv, fi, en") String language,
            @Size(max = 64) @NoControlCharacters String timeZone,
            PolicyBody policy) {
    }

    public record CreditorView(String id, String name, String country, String currency, String language,
                               @Size(max = 64) @NoControlCharacters String timeZone, PolicyBody policy) {
        static CreditorView of(Creditor c) {
            return new CreditorView(c.id(), c.name(), c.country().name(), c.currency().getCurrencyCode(), c.language(),
                    c.timeZone().getId(), new PolicyBody(c.policy().reminderFeeAgreed()));
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a creditor")
    public ResponseEntity<CreditorView> put(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id, @Valid @RequestBody CreditorBody body) {
        Creditor creditor = toCreditor(id, body);
        boolean created = creditors.save(creditor);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(CreditorView.of(creditor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a creditor")
    public CreditorView get(@PathVariable String id) {
        return creditors.find(id).map(CreditorView::of)
                .orElseThrow(() -> new org.collectionorchestrator.web.NotFoundException("No creditor " + id));
    }

    private static Creditor toCreditor(String id, CreditorBody body) {
        Country country = Country.valueOf(body.country());
        Currency currency;
        try {
            currency = Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("currency", "unknown currency " + body.currency());
        }
        ZoneId zone = country.defaultZone();
        if (body.timeZone() != null && !body.timeZone().isBlank()) {
            try {
                zone = ZoneId.of(body.timeZone());
            } catch (RuntimeException e) {
                throw InvalidRequestException.field("timeZone", "unknown time zone " + body.timeZone());
            }
        }
        boolean feeAgreed = body.policy() != null && Boolean.TRUE.equals(body.policy().reminderFeeAgreed());
        return new Creditor(id, body.name(), country, currency, body.language(), zone, new CreditorPolicy(feeAgreed));
    }
}
