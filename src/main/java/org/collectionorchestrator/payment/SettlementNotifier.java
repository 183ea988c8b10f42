package org.collectionorchestrator.payment;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the lifecycle process that an invoice is settled, so dunning ends wherever it is. If the message cannot be
 * published, nothing is lost: every dunning worker re-checks the balance in PostgreSQL and ends the process itself.
 */
@Component
public class SettlementNotifier {

    public static final String INVOICE_SETTLED = "invoice-settled";
    private static final Logger log = LoggerFactory.getLogger(SettlementNotifier.class);

    private final CamundaClient camunda;

    public SettlementNotifier(CamundaClient camunda) {
        this.camunda = camunda;
    }

    public void invoiceSettled(UUID invoiceId) {
        try {
            camunda.newPublishMessageCommand()
                    .messageName(INVOICE_SETTLED)
                    .correlationKey(invoiceId.toString())
                    .messageId(INVOICE_SETTLED + ":" + invoiceId)
                    .timeToLive(Duration.ofHours(1))
                    .send()
                    .join(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("Could not publish {} for invoice {}; the dunning workers' balance check will end the process",
                    INVOICE_SETTLED, invoiceId, e);
        }
    }
}
