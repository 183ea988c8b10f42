package org.collectionorchestrator.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The creditor cancels an invoice (the invoice-cancelled message): the outstanding balance is credited, the
 * invoice ends as CANCELLED and dunning stops. {@code date} is the booking date of that credit (default: today).
 */
public record CancelInvoice(
        @NotBlank @Size(max = 64) String creditorId,
        @NotBlank @Size(max = 64) String invoiceNumber,
        @NotBlank @Size(max = 200) String reason,
        LocalDate date) {
}
