package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.Map;
import org.collectionorchestrator.engine.EngineRecords;
import org.collectionorchestrator.engine.usertask.OpenUserTask;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The receivable-lifecycle process end to end on the in-memory engine: REST in, timers advanced, messages
 * correlated, user tasks completed, and the outcome read back from the API.
 */
class ReceivableLifecycleProcessTest extends ApplicationTestSupport {

    @Test
    void privateCustomerWhoPaysBeforeTheDueDateGetsNoReminder() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(10), "1250.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        JsonNode payment = pay(creditor, id, "1250.00", "NOK");

        assertThat(payment.get("status").asText()).isEqualTo("MATCHED");
        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_DunningEnded");
        advance(Duration.ofDays(60));
        JsonNode after = invoice(id);
        assertThat(after.get("status").asText()).isEqualTo("SETTLED");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(id)).containsSubsequence("INVOICE_REGISTERED", "PAYMENT_APPLIED", "SETTLED")
                .doesNotContain("REMINDER_SENT");
    }

    @Test
    void businessCustomerPaysAfterTheFirstReminderAndDunningEnds() {
        String creditor = createCreditor("DK", "DKK", "da");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(1), "5000.00", "DKK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(4));          // overdue (weekend and holidays included)
        advance(Duration.ofDays(10));         // DK business: first reminder 10 days after overdue
        awaitAudit(id, "REMINDER_SENT", 1);
        assertThat(invoice(id).get("dunningStage").asText()).isEqualTo("REMINDER_1");

        pay(creditor, id, "5000.00", "DKK");
        awaitProcessCompleted(process);
        advance(Duration.ofDays(40));

        assertThat(count(id, "REMINDER_SENT")).isEqualTo(1);
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void partialPaymentKeepsDunningOnTheRestUntilFullPayment() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(1), "1000.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(id, "REMINDER_SENT", 1);

        pay(creditor, id, "400.00", "NOK");
        JsonNode partial = invoice(id);
        assertThat(partial.get("status").asText()).isEqualTo("OPEN");
        assertThat(partial.get("outstanding").asText()).isEqualTo("600.00");

        advance(Duration.ofDays(14));
        awaitAudit(id, "REMINDER_SENT", 2);
        JsonNode second = lastReminder(id);
        assertThat(second.get("outstanding").asText()).isEqualTo("600.00");
        assertThat(second.get("text").asText()).contains("600.00 NOK").contains("Purring 2");

        pay(creditor, id, "600.00", "NOK");
        awaitProcessCompleted(process);
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("0.00");
    }

    @Test
    void priorityCustomerGetsPersonalFollowUpInsteadOfReminders() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", true, today().plusDays(1), "92000.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(5));
        OpenUserTask followUp = awaitUserTask(process, "key-account-managers");
        assertThat(followUp.formKey()).isNotBlank();
        userTasks.complete(followUp.userTaskKey(), Map.of("followUpNote", "Called the CFO; pays next week", "customerContacted", true));

        OpenUserTask decision = awaitUserTask(process, "credit-control");
        advance(Duration.ofDays(60));
        assertThat(count(id, "REMINDER_SENT")).isZero();
        userTasks.complete(decision.userTaskKey(), Map.of("decision", "WRITE_OFF", "decisionNote", "Settled by agreement"));

        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_InvoiceWrittenOff");
        JsonNode after = invoice(id);
        assertThat(after.get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(id)).contains("WRITTEN_OFF").doesNotContain("REMINDER_SENT");
    }

    @Test
    void privateCustomerWhoNeverPaysGetsAllRemindersThenCreditControlDecides() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(1), "300.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(id, "REMINDER_SENT", 1);
        advance(Duration.ofDays(14));
        awaitAudit(id, "REMINDER_SENT", 2);
        advance(Duration.ofDays(14));      // the second reminder's deadline passes
        OpenUserTask decision = awaitUserTask(process, "credit-control");
        advance(Duration.ofDays(30));
        assertThat(count(id, "REMINDER_SENT")).as("NO private: two reminders at most").isEqualTo(2);

        userTasks.complete(decision.userTaskKey(), Map.of("decision", "HAND_OVER"));
        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_ApprovedForHandOver");
        assertThat(invoice(id).get("status").asText()).isEqualTo("COLLECTION_APPROVED");
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("300.00");
    }

    @Test
    void paymentWhileCreditControlDecidesEndsTheProcessWithoutHandOver() {
        String creditor = createCreditor("SE", "SEK", "sv");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(1), "700.00", "SEK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(id, "REMINDER_SENT", 1);        // SE private: one reminder
        advance(Duration.ofDays(14));
        awaitUserTask(process, "credit-control");

        pay(creditor, id, "700.00", "SEK");

        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_DunningEnded");
        assertThat(userTasks.openTasks(process)).isEmpty();
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void anInvoiceRegisteredAlreadyOverdueGetsItsFirstReminderAfterTheStrategysDelay() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().minusDays(8), "1250.00", "NOK"));
        String id = invoice.get("id").asText();

        advance(Duration.ofDays(13));
        assertThat(count(id, "REMINDER_SENT")).as("NO private waits 14 days from the overdue point").isZero();
        advance(Duration.ofDays(2));

        awaitAudit(id, "REMINDER_SENT", 1);
    }

    @Test
    void aDecisionTheWorkerCannotCarryOutBecomesAnIncidentAndChangesNothing() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", true, today().plusDays(1), "500.00", "NOK"));
        String id = invoice.get("id").asText();
        long process = invoice.get("processInstanceKey").asLong();
        advance(Duration.ofDays(5));
        userTasks.complete(awaitUserTask(process, "key-account-managers").userTaskKey(), Map.of("followUpNote", "No answer"));

        userTasks.complete(awaitUserTask(process, "credit-control").userTaskKey(), Map.of("decision", "MAYBE_LATER"));

        await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.of(engine).stream()
                .anyMatch(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
                        && ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == process
                        && ((IncidentRecordValue) r.getValue()).getErrorMessage().contains("MAYBE_LATER")));
        assertThat(processCompleted(process)).isFalse();
        assertThat(invoice(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("500.00");
    }

    private JsonNode lastReminder(String id) {
        JsonNode last = null;
        for (JsonNode entry : invoice(id).get("auditTrail")) {
            if ("REMINDER_SENT".equals(entry.get("type").asText())) {
                last = entry;
            }
        }
        return last;
    }
}
