package org.collectionorchestrator.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.Allocation;
import org.collectionorchestrator.ledger.Component;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a payment's money on the invoices it pays, whichever way it came (REST, Kafka, a bank file, a person's
 * match): each invoice in turn, under its row lock, in the creditor's payment order; a written-off invoice takes it as
 * a recovery; what is left is credited to the customer. An invoice left with nothing to follow up settles
 * ({@link PaymentSettlement}).
 */
@Service
public class PaymentBooking {

    private static final Logger log = LoggerFactory.getLogger(PaymentBooking.class);

    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final PaymentSettlement settlement;
    private final InvoiceLifecycle lifecycle;

    public PaymentBooking(InvoiceRepository invoices, Ledger ledger, AuditTrail audit, PaymentSettlement settlement,
                          InvoiceLifecycle lifecycle) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.audit = audit;
        this.settlement = settlement;
        this.lifecycle = lifecycle;
    }

    /** An invoice a payment names, and at most how much of the payment it takes (null: what it owes). */
    public record Target(UUID invoiceId, Money upTo) {
        public static Target whole(UUID invoiceId) {
            return new Target(invoiceId, null);
        }
    }

    /**
     * What the payment did: the first invoice it named (null when it named only a customer), per invoice what it paid
     * (in target order), and what went to the customer's account.
     */
    public record Booked(UUID firstInvoice, Map<UUID, Money> paid, Map<UUID, Boolean> recovery, Money credited) {
        public Money applied(Money zero) {
            return paid.values().stream().reduce(zero, Money::plus);
        }
    }

    /**
     * Books {@code amount} on {@code targets} in their order; what they do not take is credited to the customer of
     * the first target (or {@code customerId} when given). Runs in the caller's transaction; locks the targets in id
     * order so that two payments naming the same invoices cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Booked book(Creditor creditor, List<Target> targets, String customerId, Money amount, LocalDate bookingDate,
                       String bankTransactionId) {
        Map<UUID, Invoice> locked = lockInIdOrder(targets);
        Map<UUID, Money> paid = new LinkedHashMap<>();
        Map<UUID, Boolean> recovery = new LinkedHashMap<>();
        Money left = amount;
        for (Target target : targets) {
            Invoice invoice = locked.get(target.invoiceId());
            if (invoice == null || !left.isPositive()) {
                continue;
            }
            Money offered = target.upTo() == null ? left : left.min(target.upTo());
            boolean recovering = invoice.status() == InvoiceStatus.WRITTEN_OFF;
            Money taken = recovering
                    ? recover(invoice, offered, bookingDate, bankTransactionId)
                    : apply(invoice, creditor, offered, bookingDate, bankTransactionId);
            if (taken.isPositive()) {
                paid.put(invoice.id(), taken);
                recovery.put(invoice.id(), recovering);
                left = left.minus(taken);
            }
        }
        if (left.isPositive()) {
            credit(creditor.id(), customerId != null ? customerId : customerOf(locked, targets), locked, targets, left,
                    bookingDate, bankTransactionId);
        }
        UUID first = targets.stream().map(Target::invoiceId).filter(locked::containsKey).findFirst().orElse(null);
        return new Booked(first, paid, recovery, left);
    }

    private Money apply(Invoice invoice, Creditor creditor, Money amount, LocalDate bookingDate, String bankTransactionId) {
        InvoiceBalance balance = ledger.balance(invoice.id(), amount.currency());
        Allocation allocation = Allocation.of(balance, creditor.policy().paymentOrder().components(), amount);
        if (!allocation.applied().isPositive()) {
            return allocation.applied();
        }
        String source = source(bankTransactionId);
        allocation.parts().forEach((component, part) -> ledger.reduceOnInvoice(invoice.account(), invoice.id(),
                LedgerEntryType.PAYMENT, component, part, bookingDate, source));
        InvoiceBalance after = allocation.after(balance);
        Map<String, String> paidParts = Component.details(allocation.parts());
        audit.record(invoice.id(), AuditEventType.PAYMENT_APPLIED, Map.of(
                "bankTransactionId", bankTransactionId,
                "amount", amount.toPlainString(),
                "applied", allocation.applied().toPlainString(),
                "paid", paidParts,
                "outstanding", after.outstanding().toPlainString(),
                "bookingDate", bookingDate.toString()));
        log.info("Payment {} applied {} to invoice {} ({}), {} outstanding", bankTransactionId, allocation.applied(),
                invoice.invoiceNumber(), paidParts, after.outstanding());
        lifecycle.paymentBooked(invoice, source, allocation.applied().toPlainString(), bookingDate.toString());
        settlement.closeIfDone(invoice, creditor.policy(), after, bookingDate, bankTransactionId);
        return allocation.applied();
    }

    /** Money on a written-off invoice recovers what was written off, never more. */
    private Money recover(Invoice invoice, Money amount, LocalDate bookingDate, String bankTransactionId) {
        Money recoverable = ledger.writtenOffNotRecovered(invoice.id(), amount.currency());
        Money recovered = amount.min(recoverable);
        if (!recovered.isPositive()) {
            return recovered;
        }
        ledger.recoverOnInvoice(invoice.account(), invoice.id(), recovered, bookingDate, source(bankTransactionId));
        audit.record(invoice.id(), AuditEventType.PAYMENT_RECOVERED, Map.of(
                "bankTransactionId", bankTransactionId, "amount", recovered.toPlainString(),
                "bookingDate", bookingDate.toString()));
        log.info("Payment {} recovered {} on written-off invoice {}", bankTransactionId, recovered, invoice.invoiceNumber());
        return recovered;
    }

    private void credit(String creditorId, String customerId, Map<UUID, Invoice> locked, List<Target> targets,
                        Money excess, LocalDate bookingDate, String bankTransactionId) {
        ledger.postOnCustomer(new Ledger.Account(creditorId, customerId), LedgerEntryType.CREDIT, excess, bookingDate,
                source(bankTransactionId));
        targets.stream().map(t -> locked.get(t.invoiceId())).filter(i -> i != null).findFirst().ifPresent(invoice ->
                audit.record(invoice.id(), AuditEventType.CREDITED_TO_CUSTOMER, Map.of(
                        "bankTransactionId", bankTransactionId, "amount", excess.toPlainString())));
        log.info("Payment {}: {} credited to customer {}", bankTransactionId, excess, customerId);
    }

    private static String customerOf(Map<UUID, Invoice> locked, List<Target> targets) {
        return targets.stream().map(t -> locked.get(t.invoiceId())).filter(i -> i != null).findFirst()
                .map(i -> i.customer().id())
                .orElseThrow(() -> new IllegalArgumentException("A payment with no invoice needs a customer to credit"));
    }

    private Map<UUID, Invoice> lockInIdOrder(List<Target> targets) {
        List<UUID> ids = new ArrayList<>(targets.stream().map(Target::invoiceId).distinct().toList());
        ids.sort(Comparator.naturalOrder());
        Map<UUID, Invoice> locked = new LinkedHashMap<>();
        ids.forEach(id -> invoices.lock(id).ifPresent(invoice -> locked.put(id, invoice)));
        return locked;
    }

    /** How the ledger names what one payment booked; a reversal finds the entries by it. */
    static String source(String bankTransactionId) {
        return "payment " + bankTransactionId;
    }
}
