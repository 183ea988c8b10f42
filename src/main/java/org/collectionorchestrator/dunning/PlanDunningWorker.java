package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code plan-dunning}: maps the strategy to {@link DunningLetters#plan} and answers with the position. */
@Component
public class PlanDunningWorker {

    public static final String JOB_TYPE = "plan-dunning";

    private final DunningLetters letters;

    public PlanDunningWorker(DunningLetters letters) {
        this.letters = letters;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "strategy", "timeZone"})
    public Map<String, Object> handle(ActivatedJob job, @Variable String invoiceId, @Variable Map<String, Object> strategy,
                                      @Variable String timeZone) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            DunningStrategy parsed;
            try {
                parsed = DunningStrategy.of(strategy);
            } catch (RuntimeException e) {
                throw JobFailures.incident("Cannot plan dunning: " + e.getMessage());
            }
            try {
                return letters.plan(UUID.fromString(invoiceId), parsed).variables(ZoneId.of(timeZone));
            } catch (IllegalArgumentException e) {
                throw JobFailures.incident("Cannot plan dunning: " + e.getMessage());
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }
}
