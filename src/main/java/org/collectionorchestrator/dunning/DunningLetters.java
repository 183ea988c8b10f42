package org.collectionorchestrator.dunning;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.dunning.law.CompensationDecision;
import org.collectionorchestrator.dunning.law.FeeDecision;
import org.collectionorchestrator.dunning.law.FeeRequest;
import org.collectionorchestrator.dunning.law.InterestCalculation;
import org.collectionorchestrator.dunning.law.LateInterest;
import org.collectionorchestrator.dunning.law.LawBook;
import org.collectionorchestrator.dunning.law.LegalGuard;
import org.collectionorchestrator.dunning.law.PastLetter;
import org.collectionorchestrator.dunning.law.PrincipalChange;
import org.collectionorchestrator.dunning.letter.LetterArchive;
import org.collectionorchestrator.dunning.letter.LetterContent;
import org.collectionorchestrator.dunning.letter.LetterRenderer;
import org.collectionorchestrator.dunning.letter.StoredLetter;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.DunningHolds;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces one dunning letter: under the invoice's row lock it re-checks that money is still owed, adds what the
 * law and the table allow (B2B compensation, the fee, late interest) to the ledger, renders the PDF and stores
 * it. The job's key makes a redelivered job a no-op; either all of it commits or none.
 */
@Service
public class DunningLetters {

    private static final Logger log = LoggerFactory.getLogger(DunningLetters.class);

    public enum Outcome { SENT, ALREADY_SENT, INVOICE_SETTLED, BELOW_MINIMUM }

    /** @param letterNumber the letter produced (or produced before, for ALREADY_SENT); 0 when none */
    public record Result(Outcome outcome, DunningPosition position, int letterNumber) {

        Result(Outcome outcome, DunningPosition position) {
            this(outcome, position, 0);
        }
    }

    private final InvoiceRepository invoices;
    private final CreditorRepository creditors;
    private final Ledger ledger;
    private final DunningHolds holds;
    private final LegalGuard guard;
    private final LateInterest lateInterest;
    private final LawBook law;
    private final LetterRenderer renderer;
    private final LetterArchive archive;
    private final DunningSchedule schedule;
    private final SideEffectLog sideEffects;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;

    public DunningLetters(InvoiceRepository invoices, CreditorRepository creditors, Ledger ledger, DunningHolds holds,
                          LegalGuard guard, LateInterest lateInterest, LawBook law, LetterRenderer renderer,
                          LetterArchive archive, DunningSchedule schedule, SideEffectLog sideEffects, AuditTrail audit,
                          Clock clock, MeterRegistry meters) {
        this.invoices = invoices;
        this.creditors = creditors;
        this.ledger = ledger;
        this.holds = holds;
        this.guard = guard;
        this.lateInterest = lateInterest;
        this.law = law;
        this.renderer = renderer;
        this.archive = archive;
        this.schedule = schedule;
        this.sideEffects = sideEffects;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** Where the invoice's dunning stands today (the step "Plan dunning"). */
    @Transactional(readOnly = true)
    public DunningPosition plan(UUID invoiceId, DunningStrategy strategy) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        return position(invoice, creditor, strategy, pastLetters(invoiceId));
    }

