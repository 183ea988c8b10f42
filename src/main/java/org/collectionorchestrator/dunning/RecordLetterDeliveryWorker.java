package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Job type {@code record-letter-delivery}: the letter {@code letterNumber} reached the debtor on {@code deliveredOn};
 * maps them to {@link DunningLetters#recordDelivery} and answers with the dunning position counted from that day.
 * Without {@code deliveredOn} (distribution switched off) the letter's own dates stay in force.
 */
@Component
public class RecordLetterDeliveryWorker {

    public static final String JOB_TYPE = "record-letter-delivery";

    private final DunningLetters letters;

    public RecordLetterDeliveryWorker(DunningLetters letters) {
        this.letters = letters;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "letterNumber", "deliveredOn", "strategy", "timeZone"})
    public Map<String, Object> handle(ActivatedJob job, @Variable String invoiceId, @Variable Integer letterNumber,
                                      @Variable String deliveredOn, @Variable Map<String, Object> strategy,
                                      @Variable String timeZone) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            LocalDate delivered;
            DunningStrategy parsed;
            try {
                delivered = deliveredOn == null ? null : LocalDate.parse(deliveredOn);
                parsed = DunningStrategy.of(strategy);
                if (letterNumber == null) {
                    throw new IllegalArgumentException("no letterNumber");
                }
            } catch (RuntimeException e) {
                throw JobFailures.incident("Cannot record the letter's delivery: " + e.getMessage());
            }
            try {
                UUID id = UUID.fromString(invoiceId);
                DunningPosition position = delivered == null ? letters.plan(id, parsed) // not distributed: as printed
                        : letters.recordDelivery(id, letterNumber, delivered, parsed);
                return position.variables(ZoneId.of(timeZone));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
        }
    }
}
