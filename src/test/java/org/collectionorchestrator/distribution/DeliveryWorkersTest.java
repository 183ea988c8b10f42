package org.collectionorchestrator.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.invoice.Channel;
import org.collectionorchestrator.invoice.CustomerContacts;
import org.junit.jupiter.api.Test;

/** The delivery job workers without Spring: variables in, one service call, variables out. */
class DeliveryWorkersTest {

    private final Dispatches dispatches = mock(Dispatches.class);
    private final DistributionProperties settings = new DistributionProperties(true, "x@y.z", Duration.ofDays(2),
            Map.of("print", new DistributionProperties.Provider(null, null, "s", Duration.ofSeconds(5), 3, Duration.ofDays(5))),
            Map.of());
    private final DeliveryWorkers workers = new DeliveryWorkers(dispatches, mock(CustomerContacts.class), settings);
    private final UUID invoiceId = UUID.randomUUID();

    private ActivatedJob job() {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getProcessInstanceKey()).thenReturn(4711L);
        when(job.getRetries()).thenReturn(5);
        return job;
    }

    private Dispatch dispatch(Channel channel, DispatchStatus status, String detail) {
        return new Dispatch(UUID.randomUUID(), invoiceId, DocumentKind.REMINDER, 1, channel, status, detail,
                OffsetDateTime.now(), null);
    }

    @Test
    void sendsByTheChannelAtTheAttemptUnderAKeyOfTheAttemptAndCollectsWhatWentWrong() {
        Dispatch bounced = dispatch(Channel.PRINT, DispatchStatus.UNAVAILABLE, "the customer has no PRINT address");
        when(dispatches.send(eq(invoiceId), eq(DocumentKind.REMINDER), eq(1), eq(Channel.PRINT), any())).thenReturn(bounced);

        Map<String, Object> out = workers.send(job(), invoiceId.toString(), "REMINDER", 1, List.of("EMAIL", "PRINT"), 1, 2,
                "EMAIL: BOUNCED (mailbox unknown)");

        verify(dispatches).send(invoiceId, DocumentKind.REMINDER, 1, Channel.PRINT,
                "deliver:" + invoiceId + ":4711:2:1:PRINT");
        assertThat(out).containsEntry("attempt", 2).containsEntry("deliveryStatus", "UNAVAILABLE")
                .containsEntry("deliveryChannel", "PRINT").containsEntry("dispatchId", bounced.id().toString())
                .containsEntry("reportTimeout", "PT120H")
                .containsEntry("deliveryProblem",
                        "EMAIL: BOUNCED (mailbox unknown)\nPRINT: UNAVAILABLE (the customer has no PRINT address)");
    }

    @Test
    void aChannelTheModelDoesNotKnowIsAnIncidentAndAProviderDownIsRetried() {
        assertThatThrownBy(() -> workers.send(job(), invoiceId.toString(), "REMINDER", 1, List.of("PIGEON"), 0, 1, null))
                .hasMessageContaining("Cannot send");
        when(dispatches.send(any(), any(), eq(1), any(), any())).thenThrow(new ChannelUnavailableException("print answered 503"));

        assertThatThrownBy(() -> workers.send(job(), invoiceId.toString(), "REMINDER", 1, List.of("PRINT"), 0, 1, null))
                .hasMessageContaining("print answered 503");
    }
}
