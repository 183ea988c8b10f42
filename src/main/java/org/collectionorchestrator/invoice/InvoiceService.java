package org.collectionorchestrator.invoice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.reference.PaymentReferenceScheme;
import org.collectionorchestrator.reference.PaymentReferences;
import org.collectionorchestrator.web.Commands;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.RequestFingerprint;
import org.collectionorchestrator.web.InvalidRequestException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers invoices: validates them against the creditor, stores invoice, customer, principal, audit and the
 * request to start the lifecycle process in one transaction; the outbox starts the process after commit.
 * Registration is idempotent on (creditor, invoice number).
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

    public InvoiceService(CreditorRepository creditors, InvoiceRepository invoices, Ledger ledger, AuditTrail audit,
                          InvoiceLifecycle lifecycle, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.creditors = creditors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.clock = clock;
        this.registered = Counter.builder("collection.invoices.registered")
                .description("Invoices registered for follow-up").register(meters);
    }

    /** The registered invoice, and whether this call registered it (false: the same request came before). */
    public record Registration(Invoice invoice, boolean created) {
    }

    public Registration register(InvoiceRegistration request) {
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
            try (var ignored = MDC.putCloseable("invoiceId", invoice.id().toString())) {
                registered.increment();
                log.info("Invoice {} of creditor {} registered: {} due {}", invoice.invoiceNumber(), invoice.creditorId(),
                        invoice.amount(), invoice.dueDate());
            }
        }
        return registration;
    }

    private Registration registerInTransaction(InvoiceRegistration request) {
        Commands.validate(request);
        Creditor creditor = creditors.find(request.creditorId()).orElse(null);
        Optional<PaymentReferenceScheme> referenceScheme = validate(request, creditor);
        String reference = referenceScheme.map(s -> PaymentReferences.normalize(request.paymentReference())).orElse(null);
        String fingerprint = fingerprint(request, reference);

        Optional<Invoice> existing = invoices.findByNumber(request.creditorId(), request.invoiceNumber());
        if (existing.isPresent()) {
            return replay(existing.get(), fingerprint);
        }
        if (reference != null) {
            Optional<Invoice> holder = invoices.findByPaymentReference(creditor.id(), reference);
            if (holder.isPresent() && holder.get().invoiceNumber().equals(request.invoiceNumber())) {
                return replay(holder.get(), fingerprint); // the same invoice, committed since we looked it up by number
            }
            holder.ifPresent(other -> {
                throw new ConflictException("Payment reference " + reference + " is already used by invoice "
                        + other.invoiceNumber() + " of creditor " + creditor.id());
            });
        }

        Customer customer = request.customer().toCustomer();
        invoices.upsertCustomer(creditor.id(), customer);
        Invoice invoice = new Invoice(UUID.randomUUID(), creditor.id(), request.invoiceNumber(), customer,
                request.issueDate(), request.dueDate(), Money.of(request.amount(), request.currency()), reference,
                referenceScheme.map(Enum::name).orElse(null), InvoiceStatus.OPEN, null, fingerprint, clock.instant());
        if (!invoices.insert(invoice)) {
            // Another request with the same invoice number committed between our read and our insert.
            return replay(invoices.findByNumber(request.creditorId(), request.invoiceNumber()).orElseThrow(), fingerprint);
        }
        ledger.postOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.PRINCIPAL, invoice.amount(),
                invoice.issueDate(), "invoice " + invoice.invoiceNumber());
        audit.record(invoice.id(), AuditEventType.INVOICE_REGISTERED, Map.of(
                "invoiceNumber", invoice.invoiceNumber(),
                "amount", invoice.amount().toPlainString(),
                "currency", invoice.amount().currency().getCurrencyCode(),
                "dueDate", invoice.dueDate().toString()));
        lifecycle.startProcess(invoice, creditor);
        return new Registration(invoice, true);
    }

    private static Registration replay(Invoice existing, String fingerprint) {
        if (!existing.requestFingerprint().equals(fingerprint)) {
            throw new ConflictException("Invoice " + existing.invoiceNumber() + " of creditor " + existing.creditorId()
                    + " was registered before with different content");
        }
        return new Registration(existing, false);
    }

    private static Optional<PaymentReferenceScheme> validate(InvoiceRegistration request, Creditor creditor) {
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

    private static String fingerprint(InvoiceRegistration r, String reference) {
        InvoiceRegistration.CustomerBody c = r.customer();
        return RequestFingerprint.of(r.creditorId(), r.invoiceNumber(), c.id(), c.name(), c.segment(),
                Boolean.TRUE.equals(c.priority()), c.country(), c.language(), c.email(), r.issueDate(), r.dueDate(),
                r.currency(), r.amount().stripTrailingZeros().toPlainString(), reference);
    }
}
