package org.collectionorchestrator.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.ledger.Allocation;
import org.collectionorchestrator.ledger.Component;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.matching.UnmatchedPayments;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.UnprocessableException;
import org.collectionorchestrator.web.RequestFingerprint;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies incoming payments to invoices. A payment pays the parts of the claim (fees, compensation, interest,
 * principal) in the order the creditor chose; a partial payment lowers the balance and dunning goes on; a payment
 * that leaves nothing to follow up settles the invoice and ends dunning ({@link PaymentSettlement}); an over-payment
 * is credited to the customer's account. Payments that match no invoice are kept as UNMATCHED. Idempotent on the
 * bank transaction id.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final JdbcClient jdbc;
    private final CreditorRepository creditors;
    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final PaymentSettlement settlement;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CommandValidator validator;
    private final UnmatchedPayments unmatchedPayments;

    public PaymentService(JdbcClient jdbc, CreditorRepository creditors, InvoiceRepository invoices, Ledger ledger,
                          AuditTrail audit, PaymentSettlement settlement, TransactionTemplate transaction, Clock clock,
                          CommandValidator validator, UnmatchedPayments unmatchedPayments) {
        this.jdbc = jdbc;
        this.creditors = creditors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.audit = audit;
        this.settlement = settlement;
        this.transaction = transaction;
        this.clock = clock;
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
        return outcome != null ? outcome : replay(request, fingerprint).orElseThrow();
    }

    private Outcome apply(RegisterPayment request, Creditor creditor, String fingerprint) {
        Money amount = Money.of(request.amount(), request.currency());
        Optional<Invoice> target = lockTarget(request);
        if (target.isEmpty()) {
            return unmatched(request, amount, fingerprint, "UNKNOWN_REFERENCE");
        }
        Invoice invoice = target.get();
        if (!invoice.amount().currency().equals(amount.currency())) {
            return unmatched(request, amount, fingerprint, "CURRENCY_MISMATCH");
        }
        try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
            return applyToInvoice(request, creditor, invoice, amount, (applied, excess) -> {
                UUID paymentId = UUID.randomUUID();
                return insertPayment(paymentId, request, "MATCHED", invoice.id(), applied, excess, null, fingerprint)
                        ? paymentId : null;
            });
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
        StoredPayment payment = lockPayment(paymentId).orElseThrow(() -> new NotFoundException("No payment " + paymentId));
        unmatchedPayments.beforeMatch(paymentId, payment.result().status());
        RegisterPayment request = payment.request();
        if ("MATCHED".equals(payment.result().status())) {
            if (invoiceId.equals(payment.result().invoiceId())) {
                return payment.result();
            }
            throw new ConflictException("Payment " + paymentId + " is already matched to invoice " + payment.result().invoiceId());
        }
        Invoice target = invoices.find(invoiceId).filter(i -> i.creditorId().equals(request.creditorId()))
                .orElseThrow(() -> new UnprocessableException("Creditor " + request.creditorId() + " has no invoice " + invoiceId));
        Invoice invoice = invoices.lock(target.id()).orElseThrow();
        Money amount = Money.of(request.amount(), request.currency());
        if (!invoice.amount().currency().equals(amount.currency())) {
            throw new UnprocessableException("Payment " + paymentId + " is in " + amount.currency().getCurrencyCode()
                    + " but invoice " + invoice.invoiceNumber() + " is in " + invoice.amount().currency().getCurrencyCode());
        }
        Creditor creditor = creditors.find(request.creditorId()).orElseThrow();
        try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
            return applyToInvoice(request, creditor, invoice, amount, (applied, excess) -> {
                markMatched(paymentId, invoice.id(), applied, excess);
                return paymentId;
            }).result();
        }
    }

    public Optional<PaymentResult> find(UUID paymentId) {
        return jdbc.sql("select * from payment where id = :id").param("id", paymentId).query((rs, row) -> map(rs)).optional();
    }

    /** Stores the payment as MATCHED with what the apply step decided; answers its id, or null if another request got there first. */
    @FunctionalInterface
    private interface MatchedRow {
        UUID write(Money applied, Money excess);
    }

    /** A stored payment as the request that registered it, and what became of it. */
    private record StoredPayment(RegisterPayment request, PaymentResult result) {
    }

    /**
     * The apply step: books the payment on the locked invoice (ledger, customer credit, audit, settlement) after
     * {@code row} has stored it as MATCHED, whether as a new payment or as a kept UNMATCHED one.
     */
    private Outcome applyToInvoice(RegisterPayment request, Creditor creditor, Invoice invoice, Money amount,
                                   MatchedRow row) {
        InvoiceBalance balance = ledger.balance(invoice.id(), amount.currency());
        Allocation allocation = Allocation.of(balance, creditor.policy().paymentOrder().components(), amount);
        Money applied = allocation.applied();
        Money excess = allocation.excess();
        UUID paymentId = row.write(applied, excess);
        if (paymentId == null) {
            return null; // the same bank transaction is being registered concurrently; answer as a replay
        }
        String source = "payment " + request.bankTransactionId();
        allocation.parts().forEach((component, part) -> ledger.reduceOnInvoice(invoice.account(), invoice.id(),
                LedgerEntryType.PAYMENT, component, part, request.bookingDate(), source));
        if (excess.isPositive()) {
            ledger.postOnCustomer(invoice.account(), LedgerEntryType.CREDIT, excess, request.bookingDate(), source);
            audit.record(invoice.id(), AuditEventType.CREDITED_TO_CUSTOMER, Map.of(
                    "bankTransactionId", request.bankTransactionId(), "amount", excess.toPlainString()));
        }
        InvoiceBalance after = allocation.after(balance);
        Map<String, String> paid = Component.details(allocation.parts());
        audit.record(invoice.id(), AuditEventType.PAYMENT_APPLIED, Map.of(
                "bankTransactionId", request.bankTransactionId(),
                "amount", amount.toPlainString(),
                "applied", applied.toPlainString(),
                "paid", paid,
                "outstanding", after.outstanding().toPlainString(),
                "bookingDate", request.bookingDate().toString()));
        log.info("Payment {} of {} applied to invoice {}: {} applied ({}), {} credited to the customer, {} outstanding",
                request.bankTransactionId(), amount, invoice.invoiceNumber(), applied, paid, excess, after.outstanding());
        settlement.closeIfDone(invoice, creditor.policy(), after, request.bookingDate(), request.bankTransactionId());
        return new Outcome(result(paymentId, "MATCHED", invoice.id(), amount, applied, excess, null), true);
    }

    private Outcome unmatched(RegisterPayment request, Money amount, String fingerprint, String reason) {
        log.info("Payment {} of {} kept unmatched: {}", request.bankTransactionId(), amount, reason);
        UUID paymentId = UUID.randomUUID();
        Money zero = Money.zero(amount.currency());
        if (!insertPayment(paymentId, request, "UNMATCHED", null, zero, zero, reason, fingerprint)) {
            return null;
        }
        unmatchedPayments.awaitMatch(paymentId);
        return new Outcome(result(paymentId, "UNMATCHED", null, amount, zero, zero, reason), true);
    }

    /** The invoice the payment is for, read under its row lock. */
    private Optional<Invoice> lockTarget(RegisterPayment request) {
        if (request.invoiceId() != null) {
            return invoices.lock(request.invoiceId()).filter(i -> i.creditorId().equals(request.creditorId()));
        }
        return invoices.findByPaymentReference(request.creditorId(), PaymentReferences.normalize(request.paymentReference()))
                .flatMap(found -> invoices.lock(found.id()));
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

    private Optional<Outcome> replay(RegisterPayment request, String fingerprint) {
        return jdbc.sql("select * from payment where creditor_id = :creditor and bank_transaction_id = :tx")
                .param("creditor", request.creditorId())
                .param("tx", request.bankTransactionId())
                .query((rs, row) -> {
                    if (!rs.getString("request_fingerprint").equals(fingerprint)) {
                        throw new ConflictException("Bank transaction " + request.bankTransactionId()
                                + " was registered before with different content");
                    }
                    return new Outcome(map(rs), false);
                })
                .optional();
    }

    private boolean insertPayment(UUID id, RegisterPayment r, String status, UUID invoiceId, Money applied,
                                  Money credited, String reason, String fingerprint) {
        return jdbc.sql("""
                        insert into payment (id, creditor_id, bank_transaction_id, amount, currency, payment_reference,
                                             requested_invoice_id, booking_date, status, invoice_id, applied_amount,
                                             credited_amount, unmatched_reason, request_fingerprint, received_at)
                        values (:id, :creditor, :tx, :amount, :currency, :reference, :requestedInvoice, :booking, :status,
                                :invoice, :applied, :credited, :reason, :fingerprint, :now)
                        on conflict (creditor_id, bank_transaction_id) do nothing""")
                .param("id", id)
                .param("creditor", r.creditorId())
                .param("tx", r.bankTransactionId())
                .param("amount", r.amount())
                .param("currency", r.currency())
                .param("reference", r.paymentReference())
                .param("requestedInvoice", r.invoiceId())
                .param("booking", r.bookingDate())
                .param("status", status)
                .param("invoice", invoiceId)
                .param("applied", applied.amount())
                .param("credited", credited.amount())
                .param("reason", reason)
                .param("fingerprint", fingerprint)
                .param("now", OffsetDateTime.now(clock))
                .update() == 1;
    }

    private Optional<StoredPayment> lockPayment(UUID paymentId) {
        return jdbc.sql("select * from payment where id = :id for update")
                .param("id", paymentId)
                .query((rs, row) -> new StoredPayment(new RegisterPayment(rs.getString("creditor_id"),
                        rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("payment_reference"),
                        rs.getObject("requested_invoice_id", UUID.class), rs.getObject("booking_date", LocalDate.class),
                        rs.getString("bank_transaction_id")), map(rs)))
                .optional();
    }

    private void markMatched(UUID paymentId, UUID invoiceId, Money applied, Money credited) {
        int updated = jdbc.sql("""
                        update payment set status = 'MATCHED', invoice_id = :invoice, applied_amount = :applied,
                               credited_amount = :credited, unmatched_reason = null
                         where id = :id and status = 'UNMATCHED'""")
                .param("id", paymentId)
                .param("invoice", invoiceId)
                .param("applied", applied.amount())
                .param("credited", credited.amount())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Payment " + paymentId + " changed under its row lock");
        }
    }

    private static PaymentResult map(ResultSet rs) throws SQLException {
        Money amount = Money.of(rs.getBigDecimal("amount"), rs.getString("currency"));
        return result(rs.getObject("id", UUID.class), rs.getString("status"), rs.getObject("invoice_id", UUID.class), amount,
                Money.of(rs.getBigDecimal("applied_amount"), rs.getString("currency")),
                Money.of(rs.getBigDecimal("credited_amount"), rs.getString("currency")),
                rs.getString("unmatched_reason"));
    }

    private static PaymentResult result(UUID id, String status, UUID invoiceId, Money amount, Money applied, Money credited,
                                        String reason) {
        return new PaymentResult(id, status, invoiceId, amount.toPlainString(), amount.currency().getCurrencyCode(),
                applied.toPlainString(), credited.toPlainString(), reason);
    }

    private static String fingerprint(RegisterPayment r) {
        return RequestFingerprint.of(r.creditorId(), r.amount().stripTrailingZeros().toPlainString(), r.currency(),
                r.paymentReference() == null ? null : PaymentReferences.normalize(r.paymentReference()),
                r.invoiceId(), r.bookingDate(), r.bankTransactionId());
    }
}
