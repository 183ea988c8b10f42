package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A payment that arrives in a bank file while the invoice's process waits ends that wait: no letter, no task left
 * open; money on a written-off invoice is a recovery.
 */
class BankPaymentProcessTest extends ApplicationTestSupport {

    private static final String ACCOUNT = "NO9386011117947";

    private record Claim(String creditor, String id, String reference, long process) {
    }

    private Claim claim(boolean priority, int dueInDays, String amount) {
        String creditor = creditorWithBankAccount("NO", "NOK", "nb", ACCOUNT, "INVOICE");
        JsonNode invoice = register(invoiceBody(creditor, priority ? "BUSINESS" : "PRIVATE", priority,
                today().plusDays(dueInDays), amount, "NOK"));
        return new Claim(creditor, invoice.get("id").asText(), invoice.get("paymentReference").asText(),
                invoice.get("processInstanceKey").asLong());
    }

    private JsonNode payByBankFile(Claim claim, String amount) {
        return importBankFile(claim.creditor(), CamtFiles.notification(Version.V02).messageId(unique("msg"))
                .account(ACCOUNT).currency("NOK")
                .entry(e -> e.credit(amount).servicerRef(unique("svc")).bookingDate(today())
                        .tx(t -> t.amount(amount).endToEnd(unique("e2e")).scor(claim.reference())))
                .xml());
    }

    @Test
    void aPaymentWhileTheFirstReminderWaitsEndsDunningWithNoLetter() {
        Claim claim = claim(false, 1, "1250.00");
        advance(Duration.ofDays(5));

        JsonNode summary = payByBankFile(claim, "1250.00");

        assertThat(summary.get("matched").asInt()).isEqualTo(1);
        awaitProcessCompleted(claim.process());
        advance(Duration.ofDays(60));
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(auditTypes(claim.id())).contains("DUNNING_STOPPED").doesNotContain("REMINDER_SENT", "NOTICE_SENT");
    }

    @Test
    void aPaymentWhileTheCollectionNoticeWaitsEndsDunningWithNoNotice() {
        Claim claim = claim(false, 1, "1250.00");
        advance(Duration.ofDays(20));
        awaitAudit(claim.id(), "REMINDER_SENT", 1);
        String outstanding = invoice(claim.id()).get("outstanding").asText();

        payByBankFile(claim, outstanding);

        awaitProcessCompleted(claim.process());
        advance(Duration.ofDays(60));
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(count(claim.id(), "REMINDER_SENT")).isEqualTo(1);
        assertThat(auditTypes(claim.id())).doesNotContain("NOTICE_SENT", "PAYMENT_DEMAND_SENT");
    }

    @Test
    void aPaymentWhileAPersonFollowsUpClosesTheTask() {
        Claim claim = claim(true, 1, "700.00");
        advance(Duration.ofDays(5));
        awaitUserTask(claim.process(), "key-account-managers");

        payByBankFile(claim, "700.00");

        awaitProcessCompleted(claim.process());
        assertThat(userTasks.openTasks(claim.process())).isEmpty();
        assertThat(invoice(claim.id()).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void moneyOnAWrittenOffInvoiceIsARecoveryNotCustomerCredit() {
        Claim claim = claim(false, 14, "900.00");
        ResponseEntity<JsonNode> writeOff = post("/api/v1/invoices/" + claim.id() + "/write-off",
                Map.of("reason", "Debtor unreachable"));
        assertThat(writeOff.getStatusCode().value()).as("%s", writeOff.getBody()).isEqualTo(200);
        awaitProcessCompleted(claim.process());

        JsonNode summary = payByBankFile(claim, "400.00");

        assertThat(summary.get("matched").asInt()).isEqualTo(1);
        String paymentId = rest.getForObject("/api/v1/payments?status=MATCHED&creditorId=" + claim.creditor(), JsonNode.class)
                .get(0).get("id").asText();
        JsonNode payment = rest.getForObject("/api/v1/payments/" + paymentId, JsonNode.class);
        assertThat(payment.get("allocations").get(0).get("recovery").asBoolean()).isTrue();
        assertThat(payment.get("creditedToCustomer").asText()).isEqualTo("0.00");
        JsonNode after = invoice(claim.id());
        assertThat(after.get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(claim.id())).contains("WRITTEN_OFF", "PAYMENT_RECOVERED").doesNotContain("CREDITED_TO_CUSTOMER");
    }
}
