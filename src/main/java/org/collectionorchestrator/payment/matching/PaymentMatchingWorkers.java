package org.collectionorchestrator.payment.matching;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.collectionorchestrator.payment.PaymentResult;
import org.collectionorchestrator.payment.PaymentService;
import org.collectionorchestrator.payment.matching.CandidateRanking.Candidate;
import org.collectionorchestrator.web.ConflictException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job workers of "Match payment" ({@code bpmn/payment-matching.bpmn}). A choice that cannot be carried out
 * (the payment was matched or refunded meanwhile, the invoice no longer fits) is the BPMN error
 * {@value #CHOICE_NOT_POSSIBLE}: the process looks for candidates again, and ends if the payment is no longer
 * unmatched.
 */
@Component
public class PaymentMatchingWorkers {

    public static final String FIND_CANDIDATES = "find-candidate-invoices";
    public static final String BOOK_PAYMENT = "book-unmatched-payment";
    public static final String RECORD_REFUND = "record-payment-refund";
    public static final String CHOICE_NOT_POSSIBLE = "PAYMENT_CHOICE_NOT_POSSIBLE";
    private static final Logger log = LoggerFactory.getLogger(PaymentMatchingWorkers.class);

    private final CandidateInvoices candidates;
    private final PaymentService payments;
    private final UnmatchedPayments unmatched;

    public PaymentMatchingWorkers(CandidateInvoices candidates, PaymentService payments, UnmatchedPayments unmatched) {
        this.candidates = candidates;
        this.payments = payments;
        this.unmatched = unmatched;
    }

    @JobWorker(type = FIND_CANDIDATES, fetchVariables = {"paymentId"})
    public Map<String, Object> findCandidates(ActivatedJob job, @Variable String paymentId) {
        try {
            CandidateInvoices.StoredPayment payment = candidates.payment(UUID.fromString(paymentId));
            Map<String, Object> result = new LinkedHashMap<>();
            boolean stillUnmatched = UnmatchedPayments.UNMATCHED.equals(payment.status());
            result.put("paymentUnmatched", stillUnmatched);
            result.put("debtorName", payment.facts().debtorName());
            List<Candidate> ranked = stillUnmatched ? candidates.rankedFor(payment) : List.of();
            result.put("candidates", ranked.stream().map(CandidateInvoices::asVariable).toList());
            result.put("candidateOptions", ranked.stream().map(CandidateInvoices::asOption).toList());
            result.put("candidateCount", ranked.size());
            return result;
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    @JobWorker(type = BOOK_PAYMENT, fetchVariables = {"paymentId", "invoiceId"})
    public Map<String, Object> book(ActivatedJob job, @Variable String paymentId, @Variable String invoiceId) {
        UUID payment = UUID.fromString(paymentId);
        if (invoiceId == null || invoiceId.isBlank()) {
            throw CamundaError.bpmnError(CHOICE_NOT_POSSIBLE, "No invoice was chosen to book payment " + paymentId + " on");
        }
        UUID invoice;
        try {
            invoice = UUID.fromString(invoiceId);
        } catch (IllegalArgumentException e) {
            throw CamundaError.bpmnError(CHOICE_NOT_POSSIBLE, "'" + invoiceId + "' is not an invoice id");
        }
        try {
            PaymentResult result = payments.match(payment, invoice);
            log.info("Payment {} booked on invoice {} from the task Match payment", paymentId, invoiceId);
            return Map.of("bookedOnInvoiceId", result.invoiceId().toString(), "appliedToInvoice", result.appliedToInvoice(),
                    "creditedToCustomer", result.creditedToCustomer());
        } catch (ConflictException | UnprocessableException | InvalidRequestException e) {
            log.info("Payment {} not booked on invoice {}: {}", paymentId, invoiceId, e.getMessage());
            throw CamundaError.bpmnError(CHOICE_NOT_POSSIBLE, e.getMessage());
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    @JobWorker(type = RECORD_REFUND, fetchVariables = {"paymentId", "note"})
    public void recordRefund(ActivatedJob job, @Variable String paymentId, @Variable String note) {
        String status;
        try {
            status = unmatched.requestRefund(UUID.fromString(paymentId), note);
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
        if (!UnmatchedPayments.REFUND_REQUESTED.equals(status)) {
            throw CamundaError.bpmnError(CHOICE_NOT_POSSIBLE, "Payment " + paymentId + " is " + status
                    + "; it can no longer be refunded");
        }
        log.info("Refund to the payer requested for payment {}", paymentId);
    }
}
