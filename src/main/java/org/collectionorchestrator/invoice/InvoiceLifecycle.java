package org.collectionorchestrator.invoice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The named state changes of an invoice and what the lifecycle process is told about them. Each runs in the
 * caller's transaction, holding the invoice's row lock: the status, its audit entry (and so its event) and the
 * engine message commit together, and the outbox sends the message afterwards.
 */
@Service
public class InvoiceLifecycle {

    public static final String PROCESS_ID = "receivable-lifecycle";
    /** Starts the process (message start event); sent without time to live so a running process is never doubled. */
    public static final String INVOICE_REGISTERED = "invoice-registered";
    /** Ends dunning wherever the process is (event subprocess, correlated by invoice id). */
    public static final String INVOICE_SETTLED = "invoice-settled";
    /**
     * A payment was booked while the invoice is at a collection agency; the agency case process reports it (message
     * correlated by invoice id, variables {@code paymentSource}, {@code paymentAmount}, {@code paymentDate}).
     */
    public static final String PAYMENT_BOOKED_AT_AGENCY = "payment-booked-at-agency";
    private static final Duration SETTLED_TIME_TO_LIVE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(InvoiceLifecycle.class);

    private final InvoiceRepository invoices;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final BankCalendar calendar;
    private final Counter ignoredStarts;

    public InvoiceLifecycle(InvoiceRepository invoices, AuditTrail audit, Outbox outbox, BankCalendar calendar,
                            MeterRegistry meters) {
        this.invoices = invoices;
        this.audit = audit;
        this.outbox = outbox;
        this.calendar = calendar;
        this.ignoredStarts = Counter.builder("collection.lifecycle.starts.ignored")
                .description("Process starts ended at once: the invoice had its process already or was closed")
                .register(meters);
    }

    /** Asks for the invoice's lifecycle process; the relay sends the start after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void startProcess(Invoice invoice, Creditor creditor) {
        startProcess(invoice, creditor, false);
    }

    /** @param sendInvoice the process delivers the invoice itself first (the ERP did not send it) */
    void startProcess(Invoice invoice, Creditor creditor, boolean sendInvoice) {
        Map<String, Object> variables = processVariables(invoice, creditor);
        variables.put("sendInvoice", sendInvoice);
        outbox.message(invoice.id().toString(), new EngineMessage(INVOICE_REGISTERED, invoice.id().toString(),
                INVOICE_REGISTERED + ":" + invoice.id(), Duration.ZERO, variables));
    }

