package org.collectionorchestrator.invoice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Job type {@code record-dispute-resolution}: maps the answers of form resolve-dispute to
 * {@link Disputes#resolveDispute} and returns {@code disputeOutcome}. A resolution that cannot be carried out goes
 * straight to an incident; a technical failure is retried.
 */
@Component
public class RecordDisputeResolutionWorker {

    public static final String JOB_TYPE = "record-dispute-resolution";

    private final Disputes disputes;

    public RecordDisputeResolutionWorker(Disputes disputes) {
        this.disputes = disputes;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "resolution", "correctedAmount", "resolutionNote"})
    public Map<String, Object> handle(ActivatedJob job, @Variable String invoiceId, @Variable String resolution,
                                      @Variable Object correctedAmount, @Variable String resolutionNote) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            Disputes.ResolutionOutcome outcome;
            try {
                outcome = disputes.resolveDispute(UUID.fromString(invoiceId), resolution, amount(correctedAmount),
                        resolutionNote);
            } catch (Disputes.ResolutionRefused e) {
                throw JobFailures.incident(e.getMessage());
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            return Map.of("disputeOutcome", outcome.name());
        }
    }

    /** The form sends a number; a string holding one is accepted too. */
    static BigDecimal amount(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw JobFailures.incident("correctedAmount '" + value + "' is not a number");
        }
    }
}
