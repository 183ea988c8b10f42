package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.Disputes.ResolutionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** The workers only map variables: outcomes go back as variables, refusals to an incident, failures to a retry. */
class DisputeWorkersTest {

    private final Disputes disputes = mock(Disputes.class);
    private final ActivatedJob job = mock(ActivatedJob.class);
    private final UUID invoiceId = UUID.randomUUID();

    @Test
    void theResolutionIsPassedOnAndItsOutcomeReturned() {
        when(disputes.resolveDispute(invoiceId, "CORRECT", new BigDecimal("800.5"), "note"))
                .thenReturn(ResolutionOutcome.RESUME_DUNNING);

        var variables = new RecordDisputeResolutionWorker(disputes).handle(job, invoiceId.toString(), "CORRECT", 800.5, "note");

        assertThat(variables).containsExactlyEntriesOf(Map.of("disputeOutcome", "RESUME_DUNNING"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "double", "string", "blank", "absent"})
    void theCorrectedAmountIsReadFromWhatTheFormSends(String shape) {
        Object value = switch (shape) {
            case "integer" -> 800;
            case "double" -> 800.25;
            case "string" -> " 800.25 ";
            case "blank" -> " ";
            default -> null;
        };
        BigDecimal expected = switch (shape) {
            case "integer" -> new BigDecimal("800");
            case "double", "string" -> new BigDecimal("800.25");
            default -> null;
        };
        assertThat(RecordDisputeResolutionWorker.amount(value)).isEqualTo(expected);
    }

    @Test
    void aCorrectedAmountThatIsNoNumberIsAnIncident() {
        assertThatThrownBy(() -> RecordDisputeResolutionWorker.amount("eight hundred"))
                .isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isZero());
    }

    @Test
    void aRefusedResolutionIsAnIncidentAtOnce() {
        when(job.getRetries()).thenReturn(5);
        when(disputes.resolveDispute(any(), any(), any(), any()))
                .thenThrow(new Disputes.ResolutionRefused("Unknown resolution 'APPROVE'"));

        assertThatThrownBy(() -> new RecordDisputeResolutionWorker(disputes).handle(job, invoiceId.toString(), "APPROVE", null, null))
                .isInstanceOfSatisfying(JobError.class, error -> {
                    assertThat(error.getRetries()).isZero();
                    assertThat(error.getMessage()).contains("APPROVE");
                });
    }

    @Test
    void aTechnicalFailureIsRetried() {
        when(job.getRetries()).thenReturn(5);
        when(disputes.resolveDispute(any(), any(), any(), any())).thenThrow(new DataAccessResourceFailureException("down"));
        doThrow(new DataAccessResourceFailureException("down")).when(disputes).pauseEnded(invoiceId);

        assertThatThrownBy(() -> new RecordDisputeResolutionWorker(disputes).handle(job, invoiceId.toString(), "REJECT", null, "n"))
                .isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isEqualTo(4));
        assertThatThrownBy(() -> new ResumeDunningWorker(disputes).handle(job, invoiceId.toString()))
                .isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isEqualTo(4));
    }

    @Test
    void theEndOfAPauseIsPassedOn() {
        new ResumeDunningWorker(disputes).handle(job, invoiceId.toString());
        verify(disputes).pauseEnded(invoiceId);
    }
}
