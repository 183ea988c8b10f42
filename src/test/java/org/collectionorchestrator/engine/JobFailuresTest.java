package org.collectionorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.dunning.DunningLetters;
import org.collectionorchestrator.dunning.SendDunningLetterWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataAccessResourceFailureException;

class JobFailuresTest {

    @ParameterizedTest(name = "{0} retries left before -> wait {1}")
    @CsvSource({"5, PT10S", "4, PT20S", "3, PT40S", "2, PT1M20S", "1, PT2M40S", "0, PT5M20S", "-3, PT10M"})
    void backsOffExponentiallyUpToTenMinutes(int retriesBefore, Duration expected) {
        assertThat(JobFailures.backoff(retriesBefore)).isEqualTo(expected);
    }

    @Test
    void aTechnicalFailureInAWorkerFailsTheJobWithOneRetryLessAndABackoff() {
        DunningLetters letters = mock(DunningLetters.class);
        when(letters.send(any(), any(), any(), any(), any())).thenThrow(new DataAccessResourceFailureException("database down"));
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getRetries()).thenReturn(3);
        when(job.getCustomHeaders()).thenReturn(Map.of("letterKind", "REMINDER"));
        SendDunningLetterWorker worker = new SendDunningLetterWorker(letters);

        assertThatThrownBy(() -> worker.handle(job, UUID.randomUUID().toString(), 0, Map.of("flow", "REMINDERS"), "Europe/Oslo"))
                .isInstanceOfSatisfying(JobError.class, error -> {
                    assertThat(error.getRetries()).isEqualTo(2);
                    assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(error.getMessage()).contains("database down");
                });
    }

    @Test
    void theLastRetryLeavesNoneSoTheEngineRaisesAnIncident() {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getRetries()).thenReturn(1);
        assertThat(JobFailures.retryLater(job, new IllegalStateException("boom")).getRetries()).isZero();
    }
}
