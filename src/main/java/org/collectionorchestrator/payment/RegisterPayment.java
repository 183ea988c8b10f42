package org.collectionorchestrator.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.SaneDate;

/**
 * Register one incoming payment as the bank booked it: the body of POST /api/v1/payments and the payment-received
 * message on Kafka. Its Bean Validation rules are checked by {@link PaymentService}, whichever way it came.
 */
@Schema(name = "PaymentRegistration")
public record RegisterPayment(
        @NotBlank @Size(max = 64) @NoControlCharacters
        @Schema(description = "The creditor whose account received the money", example = "acme-no") String creditorId,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "\"1250.00\"",
                description = "The amount received, a decimal string") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK")
        @Schema(description = "ISO 4217 currency of the amount", example = "NOK") String currency,
        @Size(max = 35) @NoControlCharacters
        @Schema(description = "The reference the payer gave (KID, OCR, FIK, RF); this or invoiceId is required",
                example = "\"1234567897\"") String paymentReference,
        @Schema(description = "The invoice paid, when known; this or paymentReference is required") UUID invoiceId,
        @NotNull @SaneDate @Schema(description = "The day the bank booked the payment", example = "2026-11-14")
        LocalDate bookingDate,
        @NotBlank @Size(max = 100) @NoControlCharacters
        @Schema(description = "The bank's id of the transaction; with creditorId the idempotency key",
                example = "NDEA-2026-11-14-000123") String bankTransactionId) {

    @AssertTrue(message = "give either paymentReference or invoiceId")
    @Schema(hidden = true)
    public boolean isTargetGiven() {
        return invoiceId != null || (paymentReference != null && !paymentReference.isBlank());
    }
}
