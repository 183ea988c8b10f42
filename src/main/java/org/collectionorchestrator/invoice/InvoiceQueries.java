package org.collectionorchestrator.invoice;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Reads invoices with what is derived from the ledger, the side-effect log and the audit trail. */
@Service
public class InvoiceQueries {

    /** The side-effect kinds of the letters dunning produces (see {@code dunning.DunningLetters}). */
    public static final String REMINDER = "REMINDER";
    public static final String NOTICE = "NOTICE";
    public static final String PAYMENT_DEMAND = "PAYMENT_DEMAND";

    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final SideEffectLog sideEffects;
    private final AuditTrail audit;

    public InvoiceQueries(InvoiceRepository invoices, Ledger ledger, SideEffectLog sideEffects, AuditTrail audit) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.sideEffects = sideEffects;
        this.audit = audit;
    }

    /** A just registered invoice as {@link #get} would read it: its principal outstanding, nothing else yet. */
    public InvoiceView registered(Invoice invoice, AuditTrail.Entry registeredEntry) {
        return registered(invoice, List.of(registeredEntry));
    }

    /** A just registered invoice with every audit entry its registration wrote. */
    public InvoiceView registered(InvoiceService.Registration registration) {
        return registered(registration.invoice(), registration.auditEntries());
    }

    private InvoiceView registered(Invoice invoice, List<AuditTrail.Entry> entries) {
        BigDecimal principal = invoice.amount().amount();
        return view(invoice, new Ledger.InvoiceTotals(principal, principal, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                0, "NONE", entries);
    }

    /** The invoice's creditor, for the caller's creditor check; 404 for an unknown invoice. */
    public String creditorOf(UUID id) {
        return invoices.find(id).map(Invoice::creditorId).orElseThrow(() -> new NotFoundException("No invoice " + id));
    }

    public InvoiceView get(UUID id) {
        Invoice invoice = invoices.find(id).orElseThrow(() -> new NotFoundException("No invoice " + id));
        return views(List.of(invoice), true).get(0);
    }

    /** The invoice as a list shows it, without its audit trail; empty for an unknown invoice. */
    public Optional<InvoiceView> summary(UUID id) {
        return invoices.find(id).map(invoice -> views(List.of(invoice), false).get(0));
    }

    /** A page without audit trails; balances and letter counts come in one query each for the page. */
    public InvoiceView.Page list(InvoiceFilter filter, int page, int size) {
        List<Invoice> found = invoices.list(filter, size, (long) page * size);
        return new InvoiceView.Page(views(found, false), page, size, invoices.count(filter));
    }

    private List<InvoiceView> views(List<Invoice> found, boolean withAuditTrail) {
        List<UUID> ids = found.stream().map(Invoice::id).toList();
        Map<UUID, Ledger.InvoiceTotals> totals = ledger.invoiceTotals(ids);
        Map<UUID, Map<String, Integer>> letters = sideEffects.counts(ids, List.of(REMINDER, NOTICE, PAYMENT_DEMAND));
        return found.stream()
                .map(i -> {
                    Map<String, Integer> sentOf = letters.getOrDefault(i.id(), Map.of());
                    int sent = sentOf.getOrDefault(REMINDER, 0);
                    String stage = stage(i.status(), sent, sentOf.getOrDefault(NOTICE, 0), sentOf.getOrDefault(PAYMENT_DEMAND, 0));
                    return view(i, totals.getOrDefault(i.id(), Ledger.InvoiceTotals.NONE), sent, stage,
                            withAuditTrail ? audit.of(i.id()) : List.of());
                })
                .toList();
    }

    /** The furthest step dunning has reached: NONE, REMINDER_n, NOTICE, PAYMENT_DEMAND or READY_FOR_COLLECTION. */
    private static String stage(InvoiceStatus status, int reminders, int notices, int paymentDemands) {
        if (status == InvoiceStatus.READY_FOR_COLLECTION) {
            return status.name();
        }
        if (paymentDemands > 0) {
            return PAYMENT_DEMAND;
        }
        if (notices > 0) {
            return NOTICE;
        }
        return reminders == 0 ? "NONE" : "REMINDER_" + reminders;
    }

    private static InvoiceView view(Invoice invoice, Ledger.InvoiceTotals totals, int reminders, String stage,
                                    List<AuditTrail.Entry> trail) {
        Currency currency = invoice.amount().currency();
        Customer c = invoice.customer();
        return new InvoiceView(invoice.id(), invoice.creditorId(), invoice.invoiceNumber(), RegisterInvoice.CustomerBody.of(c),
                invoice.issueDate(), invoice.dueDate(), currency.getCurrencyCode(), invoice.amount().toPlainString(),
                invoice.paymentReference(), invoice.paymentReferenceType(), invoice.status(),
                amount(totals.balance(), currency), amount(totals.principal(), currency), amount(totals.fees(), currency),
                amount(totals.interest(), currency), amount(totals.compensation(), currency),
                stage, reminders, invoice.processInstanceKey(), trail);
    }

    private static String amount(BigDecimal amount, Currency currency) {
        return new Money(amount, currency).toPlainString();
    }
}
