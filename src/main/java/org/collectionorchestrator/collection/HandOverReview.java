package org.collectionorchestrator.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.dunning.SentLetters;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.DunningHolds;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditor's weekly hand-over review (process {@code hand-over-review}): when the next one opens, which invoices
 * it lists, and what approving the list does. An invoice is listed, and approved, only while it is ready for
 * collection (or approved for hand-over by credit control's decision), owes money, is not disputed and has no open
 * case: one paid, credited or disputed while the list is open drops out at approval.
 */
@Service
public class HandOverReview {

    public static final String PROCESS_ID = "hand-over-review";
    /** Starts the creditor's review process (message start event, correlation key the creditor id). */
    public static final String SCHEDULED = "hand-over-review-scheduled";
    /** The running review process plans its next review again (correlation key the creditor id). */
    public static final String SETTINGS_CHANGED = "hand-over-settings-changed";
    /** Starts one agency case process (message start event, correlation key the invoice id). */
    public static final String HAND_OVER_APPROVED = "hand-over-approved";
    static final int MAX_LISTED = 500;
    private static final Logger log = LoggerFactory.getLogger(HandOverReview.class);

    private final CreditorRepository creditors;
    private final HandOverSettingsRepository settings;
    private final AgencyRepository agencies;
    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final DunningHolds holds;
    private final SentLetters letters;
    private final CollectionCases cases;
    private final InvoiceLifecycle lifecycle;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public HandOverReview(CreditorRepository creditors, HandOverSettingsRepository settings, AgencyRepository agencies,
                          InvoiceRepository invoices,
                          Ledger ledger, DunningHolds holds, SentLetters letters, CollectionCases cases,
                          InvoiceLifecycle lifecycle, AuditTrail audit, Outbox outbox, Clock clock) {
        this.creditors = creditors;
        this.settings = settings;
        this.agencies = agencies;
        this.invoices = invoices;
        this.ledger = ledger;
        this.holds = holds;
        this.letters = letters;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** When the next review opens and how long it stays open, from the creditor's current settings. */
    public record Schedule(ZonedDateTime nextReviewAt, Duration approvalWindow, boolean active) {
    }

    public Schedule nextReview(String creditorId) {
        Creditor creditor = creditors.find(creditorId).orElseThrow(() -> new IllegalStateException("No creditor " + creditorId));
        HandOverSettings s = settings.find(creditorId).orElse(new HandOverSettings(creditorId,
                HandOverSettings.DEFAULT_DAY, HandOverSettings.DEFAULT_TIME, HandOverSettings.DEFAULT_WINDOW, null));
        return new Schedule(s.nextReviewAfter(ZonedDateTime.now(clock), creditor.timeZone()), s.approvalWindow(),
                !agencies.ofCreditor(creditorId).isEmpty());
    }

    /** One line of the review list, as the form shows it. */
    public record Candidate(String invoiceId, String invoiceNumber, String customerName, String amount, String currency,
                            long daysOverdue, int lettersSent) {
    }

    /** The invoices that may go to an agency now, oldest due first. */
    public List<Candidate> candidates(String creditorId) {
        Creditor creditor = creditors.find(creditorId).orElseThrow(() -> new IllegalStateException("No creditor " + creditorId));
        LocalDate today = LocalDate.now(clock.withZone(creditor.timeZone()));
        List<Candidate> list = new ArrayList<>();
        List<Invoice> ready = new ArrayList<>(invoices.list(creditorId, InvoiceStatus.READY_FOR_COLLECTION, MAX_LISTED, 0));
        ready.addAll(invoices.list(creditorId, InvoiceStatus.COLLECTION_APPROVED, MAX_LISTED, 0));
        for (Invoice invoice : ready) {
            InvoiceBalance balance = ledger.balance(invoice.id(), invoice.amount().currency());
            if (eligible(invoice, balance)) {
                list.add(new Candidate(invoice.id().toString(), invoice.invoiceNumber(), invoice.customer().name(),
                        balance.outstanding().toPlainString(), invoice.amount().currency().getCurrencyCode(),
                        Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today)), letters.count(invoice.id())));
            }
        }
        list.sort((a, b) -> Long.compare(b.daysOverdue(), a.daysOverdue()));
        return list;
    }

    /** What approving the list did. */
    public record Outcome(List<String> approved, List<String> stopped, List<String> droppedOut) {
    }

    /**
     * Approves the listed invoices that were not stopped: each still eligible gets a case and its agency case process
     * (through the outbox); each stopped one gets an audit entry with the reason. Repeating the approval changes
     * nothing (an invoice with a case is no longer ready for collection).
     */
    @Transactional
    public Outcome approve(String creditorId, String reviewId, List<String> listed, Map<String, String> stopped,
                           boolean byTimer) {
        Creditor creditor = creditors.find(creditorId).orElseThrow(() -> new IllegalStateException("No creditor " + creditorId));
        List<String> approved = new ArrayList<>();
        List<String> stoppedDone = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String id : listed.stream().sorted().toList()) { // id order: two approvals never deadlock
            Invoice invoice = invoices.lock(UUID.fromString(id)).orElse(null);
            if (invoice == null || !invoice.creditorId().equals(creditorId)) {
                dropped.add(id);
                continue;
            }
            InvoiceBalance balance = ledger.balance(invoice.id(), invoice.amount().currency());
            if (!eligible(invoice, balance)) {
                dropped.add(id);
                continue;
            }
            if (stopped.containsKey(id)) {
                if (!stoppedIn(invoice, reviewId)) { // the job delivered again records no second stop
                    lifecycle.stopHandOver(invoice, Map.of("reviewId", reviewId, "reason", stopped.get(id)));
                }
                stoppedDone.add(id);
                continue;
            }
            UUID caseId = UUID.randomUUID();
            if (!cases.insert(caseId, invoice.id(), creditorId, reviewId)) {
                dropped.add(id);
                continue;
            }
            if (invoice.status() == InvoiceStatus.READY_FOR_COLLECTION) {
                lifecycle.approveForCollection(invoice, Map.of("reviewId", reviewId, "caseId", caseId.toString(),
                        "approvedBy", byTimer ? "timer" : "credit control"));
            }
            outbox.message(invoice.id().toString(), new EngineMessage(HAND_OVER_APPROVED, invoice.id().toString(),
                    HAND_OVER_APPROVED + ":" + caseId, Duration.ZERO, caseVariables(caseId, invoice, creditor, balance)));
            approved.add(id);
        }
        log.info("Hand-over review {} of {}: {} approved, {} stopped, {} dropped out", reviewId, creditorId,
                approved.size(), stoppedDone.size(), dropped.size());
        return new Outcome(approved, stoppedDone, dropped);
    }

    private boolean stoppedIn(Invoice invoice, String reviewId) {
        return audit.of(invoice.id()).stream().anyMatch(e -> e.type() == AuditEventType.HAND_OVER_STOPPED
                && reviewId.equals(e.details().get("reviewId")));
    }

    /**
     * Ready for collection, or approved for hand-over by credit control's decision on a followed-up invoice ("Decide on
     * unpaid invoice") and not yet at an agency; owing money; not disputed.
     */
    private boolean eligible(Invoice invoice, InvoiceBalance balance) {
        boolean waiting = invoice.status() == InvoiceStatus.READY_FOR_COLLECTION
                || (invoice.status() == InvoiceStatus.COLLECTION_APPROVED && !cases.hasOpen(invoice.id()));
        return waiting && balance.outstanding().isPositive() && !holds.isDisputed(invoice.id());
    }

    private static Map<String, Object> caseVariables(UUID caseId, Invoice invoice, Creditor creditor, InvoiceBalance balance) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("caseId", caseId.toString());
        variables.put("invoiceId", invoice.id().toString());
        variables.put("creditorId", invoice.creditorId());
        variables.put("invoiceNumber", invoice.invoiceNumber());
        variables.put("country", creditor.country().name());
        variables.put("segment", invoice.customer().segment().name());
        variables.put("outstanding", new BigDecimal(balance.outstanding().toPlainString()));
        variables.put("currency", invoice.amount().currency().getCurrencyCode());
        return variables;
    }
}
