package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.collectionorchestrator.payment.RegisterPayment;
import org.collectionorchestrator.payment.PaymentService;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A payment that arrives while a reminder job is being handled must win: no reminder for a paid invoice. */
class LetterRaceTest extends ApplicationTestSupport {

    static final Map<String, Object> STRATEGY_VARIABLE = strategy();
    static final DunningStrategy STRATEGY = DunningStrategy.of(STRATEGY_VARIABLE);

    private static Map<String, Object> strategy() {
        Map<String, Object> strategy = new java.util.HashMap<>();
        strategy.put("flow", "REMINDERS");
        strategy.put("reminders", 1);
        strategy.put("firstReminderDays", 14);
        strategy.put("daysBetweenLetters", 14);
        strategy.put("reminderPaymentDays", 14);
        strategy.put("reminderFee", true);
        strategy.put("notice", "NONE");
        return strategy;
    }

    @Autowired
    PaymentService payments;
    @Autowired
    DunningLetters letters;
    @Autowired
    SendDunningLetterWorker worker;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void reminderWaitingForTheInvoiceLockSeesThePaymentAndSendsNothing() throws Exception {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(30), "990.00", "NOK"));
        UUID id = UUID.fromString(invoice.get("id").asText());
        CountDownLatch paymentApplied = new CountDownLatch(1);
        CountDownLatch commitPayment = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> payment = threads.submit(() -> transaction.executeWithoutResult(status -> {
                payments.register(new RegisterPayment(creditor, new BigDecimal("990.00"), "NOK", null, id, today(),
                        unique("tx")));
                paymentApplied.countDown();
                awaitQuietly(commitPayment);
            }));
            assertThat(paymentApplied.await(10, TimeUnit.SECONDS)).isTrue();

            Future<DunningLetters.Result> reminder = threads.submit(() -> letters.send(id, LetterKind.REMINDER, BigDecimal.ZERO, STRATEGY, "job-1"));
            Thread.sleep(300);
            assertThat(reminder.isDone()).as("the reminder waits for the payment's lock on the invoice").isFalse();

            commitPayment.countDown();
            payment.get(10, TimeUnit.SECONDS);
            assertThat(reminder.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DunningLetters.Outcome.INVOICE_SETTLED);
        } finally {
            threads.shutdownNow();
        }
        assertThat(count(id.toString(), "REMINDER_SENT")).isZero();
        assertThat(invoice(id.toString()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aReminderJobDeliveredAfterThePaymentEndsDunningWithABpmnError() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(30), "450.00", "NOK"));
        String id = invoice.get("id").asText();
        pay(creditor, id, "450.00", "NOK");
        ActivatedJob staleJob = mock(ActivatedJob.class);
        when(staleJob.getRetries()).thenReturn(5);
        when(staleJob.getCustomHeaders()).thenReturn(Map.of("letterKind", "REMINDER"));

        assertThatThrownBy(() -> worker.handle(staleJob, id, 38, STRATEGY_VARIABLE, "Europe/Oslo"))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(SendDunningLetterWorker.INVOICE_SETTLED));
        assertThat(count(id, "REMINDER_SENT")).isZero();
        assertThat(count(id, "REMINDER_SKIPPED")).isEqualTo(1);
    }

    @Test
    void aRedeliveredReminderJobSendsTheReminderOnlyOnce() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(30), "120.00", "EUR"));
        UUID id = UUID.fromString(invoice.get("id").asText());

        assertThat(letters.send(id, LetterKind.REMINDER, new BigDecimal("12"), STRATEGY, "job-7").outcome())
                .isEqualTo(DunningLetters.Outcome.SENT);
        assertThat(letters.send(id, LetterKind.REMINDER, new BigDecimal("12"), STRATEGY, "job-7").outcome())
                .isEqualTo(DunningLetters.Outcome.ALREADY_SENT);

        assertThat(count(id.toString(), "REMINDER_SENT")).isEqualTo(1);
        assertThat(invoice(id.toString()).get("remindersSent").asInt()).isEqualTo(1);
        assertThat(rest.getForObject("/api/v1/invoices/" + id + "/letters", JsonNode.class)).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
