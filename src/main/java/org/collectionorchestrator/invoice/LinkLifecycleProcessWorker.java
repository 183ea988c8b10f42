package org.collectionorchestrator.invoice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code link-lifecycle-process}: maps the job to {@link InvoiceLifecycle#linkProcess}. */
@Component
public class LinkLifecycleProcessWorker {

    public static final String JOB_TYPE = "link-lifecycle-process";

    private final InvoiceLifecycle lifecycle;

    public LinkLifecycleProcessWorker(InvoiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId"})
    public Map<String, Object> handle(ActivatedJob job, @Variable String invoiceId) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            try {
                return Map.of("firstProcess", lifecycle.linkProcess(UUID.fromString(invoiceId), job.getProcessInstanceKey()));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }
}
