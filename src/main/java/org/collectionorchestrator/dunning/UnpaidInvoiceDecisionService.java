package org.collectionorchestrator.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.effects.SideEffectLog;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out credit control's decision on an invoice still unpaid after dunning. A settled invoice is never
 * handed over or written off; the decision is recorded once per invoice.
 */
@Service
public class UnpaidInvoiceDecisionService {

    private static final Logger log = LoggerFactory.getLogger(UnpaidInvoiceDecisionService.class);

    public enum Outcome { RECORDED, ALREADY_RECORDED, INVOICE_SETTLED }

    private final InvoiceRepository invoices;
    private final CreditorRepository creditors;
    private final Ledger ledger;
    private final SideEffectLog sideEffects;
    private final InvoiceLifecycle lifecycle;
    private final Clock clock;

    public UnpaidInvoiceDecisionService(InvoiceRepository invoices, CreditorRepository creditors, Ledger ledger,
                                        SideEffectLog sideEffects, InvoiceLifecycle lifecycle, Clock clock) {
        this.invoices = invoices;
        this.creditors = creditors;
        this.ledger = ledger;
        this.sideEffects = sideEffects;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional
    public Outcome record(UUID invoiceId, UnpaidInvoiceDecision decision, String note) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        String key = "unpaid-decision:" + invoiceId;
        if (sideEffects.exists(key)) {
            return Outcome.ALREADY_RECORDED;
        }
        Money outstanding = ledger.invoiceBalance(invoiceId, invoice.amount().currency());
        if (invoice.status() != InvoiceStatus.OPEN || outstanding.isZeroOrNegative()) {
            return Outcome.INVOICE_SETTLED;
        }
        sideEffects.claim(key, invoiceId, "UNPAID_DECISION", decision.name());
        Map<String, Object> details = Map.of("outstanding", outstanding.toPlainString(), "note", note == null ? "" : note);
        switch (decision) {
            case HAND_OVER -> {
                lifecycle.approveForCollection(invoice, details);
            }
            case WRITE_OFF -> {
                var zone = creditors.find(invoice.creditorId()).orElseThrow().timeZone();
                ledger.clearOnInvoice(invoice.account(), invoiceId, LedgerEntryType.WRITE_OFF,
                        ledger.balance(invoiceId, outstanding.currency()), LocalDate.now(clock.withZone(zone)),
                        "write-off by credit control");
                lifecycle.writeOff(invoice, details);
            }
        }
        log.info("Decision {} recorded for invoice {} with {} outstanding", decision, invoice.invoiceNumber(), outstanding);
        return Outcome.RECORDED;
    }
}
