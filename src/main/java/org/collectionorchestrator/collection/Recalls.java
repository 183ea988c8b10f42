package org.collectionorchestrator.collection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The creditor takes a case back from the agency; the agency confirms with a callback "case closed: recalled". */
@Service
public class Recalls {

    /** The case process sends the recall (message correlated by case id). */
    public static final String RECALL_REQUESTED = "recall-requested";
    private static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);

    private final InvoiceRepository invoices;
    private final CollectionCases cases;
    private final AuditTrail audit;
    private final Outbox outbox;

    public Recalls(InvoiceRepository invoices, CollectionCases cases, AuditTrail audit, Outbox outbox) {
        this.invoices = invoices;
        this.cases = cases;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Asks for the recall; asking again while it waits for the agency changes nothing. */
    @Transactional
    public CollectionCase recall(UUID invoiceId, String reason) {
        var invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("No invoice " + invoiceId));
        if (!invoice.status().awaitsPayment()) {
            throw new ConflictException("Invoice " + invoiceId + " is " + invoice.status().name().toLowerCase()
                    .replace('_', ' ') + "; nothing is left to recall");
        }
        CollectionCase collectionCase = cases.lockOpenOf(invoiceId)
                .orElseThrow(() -> new ConflictException("Invoice " + invoiceId + " is not at a collection agency"));
        if (collectionCase.status() == CollectionCase.Status.RECALL_REQUESTED) {
            return collectionCase;
        }
        if (!collectionCase.atAgency()) {
            throw new ConflictException("Invoice " + invoiceId + " is approved for hand-over but not yet at the agency;"
                    + " recall it once it is");
        }
        cases.recallRequested(collectionCase.id(), reason);
        audit.record(invoiceId, AuditEventType.RECALL_REQUESTED, Map.of("caseId", collectionCase.id().toString(),
                "reason", reason));
        String id = collectionCase.id().toString();
        outbox.message(invoiceId.toString(), new EngineMessage(RECALL_REQUESTED, id, RECALL_REQUESTED + ":" + id,
                MESSAGE_TIME_TO_LIVE, Map.of()));
        return cases.find(collectionCase.id()).orElseThrow();
    }

    public List<CollectionCase> casesOf(UUID invoiceId) {
        invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("No invoice " + invoiceId));
        return cases.ofInvoice(invoiceId);
    }
}
