package org.collectionorchestrator.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it; amounts are decimal strings. {@code outstanding} is what is owed in all, the sum
 * of {@code principal}, {@code fees}, {@code interest} and {@code compensation}, each what is still owed of it.
 */
public record InvoiceView(
        UUID id,
        String creditorId,
        String invoiceNumber,
        RegisterInvoice.CustomerBody customer,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        String amount,
        String paymentReference,
        String paymentReferenceType,
        InvoiceStatus status,
        String outstanding,
        String principal,
        String fees,
        String interest,
        String compensation,
        String dunningStage,
        int remindersSent,
        Long processInstanceKey,
        List<AuditTrail.Entry> auditTrail) {

    public record Page(List<InvoiceView> items, int page, int size, long totalItems) {
    }
}
