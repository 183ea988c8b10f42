package org.collectionorchestrator.payment.bankpolling;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.collectionorchestrator.engine.JobFailures;
import org.springframework.stereotype.Component;

/**
 * Job type {@code fetch-bank-statements}: polls every configured bank connection ({@link BankStatementPolling}) and
 * answers how many statements it imported. A refused statement is an incident at once (trying again imports the
 * same file again); an unreachable bank is retried with back-off until the retries are used up, then an incident.
 * With no connection configured it answers at once with nothing imported.
 */
@Component
public class FetchBankStatementsWorker {

    public static final String JOB_TYPE = "fetch-bank-statements";
    /** Engine-side limit on one run before the job goes to another worker; downloads have their own limits. */
    private static final long JOB_TIMEOUT_MILLIS = 30 * 60 * 1000;
    private static final int MAX_MESSAGE = 4000;

    private final BankStatementPolling polling;

    public FetchBankStatementsWorker(BankStatementPolling polling) {
        this.polling = polling;
    }

    @JobWorker(type = JOB_TYPE, timeout = JOB_TIMEOUT_MILLIS)
    public Map<String, Object> handle(ActivatedJob job) {
        try {
            BankStatementPolling.PollResult result = polling.pollAll();
            return Map.of("statementsImported", result.statementsImported());
        } catch (BankPollingFailedException e) {
            if (e.needsOperator()) {
                throw JobFailures.incident(shorten("Bank statements not imported: " + e.getMessage()));
            }
            throw JobFailures.retryLater(job, e);
        } catch (RuntimeException e) {
            throw JobFailures.retryLater(job, e);
        }
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
