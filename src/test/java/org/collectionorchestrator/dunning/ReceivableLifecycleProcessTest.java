package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.local.OpenUserTask;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The receivable-lifecycle process end to end on the in-memory engine: REST in, timers advanced, messages
 * correlated, user tasks completed, and the outcome read back from the API.
 */
class ReceivableLifecycleProcessTest extends ApplicationTestSupport {

    @Test
    void privateCustomerWhoPaysBeforeTheDueDateGetsNoReminder() {
        Registered claim = registered("NO", "PRIVATE", false, 10, "1250.00");

        JsonNode payment = pay(claim.creditor(), claim.id(), "1250.00", "NOK");

        assertThat(payment.get("status").asText()).isEqualTo("MATCHED");
        awaitProcessCompleted(claim.process());
        assertThat(completedElements(claim.process())).contains("EndEvent_DunningEnded");
        advance(Duration.ofDays(60));
        JsonNode after = invoice(claim.id());
        assertThat(after.get("status").asText()).isEqualTo("SETTLED");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(claim.id())).containsSubsequence("INVOICE_REGISTERED", "PAYMENT_APPLIED", "SETTLED")
                .doesNotContain("REMINDER_SENT");
    }

    @Test
    void businessCustomerPaysAfterTheFirstReminderAndDunningEnds() {
        Registered claim = registered("DK", "BUSINESS", false, 1, "5000.00");

        advance(Duration.ofDays(4));          // overdue (weekend and holidays included)
        advance(Duration.ofDays(10));         // DK business: first reminder 10 days after overdue
        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        assertThat(invoice(claim.id()).get("dunningStage").asText()).isEqualTo("REMINDER_1");

        pay(claim.creditor(), claim.id(), "5000.00", "DKK");
        awaitProcessCompleted(claim.process());
        advance(Duration.ofDays(40));

        assertThat(count(claim.id(), "REMINDER_SENT")).isEqualTo(1);
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void partialPaymentKeepsDunningOnTheRestUntilFullPayment() {
        Registered claim = registered("NO", "PRIVATE", false, 1, "1000.00");

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(claim.id(), "REMINDER_SENT", 1);

        pay(claim.creditor(), claim.id(), "400.00", "NOK");
        JsonNode partial = invoice(claim.id());
        assertThat(partial.get("status").asText()).isEqualTo("OPEN");
        assertThat(partial.get("outstanding").asText()).isEqualTo("600.00");

        advance(Duration.ofDays(14));
        awaitAudit(claim.id(), "REMINDER_SENT", 2);
        JsonNode second = lastReminder(claim.id());
        assertThat(second.get("outstanding").asText()).isEqualTo("600.00");
        assertThat(second.get("text").asText()).contains("600.00 NOK").contains("Purring 2");

        pay(claim.creditor(), claim.id(), "600.00", "NOK");
        awaitProcessCompleted(claim.process());
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(claim.id()).get("outstanding").asText()).isEqualTo("0.00");
    }

    @Test
    void priorityCustomerGetsPersonalFollowUpInsteadOfReminders() {
        Registered claim = registered("NO", "BUSINESS", true, 1, "92000.00");

        advance(Duration.ofDays(5));
        OpenUserTask followUp = awaitUserTask(claim.process(), "key-account-managers");
        assertThat(followUp.formKey()).isNotBlank();
        userTasks.complete(followUp.userTaskKey(), Map.of("followUpNote", "Called the CFO; pays next week", "customerContacted", true));

        OpenUserTask decision = awaitUserTask(claim.process(), "credit-control");
        advance(Duration.ofDays(60));
        assertThat(count(claim.id(), "REMINDER_SENT")).isZero();
        userTasks.complete(decision.userTaskKey(), Map.of("decision", "WRITE_OFF", "decisionNote", "Settled by agreement"));

        awaitProcessCompleted(claim.process());
        assertThat(completedElements(claim.process())).contains("EndEvent_InvoiceWrittenOff");
        JsonNode after = invoice(claim.id());
        assertThat(after.get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(claim.id())).contains("WRITTEN_OFF").doesNotContain("REMINDER_SENT");
    }

    @Test
    void privateCustomerWhoNeverPaysGetsAllRemindersThenCreditControlDecides() {
        Registered claim = registered("NO", "PRIVATE", false, 1, "300.00");

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        advance(Duration.ofDays(14));
        awaitAudit(claim.id(), "REMINDER_SENT", 2);
        advance(Duration.ofDays(14));      // the second reminder's deadline passes
        OpenUserTask decision = awaitUserTask(claim.process(), "credit-control");
        advance(Duration.ofDays(30));
        assertThat(count(claim.id(), "REMINDER_SENT")).as("NO private: two reminders at most").isEqualTo(2);

        userTasks.complete(decision.userTaskKey(), Map.of("decision", "HAND_OVER"));
        awaitProcessCompleted(claim.process());
        assertThat(completedElements(claim.process())).contains("EndEvent_ApprovedForHandOver");
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("COLLECTION_APPROVED");
        assertThat(invoice(claim.id()).get("outstanding").asText()).isEqualTo("300.00");
    }

    @Test
    void paymentWhileCreditControlDecidesEndsTheProcessWithoutHandOver() {
        Registered claim = registered("SE", "PRIVATE", false, 1, "700.00");

        advance(Duration.ofDays(5));
        advance(Duration.ofDays(14));
        awaitAudit(claim.id(), "REMINDER_SENT", 1);        // SE private: one reminder
        advance(Duration.ofDays(14));
        awaitUserTask(claim.process(), "credit-control");

        pay(claim.creditor(), claim.id(), "700.00", "SEK");

        awaitProcessCompleted(claim.process());
        assertThat(completedElements(claim.process())).contains("EndEvent_DunningEnded");
        assertThat(userTasks.openTasks(claim.process())).isEmpty();
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void anInvoiceRegisteredAlreadyOverdueGetsItsFirstReminderAfterTheStrategysDelay() {
        Registered claim = registered("NO", "PRIVATE", false, -8, "1250.00");

        advance(Duration.ofDays(13));
        assertThat(count(claim.id(), "REMINDER_SENT")).as("NO private waits 14 days from the overdue point").isZero();
        advance(Duration.ofDays(2));

        awaitAudit(claim.id(), "REMINDER_SENT", 1);
    }

    @Test
    void aDecisionTheWorkerCannotCarryOutBecomesAnIncidentAndChangesNothing() {
        Registered claim = registered("NO", "BUSINESS", true, 1, "500.00");
        advance(Duration.ofDays(5));
        userTasks.complete(awaitUserTask(claim.process(), "key-account-managers").userTaskKey(), Map.of("followUpNote", "No answer"));

        userTasks.complete(awaitUserTask(claim.process(), "credit-control").userTaskKey(), Map.of("decision", "MAYBE_LATER"));

        await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.of(engine).stream()
                .anyMatch(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
                        && ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == claim.process()
                        && ((IncidentRecordValue) r.getValue()).getErrorMessage().contains("MAYBE_LATER")));
        assertThat(processCompleted(claim.process())).isFalse();
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("OPEN");
        assertThat(invoice(claim.id()).get("outstanding").asText()).isEqualTo("500.00");
    }

    private record Registered(String creditor, String id, long process) {
    }

    /** A new creditor in {@code country} and one invoice of it, due {@code dueInDays} from today, with its process. */
    private Registered registered(String country, String segment, boolean priority, int dueInDays, String amount) {
        String currency = Country.valueOf(country).defaultCurrency();
        String creditor = createCreditor(country, currency, Country.valueOf(country).defaultLanguage());
        JsonNode invoice = register(invoiceBody(creditor, segment, priority, today().plusDays(dueInDays), amount, currency));
        return new Registered(creditor, invoice.get("id").asText(), invoice.get("processInstanceKey").asLong());
    }

    private JsonNode lastReminder(String invoiceId) {
        JsonNode last = null;
        for (JsonNode entry : invoice(invoiceId).get("auditTrail")) {
            if ("REMINDER_SENT".equals(entry.get("type").asText())) {
                last = entry;
            }
        }
        return last;
    }
}
