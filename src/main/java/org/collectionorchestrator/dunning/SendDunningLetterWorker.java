package org.collectionorchestrator.dunning;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.engine.JobFailures;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Job type {@code send-dunning-letter}: the task header {@code letterKind} names the letter, the input {@code fee}
 * what the tables ask for; maps them to {@link DunningLetters#send} and answers with the new dunning position.
 */
@Component
public class SendDunningLetterWorker {

    public static final String JOB_TYPE = "send-dunning-letter";
    public static final String INVOICE_SETTLED = "INVOICE_SETTLED";
    public static final String BELOW_MINIMUM = "BELOW_MINIMUM";

    private final DunningLetters letters;

    /** The distribution table's document type of a letter. */
    static String documentKind(LetterKind kind) {
        return switch (kind) {
            case FRIENDLY_NOTICE, REMINDER -> "REMINDER";
            case NOTICE, PAYMENT_DEMAND -> "COLLECTION_NOTICE";
        };
    }

    public SendDunningLetterWorker(DunningLetters letters) {
        this.letters = letters;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"invoiceId", "fee", "strategy", "timeZone"})
    public Map<String, Object> handle(ActivatedJob job, @Variable String invoiceId, @Variable Object fee,
                                      @Variable Map<String, Object> strategy, @Variable String timeZone) {
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId)) {
            LetterKind kind;
            BigDecimal tableFee;
            DunningStrategy parsed;
            try {
                kind = LetterKind.valueOf(job.getCustomHeaders().get("letterKind"));
                tableFee = fee == null ? BigDecimal.ZERO : new BigDecimal(fee.toString());
                parsed = DunningStrategy.of(strategy);
            } catch (RuntimeException e) {
                throw JobFailures.incident("Cannot send the letter: " + e.getMessage());
            }
            DunningLetters.Result result;
            try {
                result = letters.send(UUID.fromString(invoiceId), kind, tableFee, parsed, String.valueOf(job.getKey()));
            } catch (RuntimeException e) {
                throw JobFailures.retryLater(job, e);
            }
            return switch (result.outcome()) {
                case SENT, ALREADY_SENT -> {
                    Map<String, Object> variables = result.position().variables(ZoneId.of(timeZone));
                    variables.put("letterNumber", result.letterNumber());
                    variables.put("documentKind", documentKind(kind));
                    yield variables;
                }
                case INVOICE_SETTLED -> throw CamundaError.bpmnError(INVOICE_SETTLED, "Invoice " + invoiceId + " is settled");
                case BELOW_MINIMUM -> throw CamundaError.bpmnError(BELOW_MINIMUM,
                        "Invoice " + invoiceId + " is below the creditor's minimum amount for dunning");
            };
        }
    }
}
