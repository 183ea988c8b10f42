package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code record-unpaid-invoice-decision}: maps the form's decision to {@link UnpaidInvoiceDecisionService}. */
@Component
public class RecordUnpaidInvoiceDecisionWorker {

    public static final String JOB_TYPE = "record-unpaid-invoice-decision";

    private final UnpaidInvoiceDecisionService decisions;

    public RecordUnpaidInvoiceDecisionWorker(UnpaidInvoiceDecisionService decisions) {
        this.decisions = decisions;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "decision", "decisionNote"})
    public void handle(ActivatedJob job, @Variable String invoiceId, @Variable String decision,
                       @Variable String decisionNote) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            UnpaidInvoiceDecision parsed;
            try {
                parsed = UnpaidInvoiceDecision.valueOf(String.valueOf(decision));
            } catch (IllegalArgumentException e) {
                throw JobFailures.incident("Unknown decision '" + decision + "'; expected HAND_OVER or WRITE_OFF");
            }
            UnpaidInvoiceDecisionService.Outcome outcome;
            try {
                outcome = decisions.record(UUID.fromString(invoiceId), parsed, decisionNote);
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            if (outcome == UnpaidInvoiceDecisionService.Outcome.INVOICE_SETTLED) {
                throw CamundaError.bpmnError(SendDunningLetterWorker.INVOICE_SETTLED, "Invoice " + invoiceId + " is settled");
            }
        }
    }
}
