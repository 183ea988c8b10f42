package org.collectionorchestrator.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.collectionorchestrator.distribution.DeliveryHistory;
import org.collectionorchestrator.dunning.SentLetters;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.invoice.InvoiceStatus;
import org.collectionorchestrator.ledger.InvoiceBalance;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the agency case process does towards the agency: hand the invoice over, report payments that reached the
 * creditor, send a recall. Each reads and decides in a short transaction, calls the agency outside any transaction
 * (never holding a row lock over HTTP) and records the outcome in another.
 */
@Service
public class AgencyCases {

    private static final Logger log = LoggerFactory.getLogger(AgencyCases.class);

    private final CollectionCases cases;
    private final AgencyRepository agencies;
    private final AgencySecrets secrets;
    private final AgencyClient client;
    private final AgencyProperties properties;
    private final CreditorRepository creditors;
    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final SentLetters letters;
    private final DeliveryHistory deliveries;
    private final AuditTrail audit;
    private final InvoiceLifecycle lifecycle;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public AgencyCases(CollectionCases cases, AgencyRepository agencies, AgencySecrets secrets, AgencyClient client,
                       AgencyProperties properties, CreditorRepository creditors, InvoiceRepository invoices, Ledger ledger,
                       SentLetters letters, DeliveryHistory deliveries, AuditTrail audit, InvoiceLifecycle lifecycle, TransactionTemplate transaction,
                       ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.agencies = agencies;
        this.secrets = secrets;
        this.client = client;
        this.properties = properties;
        this.creditors = creditors;
        this.invoices = invoices;
        this.ledger = ledger;
        this.letters = letters;
        this.deliveries = deliveries;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    private record Prepared(CollectionCase collectionCase, Agency agency, byte[] body) {
    }

    /**
     * Hands the case's invoice to the agency chosen (the table's choice, checked; or the first that serves it).
     * False when the invoice no longer owes anything (paid, credited, written off): nothing is sent and the case closes.
     */
    public boolean handOver(UUID caseId, String tableChoice) {
        Prepared prepared = transaction.execute(status -> prepareHandOver(caseId, tableChoice));
        if (prepared == null) {
            return false;
        }
        if (prepared.body() != null) {
            client.post(prepared.agency().webhookUrl(), secrets.of(prepared.agency()),
                    prepared.collectionCase().handOverKey(), prepared.body());
        }
        transaction.executeWithoutResult(status -> {
            cases.lock(caseId).orElseThrow();
            cases.handedOver(caseId);
            Invoice invoice = invoices.lock(prepared.collectionCase().invoiceId()).orElseThrow();
            if (invoice.status() == InvoiceStatus.COLLECTION_APPROVED) {
                lifecycle.handOver(invoice, Map.of("caseId", caseId.toString(), "agencyId", prepared.agency().id()));
            }
        });
        log.info("Invoice {} handed over to agency {} (case {})", prepared.collectionCase().invoiceId(),
                prepared.agency().id(), caseId);
        return true;
    }

    private Prepared prepareHandOver(UUID caseId, String tableChoice) {
        CollectionCase collectionCase = cases.lock(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        Invoice invoice = invoices.lock(collectionCase.invoiceId()).orElseThrow();
        Creditor creditor = creditors.find(collectionCase.creditorId()).orElseThrow();
        if (collectionCase.status() != CollectionCase.Status.APPROVED) {
            // the job came again after the agency had it: nothing to send, the outcome is recorded already
            Agency agency = agencies.find(collectionCase.agencyId()).orElseThrow();
            return new Prepared(collectionCase, agency, null);
        }
        InvoiceBalance balance = ledger.balance(invoice.id(), invoice.amount().currency());
        if (!invoice.status().awaitsPayment() || !balance.outstanding().isPositive()) {
            cases.close(caseId, "SETTLED");
            log.info("Case {}: invoice {} is {} with {} outstanding; not handed over", caseId, invoice.invoiceNumber(),
                    invoice.status(), balance.outstanding());
            return null;
        }
        Agency agency = AgencyChoice.choose(agencies.ofCreditor(creditor.id()), tableChoice, creditor.id(),
                creditor.country().name(), invoice.customer().segment().name(),
                new BigDecimal(balance.outstanding().toPlainString()));
        cases.chooseAgency(caseId, agency.id());
        Map<String, Object> body = HandOverPayloads.handOver(collectionCase, agency, creditor, invoice, balance,
                letters.of(invoice.id()), deliveries.deliveredLetters(invoice.id()), audit.of(invoice.id()), properties.publicBaseUrl().toString(), clock.instant());
        return new Prepared(collectionCase, agency, bytes(body));
    }

    /**
     * Reports to the agency each payment booked on the invoice since the hand-over that the agency did not collect
     * itself, once per payment (by its ledger source).
     */
    public int reportPayments(UUID caseId) {
        CollectionCase collectionCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        if (collectionCase.agencyId() == null || collectionCase.handedOverAt() == null) {
            return 0;
        }
        Agency agency = agencies.find(collectionCase.agencyId()).orElseThrow();
        Invoice invoice = invoices.find(collectionCase.invoiceId()).orElseThrow();
        var currency = invoice.amount().currency();
        int reported = 0;
        for (Ledger.InvoicePayment payment : ledger.paymentsOnInvoice(invoice.id(), currency)) {
            if (payment.recordedAt().isBefore(collectionCase.handedOverAt()) || !payment.amount().isPositive()
                    || cases.reported(caseId, payment.source()) || cases.collectedByAgency(caseId, payment.source())) {
                continue;
            }
            Money outstanding = ledger.balance(invoice.id(), currency).outstanding();
            String paymentId = UUID.nameUUIDFromBytes(payment.source().getBytes(StandardCharsets.UTF_8)).toString();
            byte[] body = bytes(HandOverPayloads.payment(collectionCase, agency, paymentId, payment.amount(),
                    payment.bookingDate().toString(), outstanding, clock.instant()));
            client.post(agency.webhookUrl(), secrets.of(agency), "payment-" + caseId + "-" + paymentId, body);
            cases.markReported(caseId, payment.source());
            reported++;
        }
        return reported;
    }

    /** The invoice owes nothing any more: the case is closed as SETTLED (the agency's own close is still taken). */
    public void closeSettled(UUID caseId) {
        transaction.executeWithoutResult(status -> {
            cases.lock(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
            cases.close(caseId, "SETTLED");
        });
    }

    /** Sends the recall the creditor asked for; the case then waits for the agency to close it as recalled. */
    public void sendRecall(UUID caseId) {
        CollectionCase collectionCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        if (collectionCase.status() != CollectionCase.Status.RECALL_REQUESTED) {
            return; // closed meanwhile: nothing to recall
        }
        Agency agency = agencies.find(collectionCase.agencyId()).orElseThrow();
        client.post(agency.webhookUrl(), secrets.of(agency), "recall-" + caseId,
                bytes(HandOverPayloads.recall(collectionCase, agency, clock.instant())));
    }

    private byte[] bytes(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Payload not serialisable", e);
        }
    }
}
