package org.collectionorchestrator.invoice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code record-dunning-stopped}: maps the job to {@link InvoiceLifecycle#dunningStopped}. */
@Component
public class RecordDunningStoppedWorker {

    public static final String JOB_TYPE = "record-dunning-stopped";

    private final InvoiceLifecycle lifecycle;

    public RecordDunningStoppedWorker(InvoiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId"})
    public void handle(ActivatedJob job, @Variable String invoiceId) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            try {
                lifecycle.dunningStopped(UUID.fromString(invoiceId), job.getProcessInstanceKey());
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }
}
