package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code mark-ready-for-collection}: maps the job to {@link ReadyForCollection#mark}. */
@Component
public class MarkReadyForCollectionWorker {

    public static final String JOB_TYPE = "mark-ready-for-collection";

    private final ReadyForCollection readyForCollection;

    public MarkReadyForCollectionWorker(ReadyForCollection readyForCollection) {
        this.readyForCollection = readyForCollection;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId"})
    public void handle(ActivatedJob job, @Variable String invoiceId) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            boolean marked;
            try {
                marked = readyForCollection.mark(UUID.fromString(invoiceId));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            if (!marked) {
                throw CamundaError.bpmnError(SendDunningLetterWorker.INVOICE_SETTLED, "Invoice " + invoiceId + " is settled");
            }
        }
    }
}
