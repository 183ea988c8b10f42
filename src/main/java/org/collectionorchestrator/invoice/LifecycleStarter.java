package org.collectionorchestrator.invoice;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.calendar.BankCalendar;
import org.collectionorchestrator.creditor.Creditor;
import org.collectionorchestrator.creditor.CreditorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the receivable-lifecycle process for a registered invoice. The invoice is committed first; if the engine
 * cannot be reached then, the invoice stays without a process instance and {@link #startMissing()} retries it.
 */
@Component
public class LifecycleStarter {

    public static final String PROCESS_ID = "receivable-lifecycle";
    private static final Logger log = LoggerFactory.getLogger(LifecycleStarter.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final CamundaClient camunda;
    private final InvoiceRepository invoices;
    private final CreditorRepository creditors;
    private final BankCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    public LifecycleStarter(CamundaClient camunda, InvoiceRepository invoices, CreditorRepository creditors,
                            BankCalendar calendar, AuditTrail audit, Clock clock) {
        this.camunda = camunda;
        this.invoices = invoices;
        this.creditors = creditors;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts the process unless the invoice has one; returns false when the engine could not be reached. */
    public boolean start(UUID invoiceId) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow();
        if (invoice.processInstanceKey() != null || invoice.status() != InvoiceStatus.OPEN) {
            return true;
        }
        Creditor creditor = creditors.find(invoice.creditorId()).orElseThrow();
        try (var ignored = MDC.putCloseable("invoiceId", invoiceId.toString())) {
            ProcessInstanceEvent instance = camunda.newCreateInstanceCommand()
                    .bpmnProcessId(PROCESS_ID)
                    .latestVersion()
                    .variables(variables(invoice, creditor))
                    .requestTimeout(START_TIMEOUT)
                    .send()
                    .join();
            if (invoices.recordProcessInstance(invoiceId, instance.getProcessInstanceKey())) {
                audit.record(invoiceId, AuditEventType.PROCESS_STARTED,
                        Map.of("processInstanceKey", instance.getProcessInstanceKey()));
            } else {
                // A concurrent start won; keep one process per invoice.
                camunda.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not start the lifecycle process for invoice {}; will retry", invoiceId, e);
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${collection.lifecycle.restart-interval:PT30S}",
            initialDelayString = "${collection.lifecycle.restart-interval:PT30S}")
    public void startMissing() {
        for (UUID invoiceId : invoices.withoutProcess(clock.instant().minusSeconds(30), 100)) {
            if (!start(invoiceId)) {
                return;
            }
        }
    }

    Map<String, Object> variables(Invoice invoice, Creditor creditor) {
        var overdueAt = calendar.firstDayOverdue(creditor.country(), invoice.dueDate())
                .atStartOfDay(creditor.timeZone())
                .toOffsetDateTime();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("invoiceId", invoice.id().toString());
        variables.put("creditorId", invoice.creditorId());
        variables.put("invoiceNumber", invoice.invoiceNumber());
        variables.put("customerName", invoice.customer().name());
        variables.put("segment", invoice.customer().segment().name());
        variables.put("priority", invoice.customer().priority());
        variables.put("country", creditor.country().name());
        variables.put("currency", invoice.amount().currency().getCurrencyCode());
        variables.put("amount", invoice.amount().toPlainString());
        variables.put("dueDate", invoice.dueDate().toString());
        variables.put("overdueAt", overdueAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        variables.put("reminderNumber", 0);
        return variables;
    }
}