    /**
     * Notes the first process on its invoice; false when this process must end at once because the invoice has
     * another process or is no longer open (a repeated or late start message, or paid before the start went out).
     */
    @Transactional
    public boolean linkProcess(UUID invoiceId, long processInstanceKey) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        if (invoice.processInstanceKey() != null && invoice.processInstanceKey() == processInstanceKey) {
            return true; // the same job delivered again
        }
        if (invoice.processInstanceKey() == null) {
            invoices.recordProcessInstance(invoiceId, processInstanceKey);
            audit.record(invoiceId, AuditEventType.PROCESS_STARTED, Map.of("processInstanceKey", processInstanceKey));
            if (invoice.status() == InvoiceStatus.OPEN) {
                return true;
            }
        }
        ignoredStarts.increment();
        log.warn("Process {} for invoice {} ends at once: the invoice is {} with process {}", processInstanceKey,
                invoice.invoiceNumber(), invoice.status(), invoice.processInstanceKey());
        return false;
    }

    /** Paid in full: no reminder, fee, task or hand-over may follow; dunning ends wherever it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.SETTLED);
        audit.record(invoice.id(), AuditEventType.SETTLED, details);
        endDunning(invoice);
    }

    /** Credit notes cover what was owed: nothing is left to pay and dunning ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void creditInFull(Invoice invoice) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.CREDITED);
        endDunning(invoice);
    }

    /** The creditor withdrew the invoice; dunning ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.CANCELLED);
        audit.record(invoice.id(), AuditEventType.CANCELLED, details);
        endDunning(invoice);
    }

    /**
     * The process ends wherever it waits (the message's name is historical: any close ends dunning). The message id
     * names the process it ends, so a reopened invoice's next settlement is not refused as a repeat.
     */
    private void endDunning(Invoice invoice) {
        String id = invoice.id().toString();
        String messageId = INVOICE_SETTLED + ":" + id + ":" + invoice.processInstanceKey();
        outbox.message(id, new EngineMessage(INVOICE_SETTLED, id, messageId, SETTLED_TIME_TO_LIVE, Map.of()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void writeOff(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.WRITTEN_OFF);
        audit.record(invoice.id(), AuditEventType.WRITTEN_OFF, details);
    }

    /**
     * The bank took back a payment that had settled the invoice: it is open again and a new lifecycle process
     * follows it up. Letters already sent are counted from the database, so dunning resumes where it stood.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reopen(Invoice invoice, Creditor creditor, Map<String, ?> details) {
        invoices.reopen(invoice.id());
        audit.record(invoice.id(), AuditEventType.REOPENED, details);
        startProcess(invoices.find(invoice.id()).orElseThrow(), creditor);
    }

    /** Written off on request, wherever the process is: dunning ends as after a settlement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeOffAndEndDunning(Invoice invoice, Map<String, ?> details) {
        writeOff(invoice, details);
        endDunning(invoice);
    }

    /** Dunning has ended unpaid; the collection hand-over continues from here. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void readyForCollection(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.READY_FOR_COLLECTION);
        audit.record(invoice.id(), AuditEventType.READY_FOR_COLLECTION, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void approveForCollection(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.COLLECTION_APPROVED);
        audit.record(invoice.id(), AuditEventType.COLLECTION_APPROVED, details);
    }

    /** Credit control stopped the invoice in the hand-over review: it stays ready for collection, not handed over. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stopHandOver(Invoice invoice, Map<String, ?> details) {
        audit.record(invoice.id(), AuditEventType.HAND_OVER_STOPPED, details);
    }

    /** A collection agency has the invoice now; payments still settle it and are reported to the agency. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handOver(Invoice invoice, Map<String, ?> details) {
        invoices.updateStatus(invoice.id(), InvoiceStatus.HANDED_OVER);
        audit.record(invoice.id(), AuditEventType.HANDED_OVER, details);
    }

    /**
     * The agency closed its case. An invoice still owed becomes RECALLED (the agency gave it back on our request) or
     * UNCOLLECTABLE (the agency gave up, or called it paid while we still see money owed); a closed one keeps its status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void agencyCaseClosed(Invoice invoice, boolean recalled, Map<String, ?> details) {
        if (invoice.status() == InvoiceStatus.HANDED_OVER) {
            invoices.updateStatus(invoice.id(), recalled ? InvoiceStatus.RECALLED : InvoiceStatus.UNCOLLECTABLE);
        }
        audit.record(invoice.id(), AuditEventType.AGENCY_CASE_CLOSED, details);
    }

    /**
     * Called by every payment booked on the invoice: while it is at an agency the agency case process hears of it
     * (after commit, through the outbox) and reports it to the agency. Other invoices send nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paymentBooked(Invoice invoice, String source, String amount, String bookingDate) {
        if (invoice.status() != InvoiceStatus.HANDED_OVER) {
            return;
        }
        String id = invoice.id().toString();
        outbox.message(id, new EngineMessage(PAYMENT_BOOKED_AT_AGENCY, id, PAYMENT_BOOKED_AT_AGENCY + ":" + id + ":" + source,
                SETTLED_TIME_TO_LIVE, Map.of("paymentSource", source, "paymentAmount", amount, "paymentDate", bookingDate)));
    }

    /** The process has stopped dunning (the invoice was settled); recorded once per invoice. */
    @Transactional
    public void dunningStopped(UUID invoiceId, long processInstanceKey) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        if (invoice.processInstanceKey() == null) {
            if (invoice.status() == InvoiceStatus.OPEN) {
                return; // a process ending after its invoice was reopened; the new process follows it up
            }
            // Settled before its first step ran: this is still the invoice's one process.
            invoices.recordProcessInstance(invoiceId, processInstanceKey);
        } else if (invoice.processInstanceKey() != processInstanceKey) {
            return; // an ignored duplicate process ending; the invoice's own process reports for it
        }
        if (!audit.has(invoiceId, AuditEventType.DUNNING_STOPPED)) {
            audit.record(invoiceId, AuditEventType.DUNNING_STOPPED, Map.of("processInstanceKey", processInstanceKey,
                    "reason", "invoice " + invoice.status().name().toLowerCase(Locale.ROOT)));
        }
    }

    Map<String, Object> processVariables(Invoice invoice, Creditor creditor) {
        var overdueAt = calendar.firstDayOverdue(creditor.country(), invoice.dueDate())
                .atStartOfDay(creditor.timeZone())
                .toOffsetDateTime();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("invoiceId", invoice.id().toString());
        variables.put("creditorId", invoice.creditorId());
        variables.put("invoiceNumber", invoice.invoiceNumber());
        variables.put("customerName", invoice.customer().name());
        variables.put("segment", invoice.customer().segment().name());
        variables.put("priority", invoice.customer().priority());
        variables.put("country", creditor.country().name());
        variables.put("currency", invoice.amount().currency().getCurrencyCode());
        variables.put("amount", invoice.amount().toPlainString());
        variables.put("dueDate", invoice.dueDate().toString());
        variables.put("overdueAt", overdueAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        variables.put("manualFollowUp", invoice.customer().manualFollowUp());
        variables.put("collectionModel", creditor.policy().collectionModel().name());
        variables.put("timeZone", creditor.timeZone().getId());
        variables.put("reminderFeeAgreed", invoice.customer().reminderFeeAgreed() || creditor.policy().reminderFeeAgreed());
        return variables;
    }
}
