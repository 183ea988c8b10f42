package org.collectionorchestrator.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.ledger.Component;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditor gives up the claim ({@code POST /api/v1/invoices/{id}/write-off}): under the invoice's row lock, what
 * is owed is cleared by one WRITE_OFF entry per component, a hold (dispute, pause) is lifted, the invoice becomes
 * WRITTEN_OFF with its audit entry, and dunning ends wherever the process is, as after a settlement.
 */
@Service
public class WriteOffs {

    private static final Logger log = LoggerFactory.getLogger(WriteOffs.class);

    record WriteOffRequest(@NotBlank @Size(max = 500) @NoControlCharacters String reason) {
    }

    private final InvoiceRepository invoices;
    private final InvoiceLifecycle lifecycle;
    private final DunningHolds holds;
    private final Ledger ledger;
    private final CreditorRepository creditors;
    private final InvoiceQueries queries;
    private final CommandValidator validator;
    private final Clock clock;

    public WriteOffs(InvoiceRepository invoices, InvoiceLifecycle lifecycle, DunningHolds holds, Ledger ledger,
                     CreditorRepository creditors, InvoiceQueries queries, CommandValidator validator, Clock clock) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.holds = holds;
        this.ledger = ledger;
        this.creditors = creditors;
        this.queries = queries;
        this.validator = validator;
        this.clock = clock;
    }

    /** Writes the invoice off; again on a written-off invoice answers it unchanged; a closed one is 409. */
    @Transactional
    public InvoiceView writeOff(UUID invoiceId, String reason) {
        validator.validate(new WriteOffRequest(reason));
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("No invoice " + invoiceId));
        if (invoice.status() == InvoiceStatus.WRITTEN_OFF) {
            return queries.get(invoiceId);
        }
        if (!invoice.status().awaitsPayment()) {
            throw new ConflictException("Invoice " + invoice.invoiceNumber() + " of creditor " + invoice.creditorId()
                    + " is " + invoice.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "; only an invoice awaiting payment can be written off");
        }
        InvoiceBalance owed = ledger.balance(invoiceId, invoice.amount().currency());
        LocalDate today = LocalDate.now(clock.withZone(creditors.find(invoice.creditorId()).orElseThrow().timeZone()));
        Map<Component, Money> cleared = ledger.clearOnInvoice(invoice.account(), invoiceId, LedgerEntryType.WRITE_OFF,
                owed, today, truncate("write-off: " + reason.strip(), 200));
        holds.clear(invoiceId);
        Money total = cleared.values().stream().reduce(Money.zero(owed.currency()), Money::plus);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.strip());
        details.put("amount", total.toPlainString());
        details.putAll(Component.details(cleared));
        details.put("date", today.toString());
        details.put("by", "request");
        lifecycle.writeOffAndEndDunning(invoice, details);
        log.info("Invoice {} written off on request: {} cleared", invoice.invoiceNumber(), total);
        return queries.get(invoiceId);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
