package org.collectionorchestrator.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;

public record Invoice(
        UUID id,
        String creditorId,
        String invoiceNumber,
        Customer customer,
        LocalDate issueDate,
        LocalDate dueDate,
        Money amount,
        String paymentReference,
        String paymentReferenceType,
        InvoiceStatus status,
        Long processInstanceKey,
        String requestFingerprint,
        Instant registeredAt) {

    public Ledger.Account account() {
        return new Ledger.Account(creditorId, customer.id());
    }
}
