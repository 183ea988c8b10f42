package org.collectionorchestrator.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.invoice.DunningHolds.DunningHold;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.SaneDate;
import org.collectionorchestrator.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes and pauses: the holds that stop dunning, and how they end. Each operation locks the invoice, changes its
 * hold, writes the audit entry (which is the event) and tells the lifecycle process through the outbox, all in one
 * transaction. Messages correlate on the invoice id and are numbered by the invoice's dispute or pause count, so the
 * engine refuses a repeated one.
 */
@Service
public class Disputes {

    public static final String INVOICE_DISPUTED = "invoice-disputed";
    public static final String INVOICE_PAUSED = "invoice-paused";
    public static final String INVOICE_RESUMED = "invoice-resumed";
    static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);
    static final int MAX_PAUSE_YEARS = 1;
    private static final Logger log = LoggerFactory.getLogger(Disputes.class);

    /** What finance decided on a dispute (form resolve-dispute, variable {@code resolution}). */
    public enum Resolution {
        /** The claim stands: dunning resumes with fresh deadlines. */
        REJECT,
        /** The invoice should have been for less: the difference is credited and dunning resumes. */
        CORRECT,
        /** The customer is right: the outstanding amount is credited and dunning ends. */
        CREDIT,
        /** The claim is given up: the outstanding amount is written off and dunning ends. */
        WRITE_OFF
    }

    /** What the process does after a resolution (variable {@code disputeOutcome}). */
    public enum ResolutionOutcome { RESUME_DUNNING, DUNNING_ENDED, INVOICE_SETTLED }

    /** A resolution that cannot be carried out as given; retrying does not help, an operator must look. */
    public static class ResolutionRefused extends RuntimeException {
        public ResolutionRefused(String message) {
            super(message);
        }
    }

    record DisputeRequest(@NotBlank @Size(max = 500) @NoControlCharacters String reason) {
    }

    record PauseRequest(@NotNull @SaneDate LocalDate until) {
    }

    private final InvoiceRepository invoices;
    private final DunningHolds holds;
    private final DisputesResolution resolutions;
    private final CreditorRepository creditors;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final SideEffectLog sideEffects;
    private final InvoiceQueries queries;
    private final CommandValidator validator;
    private final Clock clock;

    public Disputes(InvoiceRepository invoices, DunningHolds holds, DisputesResolution resolutions,
                    CreditorRepository creditors, AuditTrail audit, Outbox outbox, SideEffectLog sideEffects,
                    InvoiceQueries queries, CommandValidator validator, Clock clock) {
        this.invoices = invoices;
        this.holds = holds;
        this.resolutions = resolutions;
        this.creditors = creditors;
        this.audit = audit;
        this.outbox = outbox;
        this.sideEffects = sideEffects;
        this.queries = queries;
        this.validator = validator;
        this.clock = clock;
    }

    /** The customer disputes the claim: dunning halts at once and finance is asked to resolve it. */
    @Transactional
    public InvoiceView dispute(UUID invoiceId, String reason) {
        validator.validate(new DisputeRequest(reason));
        Invoice invoice = lockForRequest(invoiceId);
        requireAwaitingPayment(invoice, "disputed");
        requireNoHold(invoice);
        int disputeNumber = holds.markDisputed(invoiceId);
        audit.record(invoiceId, AuditEventType.DISPUTED, Map.of("reason", reason, "disputeNumber", disputeNumber));
        send(INVOICE_DISPUTED, invoiceId, disputeNumber, Map.of("disputeNumber", disputeNumber, "disputeReason", reason));
        log.info("Invoice {} disputed (dispute {})", invoice.invoiceNumber(), disputeNumber);
        return queries.get(invoiceId);
    }

    /** The creditor pauses dunning until a day after today (in the creditor's time zone), at most a year ahead. */
    @Transactional
    public InvoiceView pause(UUID invoiceId, LocalDate until) {
        validator.validate(new PauseRequest(until));
        Invoice invoice = lockForRequest(invoiceId);
        ZoneId zone = creditors.find(invoice.creditorId()).orElseThrow().timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!until.isAfter(today)) {
            throw new UnprocessableException("until " + until + " is not in the future: today is " + today + " in " + zone);
        }
        LocalDate latest = today.plusYears(MAX_PAUSE_YEARS);
        if (until.isAfter(latest)) {
            throw new UnprocessableException("until " + until + " is more than " + MAX_PAUSE_YEARS
                    + " year ahead; the latest day a pause may last until is " + latest);
        }
        requireAwaitingPayment(invoice, "paused");
        requireNoHold(invoice);
        int pauseNumber = holds.markPaused(invoiceId, until);
        audit.record(invoiceId, AuditEventType.PAUSED, Map.of("until", until.toString()));
        String pausedUntilAt = until.atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        send(INVOICE_PAUSED, invoiceId, pauseNumber, Map.of("pausedUntilAt", pausedUntilAt));
        log.info("Dunning of invoice {} paused until {}", invoice.invoiceNumber(), until);
        return queries.get(invoiceId);
    }

    /** Ends a pause before its date; dunning resumes. */
    @Transactional
    public InvoiceView resume(UUID invoiceId) {
        Invoice invoice = lockForRequest(invoiceId);
        DunningHolds.State state = holds.state(invoiceId);
        if (state.hold() != DunningHold.PAUSED) {
            throw new ConflictException(describe(invoice) + " is not paused" + (state.hold() == DunningHold.DISPUTED
                    ? "; it is disputed, and a dispute ends when finance resolves it" : ""));
        }
        holds.clear(invoiceId);
        audit.record(invoiceId, AuditEventType.RESUMED, Map.of("by", "request"));
        send(INVOICE_RESUMED, invoiceId, state.pauseCount(), Map.of());
        log.info("Dunning of invoice {} resumed on request", invoice.invoiceNumber());
        return queries.get(invoiceId);
    }

    /** The pause's date has come (job resume-dunning): the pause ends unless a resume ended it already. */
    @Transactional
    public void pauseEnded(UUID invoiceId) {
        Invoice invoice = lockForJob(invoiceId);
        if (holds.state(invoiceId).hold() != DunningHold.PAUSED) {
            return;
        }
        holds.clear(invoiceId);
        audit.record(invoiceId, AuditEventType.RESUMED, Map.of("by", "pause ended"));
        log.info("Pause of invoice {} ended", invoice.invoiceNumber());
    }

    /**
     * Carries out finance's resolution of the invoice's current dispute (job record-dispute-resolution). Once per
     * dispute: a redelivered job gets the first outcome and changes nothing. An invoice settled while disputed keeps
     * its money as it is; its hold is lifted and the outcome is {@code INVOICE_SETTLED}.
     *
     * @param correctedAmount for {@code CORRECT}: what the invoice should have been for; ignored otherwise
     * @throws ResolutionRefused for an unknown resolution, a missing or impossible corrected amount, or an invoice
     *                           without an open dispute
     */
    @Transactional
    public ResolutionOutcome resolveDispute(UUID invoiceId, String resolution, BigDecimal correctedAmount, String note) {
        Invoice invoice = lockForJob(invoiceId);
        DunningHolds.State state = holds.state(invoiceId);
        String key = "dispute-resolution:" + invoiceId + ":" + state.disputeCount();
        Optional<String> earlier = sideEffects.payload(key);
        if (earlier.isPresent()) {
            return ResolutionOutcome.valueOf(earlier.get());
        }
        if (state.hold() != DunningHold.DISPUTED) {
            throw new ResolutionRefused(describe(invoice) + " has no open dispute to resolve");
        }
        Resolution parsed = parse(resolution);
        boolean awaitsPayment = invoice.status().awaitsPayment();
        if (parsed == Resolution.CORRECT && awaitsPayment) {
            resolutions.checkCorrectedAmount(invoice, correctedAmount);
        }
        holds.clear(invoiceId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resolution", parsed.name());
        details.put("note", note == null ? "" : note);
        details.put("disputeNumber", state.disputeCount());
        if (parsed == Resolution.CORRECT && correctedAmount != null) {
            details.put("correctedAmount", correctedAmount.toPlainString());
        }
        audit.record(invoiceId, AuditEventType.DISPUTE_RESOLVED, details);
        ResolutionOutcome outcome = awaitsPayment
                ? resolutions.apply(invoice, parsed, correctedAmount, state.disputeCount())
                : ResolutionOutcome.INVOICE_SETTLED;
        sideEffects.claim(key, invoiceId, "DISPUTE_RESOLUTION", outcome.name());
        log.info("Dispute {} of invoice {} resolved: {} -> {}", state.disputeCount(), invoice.invoiceNumber(), parsed,
                outcome);
        return outcome;
    }

    private static Resolution parse(String resolution) {
        try {
            return Resolution.valueOf(String.valueOf(resolution));
        } catch (IllegalArgumentException e) {
            throw new ResolutionRefused("Unknown resolution '" + resolution + "'; expected one of REJECT, CORRECT, CREDIT, WRITE_OFF");
        }
    }

    private void send(String name, UUID invoiceId, int number, Map<String, Object> variables) {
        String id = invoiceId.toString();
        outbox.message(id, new EngineMessage(name, id, name + ":" + id + ":" + number, MESSAGE_TIME_TO_LIVE, variables));
    }

    private Invoice lockForRequest(UUID invoiceId) {
        return invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("No invoice " + invoiceId));
    }

    private Invoice lockForJob(UUID invoiceId) {
        return invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
    }

    private static void requireAwaitingPayment(Invoice invoice, String action) {
        if (!invoice.status().awaitsPayment()) {
            throw new ConflictException(describe(invoice) + " is " + invoice.status().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "; only an invoice awaiting payment can be " + action);
        }
    }

    private void requireNoHold(Invoice invoice) {
        DunningHolds.State state = holds.state(invoice.id());
        if (state.hold() == DunningHold.DISPUTED) {
            throw new ConflictException(describe(invoice) + " is already disputed (dispute " + state.disputeCount()
                    + "); dunning stays on hold until finance resolves the dispute");
        }
        if (state.hold() == DunningHold.PAUSED) {
            throw new ConflictException(describe(invoice) + " is paused until " + state.pausedUntil() + "; resume it first");
        }
    }

    private static String describe(Invoice invoice) {
        return "Invoice " + invoice.invoiceNumber() + " of creditor " + invoice.creditorId();
    }
}
