package org.collectionorchestrator.payment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collectionorchestrator.creditor.CreditorPolicy;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.ledger.Component;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place an invoice closes after a payment (REST, Kafka or a later match): when nothing is owed, or when the
 * creditor waives the costs and interest left once the principal is paid, or when the rest is within its write-off
 * tolerance. What is waived or written off is a write-off per component with one audit entry naming the amounts;
 * then the invoice settles and dunning ends.
 */
@Service
public class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final Ledger ledger;
    private final AuditTrail audit;
    private final InvoiceLifecycle lifecycle;

    public PaymentSettlement(Ledger ledger, AuditTrail audit, InvoiceLifecycle lifecycle) {
        this.ledger = ledger;
        this.audit = audit;
        this.lifecycle = lifecycle;
    }

    /** Runs in the payment's transaction, under the invoice's row lock; {@code after} is the balance the payment left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Residual closeIfDone(Invoice invoice, CreditorPolicy policy, InvoiceBalance after, LocalDate bookingDate,
                                String bankTransactionId) {
        if (!invoice.status().awaitsPayment()) {
            return Residual.OPEN;
        }
        Residual residual = Residual.after(after, policy);
        if (residual.writesOff()) {
            writeOff(invoice, residual, after, bookingDate, bankTransactionId);
        }
        if (residual.settles()) {
            lifecycle.settle(invoice, Map.of("bankTransactionId", bankTransactionId));
        }
        return residual;
    }

    private void writeOff(Invoice invoice, Residual residual, InvoiceBalance left, LocalDate bookingDate,
                          String bankTransactionId) {
        boolean waived = residual == Residual.COSTS_WAIVED;
        String source = (waived ? "costs waived" : "residual written off") + " after payment " + bankTransactionId;
        Map<Component, Money> cleared = ledger.clearOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.WRITE_OFF,
                left, bookingDate, source);
        audit.record(invoice.id(), waived ? AuditEventType.COSTS_WAIVED : AuditEventType.RESIDUAL_WRITTEN_OFF,
                details(cleared, left, bookingDate, bankTransactionId));
        log.info("Invoice {}: {} {} after payment {}", invoice.invoiceNumber(), residual, left.outstanding(), bankTransactionId);
    }

    private static Map<String, Object> details(Map<Component, Money> cleared, InvoiceBalance after, LocalDate date,
                                               String bankTransactionId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", cleared.values().stream().reduce(Money.zero(after.currency()), Money::plus).toPlainString());
        details.putAll(Component.details(cleared));
        details.put("date", date.toString());
        details.put("bankTransactionId", bankTransactionId);
        return details;
    }
}
