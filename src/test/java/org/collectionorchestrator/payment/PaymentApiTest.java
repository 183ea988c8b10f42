package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class PaymentApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;

    private ObjectNode payment(String creditor, String amount, String reference) {
        return json.createObjectNode()
                .put("creditorId", creditor)
                .put("amount", amount)
                .put("currency", "NOK")
                .put("paymentReference", reference)
                .put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
    }

    @Test
    void aPaymentByReferenceSettlesTheInvoice() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK")
                .put("paymentReference", "1234567897"));

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment(creditor, "1250.00", "1234 5678 97"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("invoiceId")).isEqualTo(invoice.get("id"));
        JsonNode after = invoice(invoice.get("id").asText());
        assertThat(after.get("status").asText()).isEqualTo("SETTLED");
        assertThat(after.get("outstanding").asText()).isEqualTo("0.00");
    }

    @Test
    void anOverpaymentIsCreditedToTheCustomerNotLost() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK").put("paymentReference", "12344");
        JsonNode invoice = register(body);

        JsonNode result = post("/api/v1/payments", payment(creditor, "1250.00", "12344")).getBody();

        assertThat(result.get("appliedToInvoice").asText()).isEqualTo("1000.00");
        assertThat(result.get("creditedToCustomer").asText()).isEqualTo("250.00");
        assertThat(invoice(invoice.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        String customer = body.get("customer").get("id").asText();
        assertThat(jdbc.sql("select -sum(amount) from ledger_entry where creditor_id = :c and customer_id = :cu and invoice_id is null")
                .param("c", creditor).param("cu", customer).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("250.00");
    }

    @Test
    void theSameBankTransactionTwiceIsAppliedOnce() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1000.00", "NOK")
                .put("paymentReference", "123456782"));
        ObjectNode payment = payment(creditor, "300.00", "123456782");

        ResponseEntity<JsonNode> first = post("/api/v1/payments", payment);
        ResponseEntity<JsonNode> second = post("/api/v1/payments", payment);
        ResponseEntity<JsonNode> changed = post("/api/v1/payments", payment.deepCopy().put("amount", "301.00"));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).isEqualTo("700.00");
    }

    @Test
    void aPaymentWithAnUnknownReferenceIsKeptAsUnmatched() {
        String creditor = createCreditor("NO", "NOK", "nb");

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment(creditor, "99.00", "27078413730011702"));

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(response.getBody().get("status").asText()).isEqualTo("UNMATCHED");
        assertThat(response.getBody().get("unmatchedReason").asText()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(jdbc.sql("select count(*) from payment where creditor_id = :c and status = 'UNMATCHED'")
                .param("c", creditor).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentInAnotherCurrencyIsNotAppliedButKept() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "500.00", "NOK"));
        ObjectNode payment = payment(creditor, "50.00", null).put("currency", "EUR").put("invoiceId", invoice.get("id").asText());
        payment.remove("paymentReference");

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment);

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(response.getBody().get("unmatchedReason").asText()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).isEqualTo("500.00");
    }

    @Test
    void aPaymentWithoutReferenceOrInvoiceIsRejected() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode payment = payment(creditor, "50.00", null);
        payment.remove("paymentReference");

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from payment where creditor_id = :c").param("c", creditor).query(Long.class).single()).isZero();
    }

    @Test
    void aNegativePaymentIsRejected() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment(creditor, "-5.00", "12344"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("amount");
    }
}
