package org.collectionorchestrator.payment;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.PaymentRows.NewPayment;
import org.collectionorchestrator.payment.PaymentRows.Stored;
import org.collectionorchestrator.payment.matching.UnmatchedPayments;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.RequestFingerprint;
import org.collectionorchestrator.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers single payments (REST, Kafka) and books kept UNMATCHED ones a person matched. Matching is
 * {@link PaymentMatcher}'s, booking {@link PaymentBooking}'s; this class keeps each bank transaction once: idempotent
 * on (creditor, bank transaction id), a repeat with other content is a conflict.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final CreditorRepository creditors;
    private final InvoiceRepository invoices;
    private final PaymentRows rows;
    private final MatchIndexLoader matching;
    private final PaymentBooking booking;
    private final TransactionTemplate transaction;
    private final CommandValidator validator;
    private final UnmatchedPayments unmatchedPayments;

    public PaymentService(CreditorRepository creditors, InvoiceRepository invoices, PaymentRows rows,
                          MatchIndexLoader matching, PaymentBooking booking, TransactionTemplate transaction,
                          CommandValidator validator, UnmatchedPayments unmatchedPayments) {
        this.creditors = creditors;
        this.invoices = invoices;
        this.rows = rows;
        this.matching = matching;
        this.booking = booking;
        this.transaction = transaction;
        this.validator = validator;
        this.unmatchedPayments = unmatchedPayments;
    }

    public record Outcome(PaymentResult result, boolean created) {
    }

    /** Applies one payment; may run inside a caller's transaction (the settlement message waits for its commit). */
    public Outcome register(RegisterPayment request) {
        validator.validate(request);
        Creditor creditor = validate(request);
        String fingerprint = fingerprint(request);
        // No read first: the payment row's insert finds a repeat (on conflict), apply() answers null and the stored
        // outcome is read then. A new payment, the common case, costs no extra round trip.
        Outcome outcome = transaction.execute(status -> apply(request, creditor, fingerprint));
        return outcome != null ? outcome : replay(request, fingerprint);
    }

    private Outcome apply(RegisterPayment request, Creditor creditor, String fingerprint) {
        PaymentFacts facts = PaymentFacts.of(request);
        PaymentMatch match = matching.matchAll(creditor.id(), List.of(facts)).getFirst();
        UUID paymentId = UUID.randomUUID();
        NewPayment row = new NewPayment(paymentId, request.creditorId(), request.bankTransactionId(), facts.amount(),
                request.paymentReference(), request.invoiceId(), request.bookingDate(),
                match.matched() ? PaymentRows.MATCHED : PaymentRows.UNMATCHED, match.unmatchedReason(), fingerprint,
                null, null, null, null);
        if (!rows.insert(row)) {
            return null; // the same bank transaction is being registered concurrently; answer as a replay
        }
        if (!match.matched()) {
            log.info("Payment {} of {} kept unmatched: {}", request.bankTransactionId(), facts.amount(), match.unmatchedReason());
            unmatchedPayments.awaitMatch(paymentId);
            return new Outcome(rows.find(paymentId).orElseThrow(), true);
        }
        book(paymentId, creditor, match, facts.amount(), request);
        return new Outcome(rows.find(paymentId).orElseThrow(), true);
    }

    private void book(UUID paymentId, Creditor creditor, PaymentMatch match, Money amount, RegisterPayment request) {
        String first = match.targets().isEmpty() ? "customer " + match.customerId() : match.targets().getFirst().invoiceId().toString();
        try (var ignored = MDC.putCloseable("invoiceId", first)) {
            PaymentBooking.Booked booked = booking.book(creditor, match.targets(), match.customerId(), amount,
                    request.bookingDate(), request.bankTransactionId());
            rows.recordBooking(paymentId, booked, Money.zero(amount.currency()));
        }
    }

    /**
     * Matches a kept UNMATCHED payment to an invoice of its creditor in its currency, on the payment's existing row,
     * and books it as a payment to that invoice would have been. The payment row is locked first, so two matches at
     * once book it once; matching it again to the same invoice answers the payment as it is.
     */
    public PaymentResult match(UUID paymentId, UUID invoiceId) {
        if (invoiceId == null) {
            throw InvalidRequestException.field("invoiceId", "must not be null");
        }
        return transaction.execute(status -> matchInTransaction(paymentId, invoiceId));
    }

    private PaymentResult matchInTransaction(UUID paymentId, UUID invoiceId) {
        Stored payment = rows.lock(paymentId).orElseThrow(() -> new NotFoundException("No payment " + paymentId));
        unmatchedPayments.beforeMatch(paymentId, payment.result().status());
        RegisterPayment request = payment.request();
        if (PaymentRows.MATCHED.equals(payment.result().status())) {
            if (invoiceId.equals(payment.result().invoiceId())) {
                return rows.find(paymentId).orElseThrow();
            }
            throw new ConflictException("Payment " + paymentId + " is already matched to invoice " + payment.result().invoiceId());
        }
        if (!PaymentRows.UNMATCHED.equals(payment.result().status())) {
            throw new ConflictException("Payment " + paymentId + " is " + payment.result().status() + " and cannot be matched");
        }
        Invoice invoice = invoices.find(invoiceId).filter(i -> i.creditorId().equals(request.creditorId()))
                .orElseThrow(() -> new UnprocessableException("Creditor " + request.creditorId() + " has no invoice " + invoiceId));
        Money amount = Money.of(request.amount(), request.currency());
        if (!invoice.amount().currency().equals(amount.currency())) {
            throw new UnprocessableException("Payment " + paymentId + " is in " + amount.currency().getCurrencyCode()
                    + " but invoice " + invoice.invoiceNumber() + " is in " + invoice.amount().currency().getCurrencyCode());
        }
        Creditor creditor = creditors.find(request.creditorId()).orElseThrow();
        book(paymentId, creditor, PaymentMatch.found(PaymentMatch.Rule.INVOICE_ID,
                List.of(PaymentBooking.Target.whole(invoiceId)), null), amount, request);
        return rows.find(paymentId).orElseThrow();
    }

    /** The payment's creditor, for the caller's creditor check; 404 for an unknown payment. */
    public String creditorOf(UUID paymentId) {
        return rows.creditorOf(paymentId).orElseThrow(() -> new NotFoundException("No payment " + paymentId));
    }

    public Optional<PaymentResult> find(UUID paymentId) {
        return rows.find(paymentId);
    }

    /** Payments waiting in a status (UNMATCHED: for a person), oldest first. */
    public List<PaymentResult> list(String creditorId, String status, int limit, long offset) {
        return rows.list(creditorId, status, limit, offset);
    }

    /** Checks the rules Bean Validation cannot and answers the payment's creditor. */
    private Creditor validate(RegisterPayment request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Creditor> creditor = creditors.find(request.creditorId());
        if (creditor.isEmpty()) {
            problems.add(new FieldProblem("creditorId", "unknown creditor " + request.creditorId()));
        }
        try {
            Currency currency = Currency.getInstance(request.currency());
            if (!Money.fitsMinorUnit(request.amount(), currency)) {
                problems.add(new FieldProblem("amount", "has more decimals than " + currency.getCurrencyCode() + " allows"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("currency", "unknown currency " + request.currency()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return creditor.orElseThrow();
    }

    private Outcome replay(RegisterPayment request, String fingerprint) {
        Stored stored = rows.findByTransaction(request.creditorId(), request.bankTransactionId()).orElseThrow();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ConflictException("Bank transaction " + request.bankTransactionId()
                    + " was registered before with different content");
        }
        return new Outcome(rows.find(stored.result().id()).orElseThrow(), false);
    }

    private static String fingerprint(RegisterPayment r) {
        return RequestFingerprint.of(r.creditorId(), r.amount().stripTrailingZeros().toPlainString(), r.currency(),
                r.paymentReference() == null ? null : PaymentReferences.normalize(r.paymentReference()),
                r.invoiceId(), r.bookingDate(), r.bankTransactionId());
    }
}
