package org.collectionorchestrator.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.invoice.Disputes.Resolution;
import org.collectionorchestrator.invoice.Disputes.ResolutionOutcome;
import org.collectionorchestrator.invoice.Disputes.ResolutionRefused;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of a dispute resolution, taken through the paths every credit note and write-off takes, so ledger,
 * status and audit trail agree: credits are credit notes of {@link InvoiceService} (numbered
 * {@code dispute-<invoiceId>-<disputeNumber>}), a write-off is {@link InvoiceLifecycle#writeOff} with its ledger entry.
 */
@Component
class DisputesResolution {

    private final InvoiceService invoiceService;
    private final InvoiceLifecycle lifecycle;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final CreditorRepository creditors;
    private final Clock clock;

    DisputesResolution(InvoiceService invoiceService, InvoiceLifecycle lifecycle, Ledger ledger, AuditTrail audit,
                       CreditorRepository creditors, Clock clock) {
        this.invoiceService = invoiceService;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.audit = audit;
        this.creditors = creditors;
        this.clock = clock;
    }

    /** A correction can only lower what was invoiced (net of earlier credit notes), to zero at the least. */
    void checkCorrectedAmount(Invoice invoice, BigDecimal correctedAmount) {
        Currency currency = invoice.amount().currency();
        if (correctedAmount == null) {
            throw new ResolutionRefused("CORRECT needs correctedAmount, the amount the invoice should have been for");
        }
        if (correctedAmount.signum() < 0 || !Money.fitsMinorUnit(correctedAmount, currency)) {
            throw new ResolutionRefused("correctedAmount " + correctedAmount.toPlainString() + " is not an amount in "
                    + currency.getCurrencyCode() + " of zero or more");
        }
        Money invoiced = invoicedNetOfCredits(invoice);
        if (new Money(correctedAmount, currency).compareTo(invoiced) >= 0) {
            throw new ResolutionRefused("correctedAmount " + correctedAmount.toPlainString() + " is not below " + invoiced
                    + ", what invoice " + invoice.invoiceNumber() + " is for after earlier credit notes; a correction "
                    + "can only lower it");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ResolutionOutcome apply(Invoice invoice, Resolution resolution, BigDecimal correctedAmount, int disputeNumber) {
        Currency currency = invoice.amount().currency();
        return switch (resolution) {
            case REJECT -> ResolutionOutcome.RESUME_DUNNING;
            case CORRECT -> credit(invoice, invoicedNetOfCredits(invoice).minus(new Money(correctedAmount, currency)),
                    disputeNumber, "dispute " + disputeNumber + ": invoice corrected to " + correctedAmount.toPlainString());
            case CREDIT -> creditOutstanding(invoice, disputeNumber);
            case WRITE_OFF -> writeOff(invoice, disputeNumber);
        };
    }

    private ResolutionOutcome creditOutstanding(Invoice invoice, int disputeNumber) {
        Money outstanding = ledger.invoiceBalance(invoice.id(), invoice.amount().currency());
        if (!outstanding.isPositive()) {
            lifecycle.creditInFull(invoice); // nothing left to credit, but the invoice must still close
            return ResolutionOutcome.DUNNING_ENDED;
        }
        return credit(invoice, outstanding, disputeNumber, "dispute " + disputeNumber + ": credited in full");
    }

    private ResolutionOutcome credit(Invoice invoice, Money amount, int disputeNumber, String reason) {
        InvoiceService.Change change = invoiceService.credit(new CreditInvoice(invoice.creditorId(),
                invoice.invoiceNumber(), creditNoteNumber(invoice.id(), disputeNumber), amount.amount(),
                amount.currency().getCurrencyCode(), today(invoice), reason));
        return change.status() == InvoiceStatus.CREDITED ? ResolutionOutcome.DUNNING_ENDED : ResolutionOutcome.RESUME_DUNNING;
    }

    private ResolutionOutcome writeOff(Invoice invoice, int disputeNumber) {
        Money outstanding = ledger.invoiceBalance(invoice.id(), invoice.amount().currency());
        if (outstanding.isPositive()) {
            ledger.clearOnInvoice(invoice.account(), invoice.id(), LedgerEntryType.WRITE_OFF,
                    ledger.balance(invoice.id(), invoice.amount().currency()), today(invoice),
                    "write-off on dispute " + disputeNumber);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outstanding", (outstanding.isPositive() ? outstanding : Money.zero(outstanding.currency())).toPlainString());
        details.put("disputeNumber", disputeNumber);
        lifecycle.writeOff(invoice, details);
        return ResolutionOutcome.DUNNING_ENDED;
    }

    /**
     * The invoice amount less every credit note applied to it. The audit trail holds each credit note's full amount;
     * the ledger does not, as what exceeded the balance was credited to the customer's account.
     */
    private Money invoicedNetOfCredits(Invoice invoice) {
        Currency currency = invoice.amount().currency();
        Money net = invoice.amount();
        for (AuditTrail.Entry entry : audit.of(invoice.id())) {
            if (entry.type() == AuditEventType.CREDITED && entry.details().get("amount") != null) {
                net = net.minus(new Money(new BigDecimal(entry.details().get("amount").toString()), currency));
            }
        }
        return net;
    }

    static String creditNoteNumber(UUID invoiceId, int disputeNumber) {
        return "dispute-" + invoiceId + "-" + disputeNumber;
    }

    private LocalDate today(Invoice invoice) {
        return LocalDate.now(clock.withZone(creditors.find(invoice.creditorId()).orElseThrow().timeZone()));
    }
}
