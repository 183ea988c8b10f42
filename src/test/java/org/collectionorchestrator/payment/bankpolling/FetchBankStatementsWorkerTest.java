package org.collectionorchestrator.payment.bankpolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.util.List;
import org.collectionorchestrator.payment.bankpolling.BankPollingFailedException.AccountFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker only maps: the count back as a variable, a refused statement to an incident, the rest to a retry. */
class FetchBankStatementsWorkerTest {

    private final BankStatementPolling polling = mock(BankStatementPolling.class);
    private final ActivatedJob job = mock(ActivatedJob.class);
    private final FetchBankStatementsWorker worker = new FetchBankStatementsWorker(polling);

    @BeforeEach
    void retriesLeft() {
        when(job.getRetries()).thenReturn(5);
    }

    @Test
    void answersHowManyStatementsItImported() {
        when(polling.pollAll()).thenReturn(new BankStatementPolling.PollResult(2, 3, 40));

        assertThat(worker.handle(job)).containsExactlyEntriesOf(java.util.Map.of("statementsImported", 3));
    }

    @Test
    void aRefusedStatementIsAnIncidentAtOnceNamingItAndTheReason() {
        when(polling.pollAll()).thenThrow(new BankPollingFailedException(List.of(
                new AccountFailure("cred-1", "NO9386011117947", "s-2", "the import refused it (400): not camt", true),
                new AccountFailure("cred-2", "FI2112345600000785", null, "the bank answered 503", false))));

        assertThatThrownBy(() -> worker.handle(job)).isInstanceOfSatisfying(JobError.class, error -> {
            assertThat(error.getRetries()).isZero();
            assertThat(error.getMessage()).contains("cred-1 NO9386011117947 statement s-2: the import refused it (400)",
                    "cred-2 FI2112345600000785: the bank answered 503");
        });
    }

    @Test
    void aBankThatIsDownIsTriedAgainLater() {
        when(polling.pollAll()).thenThrow(new BankPollingFailedException(List.of(
                new AccountFailure("cred-1", "NO9386011117947", null, "the bank answered 503", false))));

        assertThatThrownBy(() -> worker.handle(job)).isInstanceOfSatisfying(JobError.class, error -> {
            assertThat(error.getRetries()).isEqualTo(4);
            assertThat(error.getMessage()).contains("503");
        });
    }
}
