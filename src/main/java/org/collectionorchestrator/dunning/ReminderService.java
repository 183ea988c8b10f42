package org.collectionorchestrator.dunning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends (for now: records, with its rendered text) the n-th reminder of an invoice. The invoice row is locked and
 * the balance re-read first, so a payment committed a moment earlier always wins: a paid invoice never gets a
 * reminder. The business key {@code reminder:<invoice>:<n>} makes a redelivered job a no-op.
 */
@Service
public class ReminderService {

    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    public enum Outcome { SENT, ALREADY_SENT, INVOICE_SETTLED }

    private final InvoiceRepository invoices;
    private final CreditorRepository creditors;
    private final Ledger ledger;
    private final SideEffectLog sideEffects;
    private final AuditTrail audit;
    private final BankCalendar calendar;
    private final Clock clock;
    private final Counter remindersSent;

    public ReminderService(InvoiceRepository invoices, CreditorRepository creditors, Ledger ledger,
                           SideEffectLog sideEffects, AuditTrail audit, BankCalendar calendar, Clock clock,
                           MeterRegistry meters) {
        this.invoices = invoices;
        this.creditors = creditors;
        this.ledger = ledger;
        this.sideEffects = sideEffects;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.remindersSent = Counter.builder("collection.reminders.sent").description("Reminders sent").register(meters);
    }

    /**
     * @param paymentPeriod how long the customer gets to pay; the next step waits at least as long
     */
    @Transactional
    public Outcome send(UUID invoiceId, int reminderNumber, Period paymentPeriod) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        Money outstanding = ledger.invoiceBalance(invoiceId, invoice.amount().currency());
        if (invoice.status() != InvoiceStatus.OPEN || outstanding.isZeroOrNegative()) {
            audit.record(invoiceId, AuditEventType.REMINDER_SKIPPED, Map.of(
                    "reminderNumber", reminderNumber, "reason", "invoice is " + invoice.status(),
                    "outstanding", outstanding.toPlainString()));
            return Outcome.INVOICE_SETTLED;
        }
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(creditor.timeZone()));
        LocalDate payBy = calendar.onOrNextBankingDay(creditor.country(), today.plus(paymentPeriod));
        ReminderLetter letter = ReminderLetter.render(new ReminderLetter.Facts(reminderNumber, invoice.invoiceNumber(),
                invoice.customer().name(), invoice.dueDate(), outstanding, payBy, invoice.paymentReference(),
                creditor.name(), invoice.customer().language()));
        String key = "reminder:" + invoiceId + ":" + reminderNumber;
        if (!sideEffects.claim(key, invoiceId, InvoiceQueries.REMINDER, letter.text())) {
            return Outcome.ALREADY_SENT;
        }
        audit.record(invoiceId, AuditEventType.REMINDER_SENT, Map.of(
                "reminderNumber", reminderNumber,
                "outstanding", outstanding.toPlainString(),
                "payBy", payBy.toString(),
                "language", letter.language(),
                "text", letter.text()));
        remindersSent.increment();
        log.info("Reminder {} for invoice {} recorded: {} outstanding, pay by {}", reminderNumber,
                invoice.invoiceNumber(), outstanding, payBy);
        return Outcome.SENT;
    }
}
