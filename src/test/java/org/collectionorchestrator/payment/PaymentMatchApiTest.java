package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An UNMATCHED payment is matched to an invoice later, on its own row, booked exactly once. */
class PaymentMatchApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;


    private ResponseEntity<JsonNode> match(String paymentId, String invoiceId) {
        return post("/api/v1/payments/" + paymentId + "/match", Map.of("invoiceId", invoiceId));
    }

    @Test
    void anUnmatchedPaymentMatchedLaterSettlesTheInvoiceAndCreditsTheExcess() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK"));
        String invoiceId = invoice.get("id").asText();
        JsonNode payment = unmatchedPayment(creditor, "1250.00", "NOK");
        String paymentId = payment.get("id").asText();

        ResponseEntity<JsonNode> response = match(paymentId, invoiceId);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        JsonNode matched = response.getBody();
        assertThat(matched.get("id").asText()).isEqualTo(paymentId);
        assertThat(matched.get("status").asText()).isEqualTo("MATCHED");
        assertThat(matched.get("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(matched.get("appliedToInvoice").asText()).isEqualTo("1000.00");
        assertThat(matched.get("creditedToCustomer").asText()).isEqualTo("250.00");
        assertThat(matched.get("unmatchedReason").isNull()).isTrue();
        assertThat(rest.getForObject("/api/v1/payments/" + paymentId, JsonNode.class)).isEqualTo(matched);

        JsonNode after = invoice(invoiceId);
        assertThat(after.get("status").asText()).isEqualTo("SETTLED");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(auditTypes(invoiceId)).contains("PAYMENT_APPLIED", "CREDITED_TO_CUSTOMER", "SETTLED");
        assertThat(paymentsOf(creditor)).as("the existing row is matched, no new one").isEqualTo(1);
        assertThat(paymentEntries(invoiceId)).isEqualTo(1);
        awaitProcessCompleted(invoice.get("processInstanceKey").asLong());
    }

    @Test
    void aPartialPaymentMatchedLaterLowersTheBalance() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "300.00", "NOK").get("id").asText();

        JsonNode matched = match(paymentId, invoiceId).getBody();

        assertThat(matched.get("appliedToInvoice").asText()).isEqualTo("300.00");
        assertThat(matched.get("creditedToCustomer").asText()).isEqualTo("0.00");
        JsonNode after = invoice(invoiceId);
        assertThat(after.get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("outstanding").asText()).isEqualTo("700.00");
        assertThat(count(invoiceId, "SETTLED")).isZero();
    }

    @Test
    void aSecondMatchIsIdempotentToTheSameInvoiceAndAConflictToAnother() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String otherId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "400.00", "NOK").get("id").asText();
        JsonNode first = match(paymentId, invoiceId).getBody();

        ResponseEntity<JsonNode> again = match(paymentId, invoiceId);
        ResponseEntity<JsonNode> elsewhere = match(paymentId, otherId);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(409);
        assertThat(elsewhere.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo("600.00");
        assertThat(invoice(otherId).get("outstanding").asText()).isEqualTo("1000.00");
        assertThat(paymentEntries(invoiceId)).isEqualTo(1);
    }

    @Test
    void aPaymentMatchedAtRegistrationCannotBeMatchedToAnotherInvoice() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String otherId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = pay(creditor, invoiceId, "100.00", "NOK").get("id").asText();

        assertThat(match(paymentId, otherId).getStatusCode().value()).isEqualTo(409);
        assertThat(match(paymentId, invoiceId).getStatusCode().value()).isEqualTo(200);
        assertThat(paymentEntries(invoiceId)).isEqualTo(1);
        assertThat(paymentEntries(otherId)).isZero();
    }

    @Test
    void unknownPaymentsAndUnsuitableInvoicesAreRefusedWithAProblem() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String otherCreditor = createCreditor("NO", "NOK", "nb");
        String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String foreignInvoiceId = register(invoiceBody(otherCreditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
        String paymentId = unmatchedPayment(creditor, "100.00", "NOK").get("id").asText();
        String euroPaymentId = unmatchedPayment(creditor, "100.00", "EUR").get("id").asText();

        assertProblem(match(UUID.randomUUID().toString(), invoiceId), 404);
        assertThat(rest.getForEntity("/api/v1/payments/" + UUID.randomUUID(), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertProblem(match(paymentId, foreignInvoiceId), 422);
        assertProblem(match(paymentId, UUID.randomUUID().toString()), 422);
        assertProblem(match(euroPaymentId, invoiceId), 422);
        assertProblem(post("/api/v1/payments/" + paymentId + "/match", Map.of()), 400);

        assertThat(rest.getForObject("/api/v1/payments/" + paymentId, JsonNode.class).get("status").asText()).isEqualTo("UNMATCHED");
        assertThat(rest.getForObject("/api/v1/payments/" + euroPaymentId, JsonNode.class).get("status").asText()).isEqualTo("UNMATCHED");
        assertThat(paymentEntries(invoiceId)).isZero();
        assertThat(paymentEntries(foreignInvoiceId)).isZero();
    }

    @Test
    void twoMatchesOfOnePaymentAtOnceBookItOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String creditor = createCreditor("NO", "NOK", "nb");
            String invoiceId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
            String otherId = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")).get("id").asText();
            String samePayment = unmatchedPayment(creditor, "250.00", "NOK").get("id").asText();
            String contestedPayment = unmatchedPayment(creditor, "50.00", "NOK").get("id").asText();

            List<Integer> same = together(() -> match(samePayment, invoiceId), () -> match(samePayment, invoiceId));
            List<Integer> contested = together(() -> match(contestedPayment, invoiceId), () -> match(contestedPayment, otherId));

            assertThat(same).as("round %s", round).containsExactly(200, 200);
            assertThat(contested).as("round %s", round).containsExactlyInAnyOrder(200, 409);
            String winner = rest.getForObject("/api/v1/payments/" + contestedPayment, JsonNode.class).get("invoiceId").asText();
            assertThat(paymentEntries(invoiceId)).isEqualTo(invoiceId.equals(winner) ? 2 : 1);
            assertThat(paymentEntries(otherId)).isEqualTo(otherId.equals(winner) ? 1 : 0);
            assertThat(count(invoiceId, "PAYMENT_APPLIED")).isEqualTo(invoiceId.equals(winner) ? 2 : 1);
            assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo(invoiceId.equals(winner) ? "700.00" : "750.00");
        }
    }

    private void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    private long paymentsOf(String creditor) {
        return jdbc.sql("select count(*) from payment where creditor_id = :c").param("c", creditor).query(Long.class).single();
    }

    private long paymentEntries(String invoiceId) {
        return jdbc.sql("select count(*) from ledger_entry where invoice_id = cast(:i as uuid) and entry_type = 'PAYMENT'")
                .param("i", invoiceId).query(Long.class).single();
    }

}
