package org.collectionorchestrator.invoice;

import java.util.List;
import java.util.UUID;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Reads invoices with what is derived from the ledger, the side-effect log and the audit trail. */
@Service
public class InvoiceQueries {

    public static final String REMINDER = "REMINDER";

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

    public InvoiceView get(UUID id) {
        return invoices.find(id).map(i -> view(i, audit.of(i.id())))
                .orElseThrow(() -> new NotFoundException("No invoice " + id));
    }

    public InvoiceView.Page list(String creditorId, InvoiceStatus status, int page, int size) {
        List<InvoiceView> items = invoices.list(creditorId, status, size, (long) page * size).stream()
                .map(i -> view(i, List.of()))
                .toList();
        return new InvoiceView.Page(items, page, size, invoices.count(creditorId, status));
    }

    public InvoiceView view(Invoice invoice, List<AuditTrail.Entry> trail) {
        var currency = invoice.amount().currency();
        Money outstanding = ledger.invoiceBalance(invoice.id(), currency);
        Money fees = ledger.invoiceTotal(invoice.id(), LedgerEntryType.FEE, currency);
        int reminders = sideEffects.count(invoice.id(), REMINDER);
        Customer c = invoice.customer();
        return new InvoiceView(invoice.id(), invoice.creditorId(), invoice.invoiceNumber(),
                new InvoiceRegistration.CustomerBody(c.id(), c.name(), c.segment(), c.priority(), c.country(), c.language(), c.email()),
                invoice.issueDate(), invoice.dueDate(), currency.getCurrencyCode(), invoice.amount().toPlainString(),
                invoice.paymentReference(), invoice.paymentReferenceType(), invoice.status(), outstanding.toPlainString(),
                fees.toPlainString(), reminders == 0 ? "NONE" : "REMINDER_" + reminders, reminders,
                invoice.processInstanceKey(), trail);
    }
}
