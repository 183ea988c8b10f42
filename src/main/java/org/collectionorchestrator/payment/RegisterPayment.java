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
        @NotBlank @Size(max = 64) @NoControlCharacters String creditorId,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) @Schema(type = "string", example = "1250.00") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK") String currency,
        @Size(max = 35) @NoControlCharacters String paymentReference,
        UUID invoiceId,
        @NotNull @SaneDate LocalDate bookingDate,
        @NotBlank @Size(max = 100) @NoControlCharacters String bankTransactionId) {

    @AssertTrue(message = "give either paymentReference or invoiceId")
    @Schema(hidden = true)
    public boolean isTargetGiven() {
        return invoiceId != null || (paymentReference != null && !paymentReference.isBlank());
    }
}
