package org.collectionorchestrator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep3;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.collectionorchestrator.outbox.EngineMessage;
import org.collectionorchestrator.outbox.Outbox;
import org.collectionorchestrator.outbox.OutboxChannel;
import org.collectionorchestrator.outbox.OutboxRecord;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's engine messages to Zeebe as published BPMN messages. A message whose id the engine still
 * buffers is refused as ALREADY_EXISTS: that is an earlier delivery of the same row, so it counts as delivered.
 */
@Component
public class EngineMessageChannel implements OutboxChannel {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final CamundaClient camunda;
    private final ObjectMapper json;

    public EngineMessageChannel(CamundaClient camunda, ObjectMapper json) {
        this.camunda = camunda;
        this.json = json;
    }

    @Override
    public String name() {
        return Outbox.ENGINE;
    }

    @Override
    public CompletableFuture<?> send(OutboxRecord record) {
        EngineMessage message = read(record);
        PublishMessageCommandStep3 command = camunda.newPublishMessageCommand()
                .messageName(message.name())
                .correlationKey(message.correlationKey())
                .timeToLive(message.timeToLive())
                .variables(message.variables());
        if (message.messageId() != null) {
            command = command.messageId(message.messageId());
        }
        return command.requestTimeout(REQUEST_TIMEOUT).send().toCompletableFuture().exceptionallyCompose(e -> alreadyDelivered(e)
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(e));
    }

    private static boolean alreadyDelivered(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof ClientStatusException status && status.getStatusCode() == Status.Code.ALREADY_EXISTS;
    }

    private EngineMessage read(OutboxRecord record) {
        try {
            return json.readValue(record.payload(), EngineMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox row " + record.id() + " is not an engine message", e);
        }
    }
}