    /**
     * @param letterKey  unique per letter the process asks for (the job's key), so a redelivery sends nothing twice
     * @param tableFee   the fee "Dunning fees" gave and the strategy wants (0 for none), before the law's guard
     */
    @Transactional
    public Result send(UUID invoiceId, LetterKind kind, BigDecimal tableFee, DunningStrategy strategy, String letterKey) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        var currency = invoice.amount().currency();
        InvoiceBalance balance = ledger.balance(invoiceId, currency);
        if (!invoice.status().awaitsPayment() || balance.outstanding().isZeroOrNegative()) {
            audit.record(invoiceId, AuditEventType.REMINDER_SKIPPED, Map.of("letterKind", kind.name(),
                    "reason", "invoice is " + invoice.status(), "outstanding", balance.outstanding().toPlainString()));
            return new Result(Outcome.INVOICE_SETTLED, null);
        }
        List<PastLetter> earlier = pastLetters(invoiceId);
        String key = "letter:" + invoiceId + ":" + letterKey;
        if (sideEffects.exists(key)) {
            String sent = sideEffects.payload(key).orElse("");
            int number = Integer.parseInt(sent.substring(sent.lastIndexOf(' ') + 1));
            return new Result(Outcome.ALREADY_SENT, position(invoice, creditor, strategy, earlier), number);
        }
        Money minimum = new Money(creditor.policy().minimumReminderAmount(), currency);
        if (kind != LetterKind.FRIENDLY_NOTICE && balance.outstanding().compareTo(minimum) < 0) {
            audit.record(invoiceId, AuditEventType.REMINDER_SKIPPED, Map.of("letterKind", kind.name(),
                    "reason", balance.outstanding() + " outstanding is below the creditor's minimum " + minimum));
            return new Result(Outcome.BELOW_MINIMUM, null);
        }
        LocalDate today = LocalDate.now(clock.withZone(creditor.timeZone()));
        int letterNumber = earlier.size() + 1;
        Charges charges = charge(invoice, creditor, kind, tableFee, strategy, today, letterNumber, earlier);
        LocalDate payBy = kind == LetterKind.FRIENDLY_NOTICE ? invoice.dueDate()
                : guard.payBy(creditor.country(), kind, today, strategy.paymentDays(kind));
        InvoiceBalance after = ledger.balance(invoiceId, currency);
        LetterContent content = new LetterContent(kind, letterNumber, invoice.customer().language(), today, payBy,
                creditor.name(), creditor.country().name(), creditor.policy().bankAccount(), invoice.customer().name(),
                invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(), after.principal(),
                after.fees().minus(charges.fee()), charges.fee(), after.interest(),
                charges.interest() == null ? List.of() : charges.interest().lines(), after.compensation(),
                after.outstanding(), invoice.paymentReference(),
                creditor.country() == Country.NO && law.norwegianNewCollectionActInForce(today));
        StoredLetter stored = archive.store(invoiceId, content, renderer.render(content));
        sideEffects.claim(key, invoiceId, sideEffectKind(kind), kind + " " + letterNumber);
        audit.record(invoiceId, sentType(kind), letterDetails(stored, content));
        meters.counter("collection.letters.produced", "kind", kind.name(), "country", creditor.country().name()).increment();
        log.info("{} {} for invoice {}: fee {}, {} to pay by {}", kind, letterNumber, invoice.invoiceNumber(),
                charges.fee(), after.outstanding(), payBy);
        List<PastLetter> sent = new ArrayList<>(earlier);
        sent.add(new PastLetter(kind, stored.letterDate(), stored.payBy(), stored.fee()));
        return new Result(Outcome.SENT, position(invoice, creditor, strategy, sent), letterNumber);
    }

    /**
     * The letter reached the debtor on {@code deliveredOn}: its payment deadline counts from that day (the law's
     * minimum period from when the debtor got it, never earlier than the printed date), and so does the next letter.
     * A second report of the same letter changes nothing. Answers the dunning position with the new dates.
     */
    @Transactional
    public DunningPosition recordDelivery(UUID invoiceId, int letterNumber, LocalDate deliveredOn, DunningStrategy strategy) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        StoredLetter letter = archive.find(invoiceId, letterNumber)
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoiceId + " has no letter " + letterNumber));
        if (letter.deliveredOn() == null && !deliveredOn.isBefore(letter.letterDate())) {
            LocalDate deadline = letter.payBy();
            if (letter.kind() != LetterKind.FRIENDLY_NOTICE) {
                LocalDate fromDelivery = guard.payBy(creditor.country(), letter.kind(), deliveredOn,
                        strategy.paymentDays(letter.kind()));
                deadline = fromDelivery.isAfter(deadline) ? fromDelivery : deadline;
            }
            archive.recordDelivery(invoiceId, letterNumber, deliveredOn, deadline);
            audit.record(invoiceId, AuditEventType.LETTER_DELIVERED, Map.of("letterNumber", letterNumber,
                    "deliveredOn", deliveredOn.toString(), "deadline", deadline.toString()));
        }
        return position(invoice, creditor, strategy, pastLetters(invoiceId));
    }

    private record Charges(Money fee, InterestCalculation interest) {
    }

    /** Compensation first (it can replace fees), then the fee, then interest up to the letter date. */
    private Charges charge(Invoice invoice, Creditor creditor, LetterKind kind, BigDecimal tableFee,
                           DunningStrategy strategy, LocalDate today, int letterNumber, List<PastLetter> earlier) {
        var currency = invoice.amount().currency();
        Money zero = Money.zero(currency);
        if (kind == LetterKind.FRIENDLY_NOTICE) {
            return new Charges(zero, null);
        }
        boolean compensationClaimed = ledger.charged(invoice.id(), LedgerEntryType.COMPENSATION, currency).isPositive();
        if (strategy.compensation() && !compensationClaimed) {
            CompensationDecision decision = guard.decideCompensation(creditor.country(), invoice.customer().segment(),
                    today, invoice.dueDate(), false, currency);
            if (decision.amount().isPositive()) {
                post(invoice, LedgerEntryType.COMPENSATION, decision.amount(), today, "B2B compensation");
                audit.record(invoice.id(), AuditEventType.COMPENSATION_ADDED, Map.of("amount", decision.amount().toPlainString(),
                        "date", today.toString(), "letterNumber", letterNumber));
                compensationClaimed = true;
            }
            decision.refusal().ifPresent(reason -> refused(invoice, letterNumber, "compensation", List.of(reason)));
        }
        Money requested = new Money(tableFee.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
        FeeDecision fee = guard.decideFee(new FeeRequest(creditor.country(), invoice.customer().segment(), kind, today,
                invoice.dueDate(), requested, creditor.policy().reminderFeeAgreed() || invoice.customer().reminderFeeAgreed(),
                holds.isDisputed(invoice.id()), compensationClaimed, earlier));
        if (fee.fee().isPositive()) {
            post(invoice, LedgerEntryType.FEE, fee.fee(), today, kind.name().toLowerCase(Locale.ROOT) + " fee");
            audit.record(invoice.id(), AuditEventType.FEE_ADDED, Map.of("amount", fee.fee().toPlainString(),
                    "letterKind", kind.name(), "letterNumber", letterNumber, "letterDate", today.toString()));
        }
        if (fee.refusedSomething()) {
            refused(invoice, letterNumber, "fee " + requested + " asked for", fee.refusals());
        }
        InterestCalculation interest = strategy.interest() ? accrueInterest(invoice, creditor, today, letterNumber) : null;
        return new Charges(fee.fee(), interest);
    }

    /** Interest from the day after the due date through the letter date, less what earlier letters added. */
    private InterestCalculation accrueInterest(Invoice invoice, Creditor creditor, LocalDate today, int letterNumber) {
        var currency = invoice.amount().currency();
        List<PrincipalChange> principal = ledger.principalChanges(invoice.id()).stream()
                .map(c -> new PrincipalChange(c.bookingDate(), c.delta())).toList();
        InterestCalculation calculation = lateInterest.calculate(creditor.country(), invoice.customer().segment(),
                invoice.dueDate(), principal, today, currency);
        if (!calculation.complete()) {
            log.warn("No late-interest rate known for {} of invoice {}: add the rows to the law book",
                    calculation.missingRates(), invoice.invoiceNumber());
        }
        Money added = calculation.total().minus(ledger.charged(invoice.id(), LedgerEntryType.INTEREST, currency));
        if (added.isPositive()) {
            post(invoice, LedgerEntryType.INTEREST, added, today, "late interest through " + today);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("amount", added.toPlainString());
            details.put("from", invoice.dueDate().plusDays(1).toString());
            details.put("through", today.toString());
            details.put("totalInterest", calculation.total().toPlainString());
            details.put("letterNumber", letterNumber);
            audit.record(invoice.id(), AuditEventType.INTEREST_ADDED, details);
        }
        return calculation;
    }

    private void post(Invoice invoice, LedgerEntryType type, Money amount, LocalDate date, String source) {
        ledger.postOnInvoice(invoice.account(), invoice.id(), type, amount, date, source);
    }

    private void refused(Invoice invoice, int letterNumber, String what, List<String> reasons) {
        audit.record(invoice.id(), AuditEventType.LEGAL_LIMIT_APPLIED, Map.of("refused", what, "reasons", reasons,
                "letterNumber", letterNumber));
        log.warn("The law limited the {} on letter {} of invoice {}: {}", what, letterNumber, invoice.invoiceNumber(), reasons);
    }

    private DunningPosition position(Invoice invoice, Creditor creditor, DunningStrategy strategy, List<PastLetter> letters) {
        var debt = new DunningSchedule.Debt(creditor.country(), invoice.customer().segment(), invoice.dueDate(),
                creditor.policy().graceBankingDays());
        return schedule.position(debt, strategy, letters, LocalDate.now(clock.withZone(creditor.timeZone())));
    }

    private List<PastLetter> pastLetters(UUID invoiceId) {
        return archive.list(invoiceId).stream()
                .map(l -> new PastLetter(l.kind(), l.countsFrom(), l.deadlineInForce(), l.fee()))
                .toList();
    }

    private static Map<String, Object> letterDetails(StoredLetter stored, LetterContent content) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("letterNumber", stored.letterNumber());
        details.put("letterKind", stored.kind().name());
        details.put("letterDate", stored.letterDate().toString());
        details.put("payBy", stored.payBy().toString());
        details.put("fee", content.feeThisLetter().toPlainString());
        details.put("interest", content.interest().toPlainString());
        details.put("outstanding", content.totalToPay().toPlainString());
        details.put("language", stored.language());
        details.put("sha256", stored.sha256());
        return details;
    }

    private static AuditEventType sentType(LetterKind kind) {
        return switch (kind) {
            case FRIENDLY_NOTICE -> AuditEventType.FRIENDLY_NOTICE_SENT;
            case REMINDER -> AuditEventType.REMINDER_SENT;
            case NOTICE, PAYMENT_DEMAND -> AuditEventType.NOTICE_SENT;
        };
    }

    /** The side-effect kinds the invoice view counts for its dunning stage. */
    static String sideEffectKind(LetterKind kind) {
        return switch (kind) {
            case REMINDER -> InvoiceQueries.REMINDER;
            case NOTICE -> InvoiceQueries.NOTICE;
            case PAYMENT_DEMAND -> InvoiceQueries.PAYMENT_DEMAND;
            case FRIENDLY_NOTICE -> kind.name();
        };
    }
}
