package org.collectionorchestrator.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import java.time.Duration;

/**
 * How a worker reports a technical failure: the job is retried with exponential back-off until its retries are
 * used up, then the engine raises an incident for an operator. Business outcomes are BPMN errors instead.
 */
public final class JobFailures {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private JobFailures() {
    }

    public static JobError retryLater(ActivatedJob job, Exception cause) {
        int retriesLeft = Math.max(job.getRetries() - 1, 0);
        return CamundaError.jobError(describe(cause), null, retriesLeft, backoff(job.getRetries()), cause);
    }

    /** Bad data that a retry cannot fix: straight to an incident. */
    public static JobError incident(String message) {
        return CamundaError.jobError(message, null, 0);
    }

    /** 10 s, 20 s, 40 s … capped at 10 minutes; the fewer retries left, the longer the wait. */
    static Duration backoff(int retriesBefore) {
        int attempt = Math.max(0, 5 - retriesBefore);
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
