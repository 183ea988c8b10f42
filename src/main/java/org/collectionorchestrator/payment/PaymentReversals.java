package org.collectionorchestrator.payment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.matching.UnmatchedPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes a payment the bank took back (a returned credit transfer, {@code RvslInd}): every ledger entry it booked is
 * reversed, the payment is REVERSED, and an invoice it had settled is open again with dunning restarted.
 */
@Service
class PaymentReversals {

    private static final Logger log = LoggerFactory.getLogger(PaymentReversals.class);

    private final PaymentRows rows;
    private final Ledger ledger;
    private final InvoiceRepository invoices;
    private final InvoiceLifecycle lifecycle;
    private final AuditTrail audit;
    private final UnmatchedPayments unmatchedPayments;

    PaymentReversals(PaymentRows rows, Ledger ledger, InvoiceRepository invoices, InvoiceLifecycle lifecycle,
                     AuditTrail audit, UnmatchedPayments unmatchedPayments) {
        this.rows = rows;
        this.ledger = ledger;
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.unmatchedPayments = unmatchedPayments;
    }

    /** Reverses the payment under its row lock; false when it was reversed meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean reverse(Creditor creditor, UUID paymentId, LocalDate bookingDate, String reversalKey) {
        PaymentRows.Stored payment = rows.lock(paymentId).orElseThrow();
        String status = payment.result().status();
        if (!PaymentRows.MATCHED.equals(status) && !PaymentRows.UNMATCHED.equals(status)) {
            return false;
        }
        if (PaymentRows.UNMATCHED.equals(status)) {
            unmatchedPayments.beforeMatch(paymentId, status); // withdraws its "Match payment" task: nothing left to match
        }
        String bankTransactionId = payment.request().bankTransactionId();
        List<Ledger.Entry> entries = ledger.entriesFrom(creditor.id(), PaymentBooking.source(bankTransactionId));
        List<Invoice> touched = entries.stream().map(Ledger.Entry::invoiceId).filter(Objects::nonNull).distinct()
                .sorted(Comparator.naturalOrder())
                .map(id -> invoices.lock(id).orElseThrow())
                .toList();
        String source = "reversal " + reversalKey + " of payment " + bankTransactionId;
        entries.stream()
                .filter(e -> e.type() == LedgerEntryType.PAYMENT || e.type() == LedgerEntryType.CREDIT
                        || e.type() == LedgerEntryType.RECOVERY)
                .forEach(e -> ledger.reverse(e, bookingDate, source));
        for (Invoice invoice : touched) {
            Money owedAgain = entries.stream()
                    .filter(e -> invoice.id().equals(e.invoiceId()) && e.type() == LedgerEntryType.PAYMENT)
                    .map(Ledger.Entry::amount).reduce(Money.zero(invoice.amount().currency()), Money::plus);
            Map<String, Object> details = Map.of("bankTransactionId", bankTransactionId, "amount",
                    owedAgain.toPlainString(), "reversal", reversalKey, "bookingDate", bookingDate.toString());
            audit.record(invoice.id(), AuditEventType.PAYMENT_REVERSED, details);
            if (invoice.status() == InvoiceStatus.SETTLED
                    && ledger.balance(invoice.id(), invoice.amount().currency()).outstanding().isPositive()) {
                lifecycle.reopen(invoice, creditor, details);
            }
        }
        rows.markReversed(paymentId);
        log.info("Payment {} reversed by {}: {} ledger entries undone, invoices {}", bankTransactionId, reversalKey,
                entries.size(), touched.stream().map(Invoice::invoiceNumber).toList());
        return true;
    }
}
