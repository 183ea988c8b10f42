package org.collectionorchestrator.payment.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.collectionorchestrator.local.EngineRecords;
import org.collectionorchestrator.local.OpenUserTask;
import org.collectionorchestrator.local.UserTaskNotFoundException;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An unmatched payment waits in "Match payment" for credit control, and is booked or refunded once. */
class PaymentMatchingProcessTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTaskListsCandidatesAndBookingOnOneLowersItsBalanceOnce() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String other = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "900.00", "NOK")).get("id").asText();
        String fitting = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK")).get("id").asText();
        register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "500.00", "EUR"));
        String paymentId = unmatchedPayment(creditor, "1250.00", "NOK").get("id").asText();

        long process = processOf(paymentId);
        OpenUserTask task = awaitUserTask(process, "credit-control");

        assertThat(task.elementId()).isEqualTo("Activity_MatchPayment");
        JsonNode candidates = variable(process, "candidates");
        assertThat(StreamSupport.stream(candidates.spliterator(), false).map(c -> c.get("invoiceId").asText()).toList())
                .as("only the creditor's NOK invoices, the one with the same amount first").containsExactly(fitting, other);
        assertThat(candidates.get(0).get("outstanding").asText()).isEqualTo("1250.00");
        assertThat(candidates.get(0).get("customerName").asText()).isEqualTo("Kari Nordmann");
        assertThat(variable(process, "candidateOptions").get(0).get("value").asText()).isEqualTo(fitting);

        userTasks.complete(task.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", fitting));

        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_PaymentBooked");
        JsonNode payment = payment(paymentId);
        assertThat(payment.get("status").asText()).isEqualTo("MATCHED");
        assertThat(payment.get("invoiceId").asText()).isEqualTo(fitting);
        assertThat(invoice(fitting).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(other).get("outstanding").asText()).isEqualTo("900.00");
        assertThat(paymentEntries(fitting)).isEqualTo(1);
        assertThatThrownBy(() -> userTasks.complete(task.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", fitting)))
                .as("a second completion is refused").isInstanceOf(UserTaskNotFoundException.class);
        assertThatThrownBy(() -> userTasks.complete(task.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", other)))
                .isInstanceOf(UserTaskNotFoundException.class);
        assertThat(paymentEntries(fitting)).as("booked once").isEqualTo(1);
        assertThat(paymentEntries(other)).isZero();
    }

    @Test
    void aPartialPaymentBookedFromTheTaskLowersTheBalanceAndDunningGoesOn() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode registered = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK"));
        String invoiceId = registered.get("id").asText();
        String paymentId = unmatchedPayment(creditor, "300.00", "NOK").get("id").asText();
        long process = processOf(paymentId);

        userTasks.complete(awaitUserTask(process, "credit-control").userTaskKey(),
                Map.of("matchDecision", "BOOK", "invoiceToBook", invoiceId, "matchNote", "Customer phoned"));

        awaitProcessCompleted(process);
        assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo("700.00");
        assertThat(invoice(invoiceId).get("status").asText()).isEqualTo("OPEN");
        assertThat(processCompleted(registered.get("processInstanceKey").asLong())).as("dunning goes on").isFalse();
    }

    @Test
    void aRefundMarksThePaymentAndBooksNothing() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "777.00", "NOK").get("id").asText();
        long process = processOf(paymentId);

        userTasks.complete(awaitUserTask(process, "credit-control").userTaskKey(),
                Map.of("matchDecision", "REFUND", "matchNote", "Paid to the wrong creditor"));

        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_RefundRequested");
        assertThat(payment(paymentId).get("status").asText()).isEqualTo("REFUND_REQUESTED");
        assertThat(jdbc.sql("select refund_note from payment where id = cast(:id as uuid)").param("id", paymentId)
                .query(String.class).single()).isEqualTo("Paid to the wrong creditor");
        assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo("1000.00");
        ResponseEntity<JsonNode> match = post("/api/v1/payments/" + paymentId + "/match", Map.of("invoiceId", invoiceId));
        assertThat(match.getStatusCode().value()).as("%s", match.getBody()).isEqualTo(409);
        assertThat(paymentEntries(invoiceId)).isZero();
    }

    @Test
    void aPaymentMatchedOverRestWhileTheTaskIsOpenWithdrawsTheTask() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "1000.00", "NOK").get("id").asText();
        long process = processOf(paymentId);
        OpenUserTask task = awaitUserTask(process, "credit-control");

        ResponseEntity<JsonNode> match = post("/api/v1/payments/" + paymentId + "/match", Map.of("invoiceId", invoiceId));

        assertThat(match.getStatusCode().value()).as("%s", match.getBody()).isEqualTo(200);
        awaitProcessCompleted(process);
        assertThat(completedElements(process)).contains("EndEvent_MatchedElsewhere");
        assertThat(userTasks.openTasks(process)).isEmpty();
        assertThatThrownBy(() -> userTasks.complete(task.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", invoiceId)))
                .isInstanceOf(UserTaskNotFoundException.class);
        assertThat(paymentEntries(invoiceId)).isEqualTo(1);
        assertThat(invoice(invoiceId).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aPaymentMatchedBeforeItsTaskExistsLeavesNoTaskBehind() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "250.00", "NOK").get("id").asText();

        assertThat(post("/api/v1/payments/" + paymentId + "/match", Map.of("invoiceId", invoiceId)).getStatusCode().value())
                .isEqualTo(200);

        long process = processOf(paymentId);
        awaitProcessCompleted(process);
        assertThat(completedElements(process)).containsAnyOf("EndEvent_AlreadyHandled", "EndEvent_MatchedElsewhere");
        assertThat(userTasks.openTasks(process)).isEmpty();
        assertThat(paymentEntries(invoiceId)).isEqualTo(1);
    }

    @Test
    void anInvoiceThatCannotTakeThePaymentBringsTheTaskBackWithFreshCandidates() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String otherCreditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String foreign = register(invoiceBody(otherCreditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "400.00", "NOK").get("id").asText();
        long process = processOf(paymentId);
        OpenUserTask first = awaitUserTask(process, "credit-control");

        userTasks.complete(first.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", foreign));

        OpenUserTask again = await().atMost(Duration.ofSeconds(20)).until(
                () -> userTasks.openTasks(process), tasks -> !tasks.isEmpty()).getFirst();
        assertThat(again.userTaskKey()).isNotEqualTo(first.userTaskKey());
        assertThat(payment(paymentId).get("status").asText()).isEqualTo("UNMATCHED");
        assertThat(paymentEntries(foreign)).isZero();

        userTasks.complete(again.userTaskKey(), Map.of("matchDecision", "BOOK", "invoiceToBook", invoiceId));
        awaitProcessCompleted(process);
        assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo("600.00");
    }


    private JsonNode payment(String paymentId) {
        return rest.getForObject("/api/v1/payments/" + paymentId, JsonNode.class);
    }

    /** The "Match payment" instance started for the payment. */
    private long processOf(String paymentId) {
        String value = "\"" + paymentId + "\"";
        return await().atMost(Duration.ofSeconds(20)).until(() -> variables().stream()
                        .filter(v -> v.getName().equals("paymentId") && v.getValue().equals(value)
                                && v.getBpmnProcessId().equals(UnmatchedPayments.PROCESS_ID))
                        .map(VariableRecordValue::getProcessInstanceKey).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** The latest value of a process variable. */
    private JsonNode variable(long processInstanceKey, String name) {
        String value = variables().stream()
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getName().equals(name))
                .reduce((first, second) -> second).orElseThrow().getValue();
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<VariableRecordValue> variables() {
        return EngineRecords.of(engine).stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (VariableRecordValue) r.getValue())
                .toList();
    }

    private long paymentEntries(String invoiceId) {
        return jdbc.sql("select count(*) from ledger_entry where invoice_id = cast(:id as uuid) and entry_type = 'PAYMENT'")
                .param("id", invoiceId).query(Long.class).single();
    }
}
