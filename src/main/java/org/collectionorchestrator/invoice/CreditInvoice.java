package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A credit note for a registered invoice (the invoice-credited message): lowers what the customer owes by
 * {@code amount}; idempotent on (creditor, credit note number).
 */
public record CreditInvoice(
        @NotBlank @Size(max = 64) String creditorId,
        @NotBlank @Size(max = 64) String invoiceNumber,
        @NotBlank @Size(max = 64) String creditNoteNumber,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "\"250.00\"") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK") String currency,
        @NotNull LocalDate date,
        @Size(max = 200) String reason) {
}
