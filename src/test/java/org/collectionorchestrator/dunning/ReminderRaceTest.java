package org.collectionorchestrator.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.time.Period;
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
class ReminderRaceTest extends ApplicationTestSupport {

    @Autowired
    PaymentService payments;
    @Autowired
    ReminderService reminders;
    @Autowired
    SendReminderWorker worker;
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

            Future<ReminderService.Outcome> reminder = threads.submit(() -> reminders.send(id, 1, Period.ofDays(14)));
            Thread.sleep(300);
            assertThat(reminder.isDone()).as("the reminder waits for the payment's lock on the invoice").isFalse();

            commitPayment.countDown();
            payment.get(10, TimeUnit.SECONDS);
            assertThat(reminder.get(10, TimeUnit.SECONDS)).isEqualTo(ReminderService.Outcome.INVOICE_SETTLED);
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

        assertThatThrownBy(() -> worker.handle(staleJob, id, 1, Map.of("reminderDelay", "P14D")))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(SendReminderWorker.INVOICE_SETTLED));
        assertThat(count(id, "REMINDER_SENT")).isZero();
        assertThat(count(id, "REMINDER_SKIPPED")).isEqualTo(1);
    }

    @Test
    void aRedeliveredReminderJobSendsTheReminderOnlyOnce() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(30), "120.00", "EUR"));
        UUID id = UUID.fromString(invoice.get("id").asText());

        assertThat(reminders.send(id, 1, Period.ofDays(10))).isEqualTo(ReminderService.Outcome.SENT);
        assertThat(reminders.send(id, 1, Period.ofDays(10))).isEqualTo(ReminderService.Outcome.ALREADY_SENT);

        assertThat(count(id.toString(), "REMINDER_SENT")).isEqualTo(1);
        assertThat(invoice(id.toString()).get("remindersSent").asInt()).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
