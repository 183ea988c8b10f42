package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Period;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Job type {@code send-reminder}: maps the job to {@link ReminderService#send}. */
@Component
public class SendReminderWorker {

    public static final String JOB_TYPE = "send-reminder";
    public static final String INVOICE_SETTLED = "INVOICE_SETTLED";

    private final ReminderService reminders;

    public SendReminderWorker(ReminderService reminders) {
        this.reminders = reminders;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "reminderNumber", "strategy"})
    public void handle(ActivatedJob job, @Variable String invoiceId, @Variable Integer reminderNumber,
                       @Variable Map<String, Object> strategy) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            Period paymentPeriod = Period.parse(String.valueOf(strategy.get("reminderDelay")));
            ReminderService.Outcome outcome;
            try {
                outcome = reminders.send(UUID.fromString(invoiceId), reminderNumber, paymentPeriod);
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            if (outcome == ReminderService.Outcome.INVOICE_SETTLED) {
                throw CamundaError.bpmnError(INVOICE_SETTLED, "Invoice " + invoiceId + " is settled; no reminder sent");
            }
        }
    }
}
