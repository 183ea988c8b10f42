package org.collectionorchestrator.distribution;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.invoice.AuditEventType;
import org.collectionorchestrator.invoice.AuditTrail;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one document by one channel, nothing twice: the dispatch row (and its id, the provider's idempotency key)
 * is committed before the send; a retried job finds it and sends again only while no answer was recorded, with the
 * same id, so the provider recognises it. The send itself runs outside any transaction and lock. Asynchronous
 * reports settle the dispatch and become the BPMN message {@code delivery-reported} (correlated by dispatch id)
 * through the outbox.
 */
@Service
public class Dispatches {

    public static final String DELIVERY_REPORTED = "delivery-reported";
    private static final Logger log = LoggerFactory.getLogger(Dispatches.class);

    private final DispatchStore store;
    private final DeliveryDocuments documents;
    private final DeliveryChannels channels;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    public Dispatches(DispatchStore store, DeliveryDocuments documents, DeliveryChannels channels,
                      TransactionTemplate transaction, Outbox outbox, AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.store = store;
        this.documents = documents;
        this.channels = channels;
        this.transaction = transaction;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param requestKey the process's key of this attempt (e.g. the job's element instance and the channel): the
     *                   same key always means the same dispatch
     */
    public Dispatch send(UUID invoiceId, DocumentKind kind, int letterNumber, Channel channel, String requestKey) {
        Optional<Dispatch> delivered = store.delivered(invoiceId, kind, letterNumber);
        if (delivered.isPresent()) {
            return delivered.get(); // a document reaches the customer once, whatever starts its delivery again
        }
        Dispatch dispatch = transaction.execute(status -> store.claim(requestKey, invoiceId, kind, letterNumber, channel));
        if (dispatch.status() != DispatchStatus.PENDING) {
            return dispatch; // answered before: a retried job sends nothing
        }
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId.toString())) {
            Optional<DeliveryChannel> way = channels.get(channel);
            if (way.isEmpty()) {
                return settle(dispatch, new SendResult(DispatchStatus.UNAVAILABLE, null, channel + " is not configured"));
            }
            DeliveryDocuments.Document document = documents.load(invoiceId, kind, letterNumber);
            Optional<String> refusal = ChannelLaw.refusal(kind, channel, document.recipient(), document.creditorCountry());
            if (refusal.isPresent()) {
                return settle(dispatch, new SendResult(DispatchStatus.UNAVAILABLE, null, refusal.get()));
            }
            if (!way.get().canReach(document.recipient())) {
                return settle(dispatch, new SendResult(DispatchStatus.UNAVAILABLE, null,
                        "the customer has no " + channel + " address"));
            }
            SendResult result = way.get().send(document.delivery(dispatch.id()));
            log.info("{} {} of invoice {} sent by {}: {}", kind, letterNumber, invoiceId, channel, result.outcome());
            return settle(dispatch, result);
        }
    }

    private Dispatch settle(Dispatch dispatch, SendResult result) {
        return transaction.execute(status -> {
            store.settle(dispatch.id(), result.outcome(), result.detail(), result.reference());
            if (result.outcome().undeliverable()) {
                failed(dispatch, result.outcome(), result.detail());
            }
            return store.find(dispatch.id()).orElseThrow();
        });
    }

    /**
     * A provider's report on a dispatch: settles it once (a replayed event id or a report on a settled dispatch changes
     * nothing) and tells the waiting process. Empty when the dispatch is unknown.
     */
    public Optional<Dispatch> report(Channel channel, String eventId, UUID dispatchId, DispatchStatus status, String detail) {
        return transaction.execute(tx -> {
            Optional<Dispatch> found = store.find(dispatchId).filter(d -> d.channel() == channel);
            if (found.isEmpty() || !store.firstReport(channel, eventId, dispatchId, status)) {
                return found;
            }
            if (store.settle(dispatchId, status, detail, null)) {
                if (status.undeliverable()) {
                    failed(found.get(), status, detail);
                }
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("deliveryStatus", status.name());
                variables.put("deliveryDetail", detail);
                variables.put("deliveredOn", status == DispatchStatus.DELIVERED
                        ? java.time.LocalDate.now(clock.withZone(documents.timeZone(found.get().invoiceId()))).toString() : null);
                outbox.message(found.get().invoiceId().toString(), new EngineMessage(DELIVERY_REPORTED, dispatchId.toString(),
                        DELIVERY_REPORTED + ":" + dispatchId, Duration.ofDays(1), variables));
            }
            return store.find(dispatchId);
        });
    }

    /** The day a delivered dispatch reached the customer, in the creditor's zone; null when it is not delivered. */
    public String deliveredOn(Dispatch dispatch) {
        return dispatch.status() != DispatchStatus.DELIVERED || dispatch.deliveredAt() == null ? null
                : dispatch.deliveredAt().atZoneSameInstant(documents.timeZone(dispatch.invoiceId())).toLocalDate().toString();
    }

    /**
     * No report came in time. An e-mail the server took and no bounce came back for counts as delivered on the day it
     * was sent; any other ACCEPTED dispatch becomes TIMED_OUT and the next channel is tried. A later report changes
     * nothing.
     */
    public Dispatch timeOut(UUID dispatchId) {
        return transaction.execute(tx -> {
            Dispatch dispatch = store.find(dispatchId).orElseThrow(() -> new IllegalArgumentException("No dispatch " + dispatchId));
            if (dispatch.channel() == Channel.EMAIL) {
                store.deliveredWithoutBounce(dispatchId);
            } else if (store.settle(dispatchId, DispatchStatus.TIMED_OUT, "no delivery report in time", null)) {
                failed(dispatch, DispatchStatus.TIMED_OUT, "no delivery report in time");
            }
            return store.find(dispatchId).orElseThrow();
        });
    }

    /** The customer's channel data, as the distribution table and the "Fix delivery" form read it. */
    public DeliveryFacts facts(UUID invoiceId) {
        DeliveryDocuments.Customer customer = documents.customer(invoiceId);
        Recipient r = customer.recipient();
        StringBuilder contact = new StringBuilder();
        contact.append("E-mail: ").append(r.email() == null ? "none" : r.email());
        contact.append("\nPostal address: ").append(r.postalAddress() == null ? "none" : r.postalAddress().street() + ", "
                + r.postalAddress().postalCode() + " " + r.postalAddress().city() + ", " + r.postalAddress().country());
        contact.append("\nPEPPOL participant id: ").append(r.peppolParticipantId() == null ? "none" : r.peppolParticipantId());
        contact.append("\neFaktura consent: ").append(r.efakturaConsent() ? "yes" : "no");
        contact.append("\nPreferred channel: ").append(r.preferredChannel() == null ? "none" : r.preferredChannel());
        return new DeliveryFacts(customer.segment(), r.country(), r.peppolParticipantId() != null, r.efakturaConsent(),
                r.email() != null && !r.email().isBlank(), r.postalAddress() != null,
                r.preferredChannel() == null ? null : r.preferredChannel().name(), contact.toString());
    }

    public Optional<Dispatch> find(UUID dispatchId) {
        return store.find(dispatchId);
    }

    private void failed(Dispatch dispatch, DispatchStatus status, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dispatchId", dispatch.id().toString());
        details.put("channel", dispatch.channel().name());
        details.put("documentKind", dispatch.kind().name());
        details.put("letterNumber", dispatch.letterNumber());
        details.put("status", status.name());
        if (detail != null) {
            details.put("detail", detail);
        }
        audit.record(dispatch.invoiceId(), AuditEventType.DELIVERY_FAILED, details);
    }
}
