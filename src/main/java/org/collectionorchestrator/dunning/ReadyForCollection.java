package org.collectionorchestrator.dunning;

import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The end of dunning: the invoice may now be handed over to a collection agency. A paid invoice never is. */
@Service
public class ReadyForCollection {

    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final InvoiceLifecycle lifecycle;

    public ReadyForCollection(InvoiceRepository invoices, Ledger ledger, InvoiceLifecycle lifecycle) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
    }

    /** False when nothing is owed any more (the process then ends as settled). */
    @Transactional
    public boolean mark(UUID invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new IllegalStateException("No invoice " + invoiceId));
        if (invoice.status() == InvoiceStatus.READY_FOR_COLLECTION) {
            return true;
        }
        InvoiceBalance balance = ledger.balance(invoiceId, invoice.amount().currency());
        if (invoice.status() != InvoiceStatus.OPEN || balance.outstanding().isZeroOrNegative()) {
            return false;
        }
        lifecycle.readyForCollection(invoice, Map.of(
                "principal", balance.principal().toPlainString(),
                "fees", balance.fees().toPlainString(),
                "interest", balance.interest().toPlainString(),
                "compensation", balance.compensation().toPlainString(),
                "outstanding", balance.outstanding().toPlainString()));
        return true;
    }
}
