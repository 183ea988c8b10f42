package org.collectionorchestrator.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Invoice;
import org.collectionorchestrator.invoice.InvoiceLifecycle;
import org.collectionorchestrator.invoice.InvoiceRepository;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.payment.PaymentService;
import org.collectionorchestrator.payment.RegisterPayment;
import org.collectionorchestrator.signature.InvalidSignatureException;
import org.collectionorchestrator.signature.WebhookSignature;
import org.collectionorchestrator.web.CommandValidator;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an agency's signed callback: the agency must be known (404), the signature valid and fresh with that
 * agency's secret (401), the body well formed (400), the case one of that agency's (404), the event id new (409).
 * Everything it changes (the event row that refuses a replay, the case, a collected payment booked as any payment,
 * the audit entries, the message to the waiting process) commits together or not at all.
 */
@Service
public class AgencyEvents {

    /** The agency closed the case: the case process ends (message correlated by case id). */
    public static final String CASE_CLOSED = "agency-case-closed";
    private static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AgencyEvents.class);

    private final AgencyRepository agencies;
    private final AgencySecrets secrets;
    private final CollectionCases cases;
    private final InvoiceRepository invoices;
    private final InvoiceLifecycle lifecycle;
    private final AuditTrail audit;
    private final PaymentService payments;
    private final Outbox outbox;
    private final CommandValidator validator;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public AgencyEvents(AgencyRepository agencies, AgencySecrets secrets, CollectionCases cases, InvoiceRepository invoices,
                        InvoiceLifecycle lifecycle, AuditTrail audit, PaymentService payments, Outbox outbox,
                        CommandValidator validator, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.agencies = agencies;
        this.secrets = secrets;
        this.cases = cases;
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.payments = payments;
        this.outbox = outbox;
        this.validator = validator;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public record Accepted(String eventId, UUID caseId, String caseStatus) {
    }

    public Accepted receive(String agencyId, String signature, byte[] body) {
        Agency agency = agencies.find(agencyId).orElseThrow(() -> new NotFoundException("No agency " + agencyId));
        WebhookSignature.Verification verification = WebhookSignature.verify(signature, body, secrets.of(agency),
                clock.instant());
        if (!verification.valid()) {
            log.warn("Callback from agency {} refused: signature {}", agencyId, verification);
            throw new InvalidSignatureException(verification);
        }
        AgencyEvent event = parse(body);
        validator.validate(event);
        return transaction.execute(status -> apply(agency, event));
    }

    private AgencyEvent parse(byte[] body) {
        try {
            return json.readValue(body, AgencyEvent.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw InvalidRequestException.field("body", "is not an agency event: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw InvalidRequestException.field("body", "is not readable");
        }
    }

    private Accepted apply(Agency agency, AgencyEvent event) {
        CollectionCase collectionCase = cases.lock(event.caseId()).filter(c -> agency.id().equals(c.agencyId()))
                .orElseThrow(() -> new NotFoundException("Agency " + agency.id() + " has no case " + event.caseId()));
        String paymentTransaction = event.type() == AgencyEvent.Type.PAYMENT_COLLECTED
                ? "agency-event-" + UUID.nameUUIDFromBytes((agency.id() + "/" + event.eventId()).getBytes(StandardCharsets.UTF_8))
                : null;
        if (!cases.recordEvent(agency.id(), event.eventId(), event.type().name(), collectionCase.id(), paymentTransaction)) {
            throw new ConflictException("Event " + event.eventId() + " of agency " + agency.id() + " was received before");
        }
        if (collectionCase.status() == CollectionCase.Status.CLOSED && "SETTLED".equals(collectionCase.closeOutcome())
                && event.type() == AgencyEvent.Type.CASE_CLOSED) {
            // the invoice settled first and we closed the case; the agency's confirmation is taken, nothing changes
            log.info("Agency {} closed case {} ({}) after it settled", agency.id(), collectionCase.id(), event.outcome());
            return new Accepted(event.eventId(), collectionCase.id(), collectionCase.status().name());
        }
        if (!collectionCase.atAgency()) {
            throw new ConflictException("Case " + collectionCase.id() + " is " + collectionCase.status()
                    .name().toLowerCase() + "; it takes no more events");
        }
        Invoice invoice = invoices.find(collectionCase.invoiceId()).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseId", collectionCase.id().toString());
        details.put("agencyId", agency.id());
        details.put("eventId", event.eventId());
        details.put("event", event.type().name());
        switch (event.type()) {
            case CASE_OPENED, STATUS_CHANGED -> {
                cases.agencyUpdate(collectionCase.id(), event.status(), event.agencyReference(),
                        event.type() == AgencyEvent.Type.CASE_OPENED);
                if (event.agencyReference() != null) {
                    details.put("agencyReference", event.agencyReference());
                }
                if (event.status() != null) {
                    details.put("status", event.status());
                }
                audit.record(invoice.id(), AuditEventType.AGENCY_CASE_UPDATED, details);
            }
            case PAYMENT_COLLECTED -> collected(invoice, collectionCase, event, paymentTransaction, details);
            case CASE_CLOSED -> closed(invoice, collectionCase, event, details);
        }
        log.info("Agency {} event {} ({}) on case {}", agency.id(), event.eventId(), event.type(), collectionCase.id());
        return new Accepted(event.eventId(), collectionCase.id(), cases.find(collectionCase.id()).orElseThrow().status().name());
    }

    /** Booked as any payment to the invoice: the creditor's payment order, settlement and tolerance apply. */
    private void collected(Invoice invoice, CollectionCase collectionCase, AgencyEvent event, String transactionId,
                           Map<String, Object> details) {
        AgencyEvent.Payment payment = event.payment();
        if (!payment.currency().equals(invoice.amount().currency().getCurrencyCode())) {
            throw new UnprocessableException("The payment is in " + payment.currency() + " but invoice "
                    + invoice.invoiceNumber() + " is in " + invoice.amount().currency().getCurrencyCode());
        }
        details.put("amount", payment.amount().toPlainString());
        details.put("date", payment.date().toString());
        details.put("agencyFee", payment.agencyFee() == null ? "0" : payment.agencyFee().toPlainString());
        details.put("bankTransactionId", transactionId);
        audit.record(invoice.id(), AuditEventType.AGENCY_CASE_UPDATED, details);
        payments.register(new RegisterPayment(collectionCase.creditorId(), payment.amount(), payment.currency(), null,
                invoice.id(), payment.date(), transactionId));
    }

    private void closed(Invoice invoice, CollectionCase collectionCase, AgencyEvent event, Map<String, Object> details) {
        boolean recalled = event.outcome() == AgencyEvent.Outcome.RECALLED;
        cases.close(collectionCase.id(), event.outcome().name());
        details.put("outcome", event.outcome().name());
        lifecycle.agencyCaseClosed(invoices.lock(invoice.id()).orElseThrow(), recalled, details);
        String id = collectionCase.id().toString();
        outbox.message(invoice.id().toString(), new EngineMessage(CASE_CLOSED, id, CASE_CLOSED + ":" + id,
                MESSAGE_TIME_TO_LIVE, Map.of("caseOutcome", event.outcome().name())));
    }
}
