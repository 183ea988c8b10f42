package org.collectionorchestrator.distribution;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.invoice.CustomerContacts;
import org.collectionorchestrator.invoice.PostalAddress;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The job workers of the process "Deliver document" ({@code bpmn/deliver-document.bpmn}): each maps variables to one
 * call of {@link Dispatches} or {@link CustomerContacts} and back. A technical failure of a provider is retried by the
 * engine with the same dispatch (so the same idempotency key).
 */
@Component
public class DeliveryWorkers {

    public static final String PREPARE = "prepare-delivery";
    public static final String SEND = "send-document";
    public static final String TIMEOUT = "record-delivery-timeout";
    public static final String CORRECT = "correct-contact-data";

    private final Dispatches dispatches;
    private final CustomerContacts contacts;
    private final DistributionProperties settings;

    public DeliveryWorkers(Dispatches dispatches, CustomerContacts contacts, DistributionProperties settings) {
        this.dispatches = dispatches;
        this.contacts = contacts;
        this.settings = settings;
    }

    @JobWorker(type = PREPARE, fetchVariables = {"invoiceId", "deliveryRound"})
    public Map<String, Object> prepare(ActivatedJob job, @Variable String invoiceId, @Variable Integer deliveryRound) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            DeliveryFacts facts;
            try {
                facts = dispatches.facts(UUID.fromString(invoiceId));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("deliveryEnabled", settings.enabled());
            variables.put("segment", facts.segment());
            variables.put("customerCountry", facts.customerCountry());
            variables.put("hasParticipantId", facts.hasParticipantId());
            variables.put("efakturaConsent", facts.efakturaConsent());
            variables.put("hasEmail", facts.hasEmail());
            variables.put("hasPostalAddress", facts.hasPostalAddress());
            variables.put("preferredChannel", facts.preferredChannel());
            variables.put("contactData", facts.contactData());
            variables.put("reportTimeout", settings.reportTimeout().toString());
            variables.put("attempt", 0);
            variables.put("deliveryRound", deliveryRound == null ? 1 : deliveryRound + 1);
            variables.put("deliveredOn", null);
            variables.put("deliveryProblem", null);
            variables.put("deliveryChannel", null);
            return variables;
        }
    }

    @JobWorker(type = SEND, fetchVariables = {"invoiceId", "documentKind", "letterNumber", "channels", "attempt",
            "deliveryRound", "deliveryProblem"})
    public Map<String, Object> send(ActivatedJob job, @Variable String invoiceId, @Variable String documentKind,
                                    @Variable Integer letterNumber, @Variable List<String> channels,
                                    @Variable Integer attempt, @Variable Integer deliveryRound,
                                    @Variable String deliveryProblem) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            Channel channel;
            DocumentKind kind;
            int at = attempt == null ? 0 : attempt;
            try {
                channel = Channel.valueOf(channels.get(at));
                kind = DocumentKind.valueOf(documentKind);
            } catch (RuntimeException e) {
                throw JobFailures.incident("Cannot send: " + e.getMessage());
            }
            // the invoice first: process instance keys start again with a new engine (a new cluster, the local run,
            // each test), and a key of another invoice's attempt must never answer for this one
            String requestKey = "deliver:" + invoiceId + ":" + job.getProcessInstanceKey() + ":" + deliveryRound + ":"
                    + at + ":" + channel;
            Dispatch dispatch;
            try {
                dispatch = dispatches.send(UUID.fromString(invoiceId), kind, letterNumber == null ? 0 : letterNumber,
                        channel, requestKey);
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            Map<String, Object> variables = outcome(dispatch);
            variables.put("attempt", at + 1);
            variables.put("reportTimeout", settings.reportTimeout(channel.name().toLowerCase(java.util.Locale.ROOT)).toString());
            variables.put("deliveryProblem", problems(deliveryProblem, dispatch));
            return variables;
        }
    }

    @JobWorker(type = TIMEOUT, fetchVariables = {"dispatchId", "deliveryProblem"})
    public Map<String, Object> timeOut(ActivatedJob job, @Variable String dispatchId, @Variable String deliveryProblem) {
        Dispatch dispatch;
        try {
            dispatch = dispatches.timeOut(UUID.fromString(dispatchId));
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
        Map<String, Object> variables = outcome(dispatch);
        variables.put("deliveryProblem", problems(deliveryProblem, dispatch));
        return variables;
    }

    @JobWorker(type = CORRECT, fetchVariables = {"invoiceId", "correctedEmail", "correctedStreet", "correctedPostalCode",
            "correctedCity", "correctedCountry"})
    public void correct(ActivatedJob job, @Variable String invoiceId, @Variable String correctedEmail,
                        @Variable String correctedStreet, @Variable String correctedPostalCode,
                        @Variable String correctedCity, @Variable String correctedCountry) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            PostalAddress address = blank(correctedStreet) ? null : new PostalAddress(correctedStreet, correctedPostalCode,
                    correctedCity, correctedCountry);
            try {
                contacts.correct(UUID.fromString(invoiceId), blank(correctedEmail) ? null : correctedEmail.strip(), address);
            } catch (IllegalArgumentException e) {
                throw JobFailures.incident("Cannot correct the contact data: " + e.getMessage());
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }

    private Map<String, Object> outcome(Dispatch dispatch) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("dispatchId", dispatch.id().toString());
        variables.put("deliveryChannel", dispatch.channel().name());
        variables.put("deliveryStatus", dispatch.status().name());
        variables.put("deliveryDetail", dispatch.detail());
        variables.put("deliveredOn", dispatches.deliveredOn(dispatch));
        return variables;
    }

    /** What went wrong so far in this round, one line per channel, for the "Fix delivery" form. */
    private static String problems(String before, Dispatch dispatch) {
        if (!dispatch.status().undeliverable()) {
            return before;
        }
        String line = dispatch.channel() + ": " + dispatch.status() + (dispatch.detail() == null ? "" : " (" + dispatch.detail() + ")");
        return before == null || before.isBlank() ? line : before + "\n" + line;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
