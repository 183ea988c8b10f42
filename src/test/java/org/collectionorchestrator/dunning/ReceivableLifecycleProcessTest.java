package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
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

        advance(Duration.ofDays(10));         // DK business: first rykker 5 days after the due date
        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        JsonNode reminded = invoice(claim.id());
        assertThat(reminded.get("dunningStage").asText()).isEqualTo("REMINDER_1");
        assertThat(reminded.get("compensation").asText()).as("renteloven § 9 a: 310 DKK").isEqualTo("310.00");
        assertThat(reminded.get("fees").asText()).as("renteloven § 9 b: 100 DKK").isEqualTo("100.00");

        pay(claim.creditor(), claim.id(), reminded.get("outstanding").asText(), "DKK");
        awaitProcessCompleted(claim.process());
        advance(Duration.ofDays(40));

        assertThat(count(claim.id(), "REMINDER_SENT")).isEqualTo(1);
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aPartialPaymentPaysFeesAndInterestFirstAndDunningGoesOnForTheRest() {
        Registered claim = registered("NO", "PRIVATE", false, 1, "1000.00");

        advance(Duration.ofDays(17));
        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        JsonNode reminded = invoice(claim.id());
        BigDecimal costs = new BigDecimal(reminded.get("fees").asText()).add(new BigDecimal(reminded.get("interest").asText()));
        assertThat(reminded.get("fees").asText()).as("inkassoforskriften § 1-2: 38 NOK from 2026").isEqualTo("38.00");

        pay(claim.creditor(), claim.id(), "400.00", "NOK");
        JsonNode partial = invoice(claim.id());
        assertThat(partial.get("status").asText()).isEqualTo("OPEN");
        assertThat(partial.get("fees").asText()).isEqualTo("0.00");
        assertThat(partial.get("interest").asText()).isEqualTo("0.00");
        assertThat(new BigDecimal(partial.get("principal").asText()))
                .isEqualByComparingTo(new BigDecimal("1000.00").subtract(new BigDecimal("400.00").subtract(costs)));

        advance(Duration.ofDays(30));
        awaitAudit(claim.id(), "NOTICE_SENT", 1);
        pay(claim.creditor(), claim.id(), invoice(claim.id()).get("outstanding").asText(), "NOK");
        awaitProcessCompleted(claim.process());
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void priorityCustomerGetsPersonalFollowUpInsteadOfLetters() {
        Registered claim = registered("NO", "BUSINESS", true, 1, "92000.00");

        advance(Duration.ofDays(5));
        OpenUserTask followUp = awaitUserTask(claim.process(), "key-account-managers");
        assertThat(followUp.formKey()).isNotBlank();
        LocalDate due = LocalDate.parse(invoice(claim.id()).get("dueDate").asText());
        assertThat(followUp.dueDate()).as("due strategy.followUpDays after the due date").startsWith(due.plusDays(7).toString());
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
        assertThat(after.get("fees").asText()).isEqualTo("0.00");
        assertThat(auditTypes(claim.id())).contains("WRITTEN_OFF").doesNotContain("REMINDER_SENT", "FEE_ADDED", "NOTICE_SENT");
    }

    @Test
    void aPriorityFollowUpNotDoneInTimeEscalatesToCreditControlManagers() {
        Registered claim = registered("SE", "BUSINESS", true, 1, "25000.00");

        advance(Duration.ofDays(5));
        OpenUserTask followUp = awaitUserTask(claim.process(), "key-account-managers");
        assertThat(userTasks.openTasks(claim.process())).noneMatch(t -> t.candidateGroups().contains("credit-control-managers"));

        advance(Duration.ofDays(12));         // past strategy.escalationDays after the due date

        OpenUserTask escalated = awaitUserTask(claim.process(), "credit-control-managers");
        assertThat(escalated.elementId()).isEqualTo("Activity_EscalatedFollowUp");
        assertThat(userTasks.openTasks(claim.process())).extracting(OpenUserTask::userTaskKey).contains(followUp.userTaskKey());
        assertThat(count(claim.id(), "FEE_ADDED")).isZero();
    }

    @Test
    void aCustomerExcludedFromDunningIsFollowedUpManuallyWithTheReasonInTheAuditTrail() {
        String creditor = createCreditor("FI", "EUR", "fi");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(1), "300.00", "EUR");
        ((ObjectNode) body.get("customer")).put("manualFollowUpReason", "Estate of a deceased customer");
        JsonNode invoice = register(body);
        long process = invoice.get("processInstanceKey").asLong();

        advance(Duration.ofDays(5));
        OpenUserTask manual = awaitUserTask(process, "credit-control");
        assertThat(manual.elementId()).isEqualTo("Activity_FollowUpManually");
        advance(Duration.ofDays(60));

        String id = invoice.get("id").asText();
        assertThat(auditTypes(id)).contains("EXCLUDED_FROM_DUNNING").doesNotContain("REMINDER_SENT", "FEE_ADDED");
        assertThat(invoice(id).get("auditTrail").toString()).contains("Estate of a deceased customer");
    }

    @Test
    void paymentWhileCreditControlDecidesEndsTheProcessWithoutHandOver() {
        Registered claim = registered("NO", "BUSINESS", true, 1, "700.00");
        advance(Duration.ofDays(5));
        userTasks.complete(awaitUserTask(claim.process(), "key-account-managers").userTaskKey(), Map.of("followUpNote", "Promised"));
        awaitUserTask(claim.process(), "credit-control");

        pay(claim.creditor(), claim.id(), "700.00", "NOK");

        awaitProcessCompleted(claim.process());
        assertThat(completedElements(claim.process())).contains("EndEvent_DunningEnded");
        assertThat(userTasks.openTasks(claim.process())).isEmpty();
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void anInvoiceRegisteredAlreadyOverdueGetsItsFirstReminderFourteenDaysAfterTheDueDate() {
        Registered claim = registered("NO", "PRIVATE", false, -8, "1250.00");

        advance(Duration.ofDays(4));
        assertThat(count(claim.id(), "REMINDER_SENT")).as("NO: no fee-bearing reminder before 14 days after the due date").isZero();
        advance(Duration.ofDays(4));

        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        assertThat(invoice(claim.id()).get("fees").asText()).isEqualTo("38.00");
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
}
