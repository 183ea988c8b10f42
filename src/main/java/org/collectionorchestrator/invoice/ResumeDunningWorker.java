package org.collectionorchestrator.invoice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code resume-dunning}: the pause's date has come; maps the job to {@link Disputes#pauseEnded}. */
@Component
public class ResumeDunningWorker {

    public static final String JOB_TYPE = "resume-dunning";

    private final Disputes disputes;

    public ResumeDunningWorker(Disputes disputes) {
        this.disputes = disputes;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId"})
    public void handle(ActivatedJob job, @Variable String invoiceId) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            try {
                disputes.pauseEnded(UUID.fromString(invoiceId));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }
}
