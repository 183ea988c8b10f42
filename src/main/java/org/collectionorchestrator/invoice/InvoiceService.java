package org.collectionorchestrator.invoice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.LinkedHashMap;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.creditor.ReferenceTarget;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.ledger.Allocation;
import org.collectionorchestrator.ledger.Component;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.RequestFingerprint;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers invoices: validates them against the creditor, stores invoice, customer, principal, audit and the
 * request to start the lifecycle process in one transaction; the outbox starts the process after commit.
 * Registration is idempotent on (creditor, invoice number). An invoice sent without a payment reference gets one in
 * the creditor's scheme ({@link ReferenceIssuer}); when the creditor's references name the customer, the invoice keeps
 * none of its own and its customer's fixed reference (issued at the customer's first such invoice) is the one it is
 * read and printed with.
 * Credit notes and cancellations lower the balance under the invoice's row lock; when nothing is left to pay the
 * invoice ends (CREDITED, CANCELLED) and dunning is ended by an engine message written to the outbox.
 *
 * <p>Every operation takes a transport-neutral command (REST body or Kafka message), checks its rules here and may be
 * called inside a caller's transaction (the Kafka listeners commit a batch at once): what must wait for the commit
 * waits for it.
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);
    private static final int MAX_TERM_YEARS = 10;

    private final CreditorRepository creditors;
    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final InvoiceLifecycle lifecycle;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter registered;
    private final CommandValidator validator;
    private final SideEffectLog sideEffects;
    private final ReferenceIssuer referenceIssuer;

    public InvoiceService(CreditorRepository creditors, InvoiceRepository invoices, Ledger ledger, AuditTrail audit,
                          InvoiceLifecycle lifecycle, TransactionTemplate transaction, Clock clock, MeterRegistry meters,
                          CommandValidator validator, SideEffectLog sideEffects, ReferenceIssuer referenceIssuer) {
        this.creditors = creditors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.clock = clock;
        this.validator = validator;
        this.sideEffects = sideEffects;
        this.referenceIssuer = referenceIssuer;
        this.registered = Counter.builder("collection.invoices.registered")
                .description("Invoices registered for follow-up").register(meters);
    }

    /**
     * The registered invoice, and whether this call registered it (false: the same request came before); a new
     * registration carries the audit entries it wrote, INVOICE_REGISTERED first.
     */
    public record Registration(Invoice invoice, boolean created, List<AuditTrail.Entry> auditEntries) {

        public AuditTrail.Entry registeredEntry() {
            return auditEntries.isEmpty() ? null : auditEntries.get(0);
        }
    }

    public Registration register(RegisterInvoice request) {
        validator.validate(request);
        Registration registration;
        try {
            registration = transaction.execute(status -> registerInTransaction(request));
        } catch (DuplicateKeyException e) {
            // A concurrent registration committed the same payment reference (or invoice number) after our checks:
            // decide again on what is committed now (a replay, or a 409).
            registration = transaction.execute(status -> registerInTransaction(request));
        }
        if (registration.created()) {
            Invoice invoice = registration.invoice();
            afterCommit(() -> {
                try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
                    registered.increment();
                    log.info("Invoice {} of creditor {} registered: {} due {}", invoice.invoiceNumber(), invoice.creditorId(),
                            invoice.amount(), invoice.dueDate());
                }
            });
        }
        return registration;
    }

    /** Runs now, or after the caller's transaction commits when there is one (never if it rolls back). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** What a credit note or cancellation did: the invoice after it, and false when it had been applied before. */
    public record Change(UUID invoiceId, InvoiceStatus status, Money outstanding, boolean applied) {
    }

    static final String CREDIT_NOTE = "CREDIT_NOTE";
    /** A credit note lowers the price of what was sold first; costs and interest only after it. */
    private static final List<Component> CREDIT_ORDER = List.of(Component.PRINCIPAL, Component.FEES, Component.INTEREST,
            Component.COMPENSATION);

    /**
     * Applies a credit note: CREDIT entries on the invoice up to what is still owed, the principal first (the rest is
     * credited to the customer's account, as with over-payments). When a credit note credits the rest of the principal,
     * the fees, interest and compensation charged on it are credited too: nothing is left to pay, the invoice ends as CREDITED
     * and dunning ends. Idempotent on (creditor, credit note number); the same number with other content is a conflict.
     */
    public Change credit(CreditInvoice command) {
        validator.validate(command);
        return transaction.execute(status -> {
            Invoice invoice = lockByNumber(command.creditorId(), command.invoiceNumber());
            try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
                return creditLocked(command, invoice);
            }
        });
    }

    private Change creditLocked(CreditInvoice command, Invoice invoice) {
        Currency currency = invoice.amount().currency();
        if (!currency.getCurrencyCode().equals(command.currency())) {
            throw InvalidRequestException.field("currency", "is not the invoice's currency " + currency.getCurrencyCode());
        }
        if (!Money.fitsMinorUnit(command.amount(), currency)) {
            throw InvalidRequestException.field("amount", "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + currency.getDefaultFractionDigits() + ")");
        }
        Money amount = new Money(command.amount(), currency);
        String key = "credit-note:" + command.creditorId() + ":" + command.creditNoteNumber();
        String fingerprint = RequestFingerprint.of(command.creditorId(), command.invoiceNumber(), command.creditNoteNumber(),
                amount.toPlainString(), command.currency(), command.date(), command.reason());
        if (!sideEffects.claim(key, invoice.id(), CREDIT_NOTE, fingerprint)) {
            if (!fingerprint.equals(sideEffects.payload(key).orElse(null))) {
                throw new ConflictException("Credit note " + command.creditNoteNumber() + " of creditor " + command.creditorId()
                        + " was applied before with different content");
            }
            return new Change(invoice.id(), invoice.status(), ledger.invoiceBalance(invoice.id(), currency), false);
        }
        if (invoice.status() == InvoiceStatus.CANCELLED) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber() + " of creditor " + invoice.creditorId()
                    + " is cancelled; a credit note cannot be applied to it");
        }
        InvoiceBalance balance = ledger.balance(invoice.id(), currency);
        Allocation allocation = Allocation.of(balance, CREDIT_ORDER, amount);
        Money applied = allocation.applied();
        Money excess = allocation.excess();
        String source = "credit note " + command.creditNoteNumber();
        allocation.parts().forEach((component, part) -> ledger.reduceOnInvoice(invoice.account(), invoice.id(),
                LedgerEntryType.CREDIT, component, part, command.date(), source));
        if (excess.isPositive()) {
            ledger.postOnCustomer(invoice.account(), LedgerEntryType.CREDIT, excess, command.date(), source);
            audit.record(invoice.id(), AuditEventType.CREDITED_TO_CUSTOMER, Map.of(
                    "creditNoteNumber", command.creditNoteNumber(), "amount", excess.toPlainString()));
        }
        InvoiceBalance after = allocation.after(balance);
        boolean principalNowCredited = balance.principal().isPositive() && after.principal().isZeroOrNegative();
        Map<Component, Money> costsCredited = invoice.status().awaitsPayment() && principalNowCredited
                ? ledger.clearOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.CREDIT, after, command.date(),
                        source + " (costs of the credited principal)")
                : Map.of();
        Money outstanding = costsCredited.values().stream().reduce(after.outstanding(), Money::minus);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("creditNoteNumber", command.creditNoteNumber());
        details.put("amount", amount.toPlainString());
        details.put("applied", applied.toPlainString());
        details.put("outstanding", outstanding.toPlainString());
        details.put("date", command.date().toString());
        if (!costsCredited.isEmpty()) {
            details.put("costsCredited", Component.details(costsCredited));
        }
        if (command.reason() != null) {
            details.put("reason", command.reason());
        }
        InvoiceStatus status = invoice.status();
        if (status.awaitsPayment() && outstanding.isZeroOrNegative()) {
            status = InvoiceStatus.CREDITED;
            details.put("status", status.name());
            lifecycle.creditInFull(invoice);
        }
        audit.record(invoice.id(), AuditEventType.CREDITED, details);
        log.info("Credit note {} of {} applied to invoice {}: {} applied, {} credited to the customer, {} outstanding",
                command.creditNoteNumber(), amount, invoice.invoiceNumber(), applied, excess, outstanding);
        return new Change(invoice.id(), status, outstanding, true);
    }

    /**
     * Cancels an invoice: credits the outstanding balance (no write-off), status CANCELLED, dunning ends. Cancelling a
     * cancelled invoice again changes nothing; an invoice that is settled, credited or written off cannot be cancelled.
     */
    public Change cancel(CancelInvoice command) {
        validator.validate(command);
        return transaction.execute(status -> {
            Invoice invoice = lockByNumber(command.creditorId(), command.invoiceNumber());
            Currency currency = invoice.amount().currency();
            try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
                if (invoice.status() == InvoiceStatus.CANCELLED) {
                    return new Change(invoice.id(), invoice.status(), ledger.invoiceBalance(invoice.id(), currency), false);
                }
                if (!invoice.status().awaitsPayment()) {
                    throw new ConflictException("Invoice " + invoice.invoiceNumber() + " of creditor " + invoice.creditorId()
                            + " is " + invoice.status() + " and cannot be cancelled");
                }
                InvoiceBalance balance = ledger.balance(invoice.id(), currency);
                LocalDate date = command.date() != null ? command.date() : LocalDate.now(clock);
                Map<Component, Money> cleared = ledger.clearOnInvoice(invoice.account(), invoice.id(),
                        LedgerEntryType.CREDIT, balance, date, "cancellation of invoice " + invoice.invoiceNumber());
                Money credited = cleared.values().stream().reduce(Money.zero(currency), Money::plus);
                lifecycle.cancel(invoice, Map.of(
                        "reason", command.reason(), "credited", credited.toPlainString(), "date", date.toString()));
                log.info("Invoice {} of creditor {} cancelled ({}), {} credited", invoice.invoiceNumber(),
                        invoice.creditorId(), command.reason(), credited);
                return new Change(invoice.id(), InvoiceStatus.CANCELLED, balance.outstanding().minus(credited), true);
            }
        });
    }

    private Invoice lockByNumber(String creditorId, String invoiceNumber) {
        Invoice found = invoices.findByNumber(creditorId, invoiceNumber).orElseThrow(() -> new NotFoundException(
                "No invoice " + invoiceNumber + " of creditor " + creditorId));
        return invoices.lock(found.id()).orElseThrow();
    }

    private Registration registerInTransaction(RegisterInvoice request) {
        Creditor creditor = creditors.find(request.creditorId()).orElse(null);
        Optional<PaymentReferenceScheme> referenceScheme = validate(request, creditor);
        String reference = referenceScheme.map(s -> PaymentReferences.normalize(request.paymentReference())).orElse(null);
        String fingerprint = fingerprint(request, reference);

        if (reference != null) {
            Optional<Invoice> holder = invoices.findByPaymentReference(creditor.id(), reference);
            if (holder.isPresent() && holder.get().invoiceNumber().equals(request.invoiceNumber())) {
                return replay(holder.get(), fingerprint); // the same invoice, committed since we looked it up by number
            }
            holder.ifPresent(other -> {
                throw new ConflictException("Payment reference " + reference + " is already used by invoice "
                        + other.invoiceNumber() + " of creditor " + creditor.id());
            });
            String customerId = invoices.customersByReference(creditor.id(), List.of(reference)).get(reference);
            if (customerId != null) {
                throw new ConflictException("Payment reference " + reference + " is the fixed reference of customer "
                        + customerId + " of creditor " + creditor.id());
            }
        }

        // Insert first, look up only when the number is taken: a new invoice (the common case, and every message of a
        // Kafka batch) costs no read. A replay rewrites the customer with what it had; a conflict rolls it back.
        Customer customer = request.customer().toCustomer();
        invoices.upsertCustomer(creditor.id(), customer);
        ReferenceIssuer.Issued issued = null;
        ReferenceIssuer.Issued payerReference = null;
        if (reference == null) {
            if (creditor.banking().referenceTarget() == ReferenceTarget.CUSTOMER) {
                payerReference = referenceIssuer.forCustomer(creditor, customer.id());
            } else {
                issued = referenceIssuer.issue(creditor);
            }
        }
        Invoice invoice = new Invoice(UUID.randomUUID(), creditor.id(), request.invoiceNumber(), customer,
                request.issueDate(), request.dueDate(), Money.of(request.amount(), request.currency()),
                issued != null ? issued.reference() : reference,
                issued != null ? issued.scheme().name() : referenceScheme.map(Enum::name).orElse(null),
                InvoiceStatus.OPEN, null, fingerprint, clock.instant());
        if (!invoices.insert(invoice)) {
            return replay(invoices.findByNumber(request.creditorId(), request.invoiceNumber()).orElseThrow(), fingerprint);
        }
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PRINCIPAL, invoice.amount(),
                invoice.issueDate(), "invoice " + invoice.invoiceNumber());
        List<AuditTrail.Entry> entries = new ArrayList<>();
        entries.add(audit.record(invoice.id(), AuditEventType.INVOICE_REGISTERED, Map.of(
                "invoiceNumber", invoice.invoiceNumber(),
                "amount", invoice.amount().toPlainString(),
                "currency", invoice.amount().currency().getCurrencyCode(),
                "dueDate", invoice.dueDate().toString())));
        if (customer.manualFollowUp()) {
            entries.add(audit.record(invoice.id(), AuditEventType.EXCLUDED_FROM_DUNNING, Map.of(
                    "customerId", customer.id(), "reason", customer.manualFollowUpReason())));
        }
        lifecycle.startProcess(invoice, creditor, Boolean.TRUE.equals(request.sendInvoice()));
        return new Registration(payerReference == null ? invoice : withPayerReference(invoice, payerReference), true,
                List.copyOf(entries));
    }

    /** The invoice as it is read back: with the customer's reference when it has none of its own. */
    private static Invoice withPayerReference(Invoice i, ReferenceIssuer.Issued customerReference) {
        return new Invoice(i.id(), i.creditorId(), i.invoiceNumber(), i.customer(), i.issueDate(), i.dueDate(), i.amount(),
                customerReference.reference(), customerReference.scheme().name(), i.status(), i.processInstanceKey(),
                i.requestFingerprint(), i.registeredAt());
    }

    private static Registration replay(Invoice existing, String fingerprint) {
        if (!existing.requestFingerprint().equals(fingerprint)) {
            throw new ConflictException("Invoice " + existing.invoiceNumber() + " of creditor " + existing.creditorId()
                    + " was registered before with different content");
        }
        return new Registration(existing, false, List.of());
    }

    private static Optional<PaymentReferenceScheme> validate(RegisterInvoice request, Creditor creditor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (creditor == null) {
            problems.add(new FieldProblem("creditorId", "unknown creditor " + request.creditorId()));
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("currency", "unknown currency " + request.currency()));
        }
        if (currency != null && !Money.fitsMinorUnit(request.amount(), currency)) {
            problems.add(new FieldProblem("amount", "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + currency.getDefaultFractionDigits() + ")"));
        }
        if (request.dueDate().isBefore(request.issueDate())) {
            problems.add(new FieldProblem("dueDate", "is before the issue date"));
        } else if (request.dueDate().isAfter(request.issueDate().plusYears(MAX_TERM_YEARS))) {
            problems.add(new FieldProblem("dueDate", "is more than " + MAX_TERM_YEARS + " years after the issue date"));
        }
        String participantId = request.customer().peppolParticipantId();
        if (participantId != null) {
            PeppolParticipantId.problem(participantId).ifPresent(problem ->
                    problems.add(new FieldProblem("customer.peppolParticipantId", problem)));
        }
        Channel preferred = request.customer().preferredChannel();
        if (preferred == Channel.EHF && participantId == null) {
            problems.add(new FieldProblem("customer.preferredChannel", "EHF needs customer.peppolParticipantId"));
        } else if (preferred == Channel.EMAIL && request.customer().email() == null) {
            problems.add(new FieldProblem("customer.preferredChannel", "EMAIL needs customer.email"));
        } else if (preferred == Channel.PRINT && request.customer().postalAddress() == null) {
            problems.add(new FieldProblem("customer.preferredChannel", "PRINT needs customer.postalAddress"));
        } else if (preferred == Channel.EFAKTURA && !Boolean.TRUE.equals(request.customer().efakturaConsent())) {
            problems.add(new FieldProblem("customer.preferredChannel", "EFAKTURA needs customer.efakturaConsent"));
        }
        Optional<PaymentReferenceScheme> scheme = Optional.empty();
        if (request.paymentReference() != null && !request.paymentReference().isBlank() && creditor != null) {
            scheme = PaymentReferences.recognise(request.paymentReference(), creditor.country().name());
            if (scheme.isEmpty()) {
                problems.add(new FieldProblem("paymentReference", "is not a valid payment reference for a creditor in "
                        + creditor.country() + " (check digit or format)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return scheme;
    }

    private static String fingerprint(RegisterInvoice r, String reference) {
        RegisterInvoice.CustomerBody c = r.customer();
        List<Object> parts = new ArrayList<>(List.of(r.creditorId(), r.invoiceNumber(), c.id(), c.name(), c.segment(),
                Boolean.TRUE.equals(c.priority()), c.country(), c.language(), String.valueOf(c.email()), r.issueDate(),
                r.dueDate(), r.currency(), r.amount().stripTrailingZeros().toPlainString(), String.valueOf(reference)));
        // Appended only when set, so invoices registered before these flags existed still recognise their replays.
        if (Boolean.TRUE.equals(c.reminderFeeAgreed()) || c.manualFollowUpReason() != null) {
            parts.add(Boolean.TRUE.equals(c.reminderFeeAgreed()));
            parts.add(String.valueOf(c.manualFollowUpReason()));
        }
        if (Boolean.TRUE.equals(r.sendInvoice())) {
            parts.add("sendInvoice");
        }
        if (!c.channels().isEmpty()) {
            ContactChannels ch = c.channels();
            parts.add(String.valueOf(ch.postalAddress()));
            parts.add(String.valueOf(ch.peppolParticipantId()));
            parts.add(ch.efakturaConsent());
            parts.add(String.valueOf(ch.preferredChannel()));
        }
        return RequestFingerprint.of(parts.toArray());
    }
}
