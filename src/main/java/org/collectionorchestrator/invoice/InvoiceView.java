package org.collectionorchestrator.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it; amounts are decimal strings. {@code outstanding} is what is owed in all, the sum
 * of {@code principal}, {@code fees}, {@code interest} and {@code compensation}, each what is still owed of it.
 */
public record InvoiceView(
        @Schema(description = "The invoice's id, used in every /api/v1/invoices/{id} path") UUID id,
        @Schema(example = "acme-no") String creditorId,
        @Schema(example = "INV-1001") String invoiceNumber,
        RegisterInvoice.CustomerBody customer,
        LocalDate issueDate,
        LocalDate dueDate,
        @Schema(example = "NOK") String currency,
        @Schema(description = "The invoiced amount", example = "\"1250.00\"") String amount,
        @Schema(description = "The reference the customer pays with, given or generated", example = "\"1234567897\"")
        String paymentReference,
        @Schema(description = "Its scheme (KID, OCR, FIK, Finnish reference, RF)") String paymentReferenceType,
        InvoiceStatus status,
        @Schema(description = "What is still owed: principal + fees + interest + compensation", example = "\"1320.00\"")
        String outstanding,
        @Schema(description = "Principal still owed", example = "\"1250.00\"") String principal,
        @Schema(description = "Reminder and collection fees still owed", example = "\"70.00\"") String fees,
        @Schema(description = "Late interest still owed", example = "\"0.00\"") String interest,
        @Schema(description = "B2B recovery compensation still owed", example = "\"0.00\"") String compensation,
        @Schema(description = "Where dunning is: NONE, REMINDER_1, REMINDER_2, ..., NOTICE (collection notice), "
                + "PAYMENT_DEMAND, READY_FOR_COLLECTION", example = "REMINDER_1") String dunningStage,
        @Schema(description = "Reminders sent so far") int remindersSent,
        @Schema(description = "The Camunda process instance following the invoice up") Long processInstanceKey,
        @Schema(description = "What happened to the invoice, oldest first") List<AuditTrail.Entry> auditTrail) {

    public record Page(@Schema(description = "The invoices on this page") List<InvoiceView> items,
                       @Schema(description = "The page number, from 0") int page,
                       @Schema(description = "The page size asked for") int size,
                       @Schema(description = "Invoices matching the filter, on all pages") long totalItems) {
    }
}
