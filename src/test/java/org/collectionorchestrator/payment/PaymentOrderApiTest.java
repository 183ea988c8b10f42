package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.collectionorchestrator.ledger.Ledger;
import org.collectionorchestrator.ledger.LedgerEntryType;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments on invoices that carry fees, interest and compensation: paid in the creditor's order, the costs waived
 * once the principal is paid when the creditor says so, a residual within the tolerance written off.
 */
class PaymentOrderApiTest extends ApplicationTestSupport {

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    /** A creditor in Norway with these policy settings. */
    private String creditor(Map<String, Object> policy) {
        String id = unique("cred-policy");
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Creditor " + id, "country", "NO", "currency", "NOK", "language", "nb", "policy", policy)), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return id;
    }

    /**
     * Registers a 1000.00 NOK business invoice and charges fees 35.00, interest 12.50 and compensation 460.00 on it
     * directly (not yet due, so dunning adds nothing of its own).
     */
    private String invoiceWithCharges(String creditor) {
        String id = invoice(creditor, "1000.00");
        charge(creditor, id, LedgerEntryType.FEE, "35.00");
        charge(creditor, id, LedgerEntryType.INTEREST, "12.50");
        charge(creditor, id, LedgerEntryType.COMPENSATION, "460.00");
        return id;
    }

    private String invoice(String creditor, String amount) {
        return register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), amount, "NOK")).get("id").asText();
    }

    private void charge(String creditor, String invoiceId, LedgerEntryType type, String amount) {
        String customer = jdbc.sql("select customer_id from invoice where id = :id").param("id", UUID.fromString(invoiceId))
                .query(String.class).single();
        ledger.postOnInvoice(new Ledger.Account(creditor, customer), UUID.fromString(invoiceId), type,
                Money.of(amount, "NOK"), today(), "test charge");
    }

    /** principal / fees / interest / compensation / outstanding of the invoice view, checking that they add up. */
    private List<String> owed(String invoiceId) {
        JsonNode view = invoice(invoiceId);
        List<String> parts = Stream.of("principal", "fees", "interest", "compensation").map(f -> view.get(f).asText()).toList();
        BigDecimal sum = parts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(view.get("outstanding").asText())).as("outstanding is the sum of %s", parts).isEqualByComparingTo(sum);
        return Stream.concat(parts.stream(), Stream.of(view.get("outstanding").asText())).toList();
    }

    private static JsonNode last(JsonNode invoice, String type) {
        JsonNode found = null;
        for (JsonNode entry : invoice.get("auditTrail")) {
            if (entry.get("type").asText().equals(type)) {
                found = entry;
            }
        }
        assertThat(found).as("audit entry %s", type).isNotNull();
        return found;
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                // order; after paying 100.00 and then 500.00: principal, fees, interest, compensation, outstanding
                Arguments.of("COSTS_INTEREST_PRINCIPAL",
                        List.of("1000.00", "0.00", "12.50", "395.00", "1407.50"),
                        List.of("907.50", "0.00", "0.00", "0.00", "907.50")),
                Arguments.of("INTEREST_COSTS_PRINCIPAL",
                        List.of("1000.00", "0.00", "0.00", "407.50", "1407.50"),
                        List.of("907.50", "0.00", "0.00", "0.00", "907.50")),
                Arguments.of("PRINCIPAL_INTEREST_COSTS",
                        List.of("900.00", "35.00", "12.50", "460.00", "1407.50"),
                        List.of("400.00", "35.00", "12.50", "460.00", "907.50")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void partialPaymentsPayTheComponentsInTheCreditorsOrder(String order, List<String> afterFirst, List<String> afterSecond) {
        String creditor = creditor(Map.of("paymentOrder", order));
        String id = invoiceWithCharges(creditor);
        assertThat(owed(id)).containsExactly("1000.00", "35.00", "12.50", "460.00", "1507.50");

        JsonNode first = pay(creditor, id, "100.00", "NOK");
        assertThat(owed(id)).containsExactly(afterFirst.toArray(String[]::new));
        pay(creditor, id, "500.00", "NOK");
        assertThat(owed(id)).containsExactly(afterSecond.toArray(String[]::new));

        assertThat(first.get("appliedToInvoice").asText()).isEqualTo("100.00");
        JsonNode invoice = invoice(id);
        assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
        assertThat(last(invoice, "PAYMENT_APPLIED").get("outstanding").asText()).isEqualTo("907.50");
    }

    @Test
    void thePaymentAuditNamesWhatEachComponentReceived() {
        String creditor = creditor(Map.of());
        String id = invoiceWithCharges(creditor);

        pay(creditor, id, "100.00", "NOK");

        JsonNode paid = last(invoice(id), "PAYMENT_APPLIED").get("paid");
        assertThat(paid.get("fees").asText()).isEqualTo("35.00");
        assertThat(paid.get("compensation").asText()).isEqualTo("65.00");
        assertThat(paid.has("interest")).isFalse();
        assertThat(paid.has("principal")).isFalse();
    }

    @Test
    void anOverpaymentPaysEverythingAndTheRestIsCreditedToTheCustomer() {
        String creditor = creditor(Map.of("paymentOrder", "PRINCIPAL_INTEREST_COSTS"));
        String id = invoiceWithCharges(creditor);

        JsonNode result = pay(creditor, id, "1600.00", "NOK");

        assertThat(result.get("appliedToInvoice").asText()).isEqualTo("1507.50");
        assertThat(result.get("creditedToCustomer").asText()).isEqualTo("92.50");
        assertThat(owed(id)).containsExactly("0.00", "0.00", "0.00", "0.00", "0.00");
        JsonNode invoice = invoice(id);
        assertThat(invoice.get("status").asText()).isEqualTo("SETTLED");
        assertThat(last(invoice, "CREDITED_TO_CUSTOMER").get("amount").asText()).isEqualTo("92.50");
        String customer = invoice.get("customer").get("id").asText();
        assertThat(jdbc.sql("select -sum(amount) from ledger_entry where creditor_id = :c and customer_id = :cu and invoice_id is null")
                .param("c", creditor).param("cu", customer).query(BigDecimal.class).single()).isEqualByComparingTo("92.50");
    }

    @Test
    void withWaivingOnTheCostsLeftWhenThePrincipalIsPaidAreWrittenOffAndTheInvoiceSettles() {
        String creditor = creditor(Map.of("paymentOrder", "PRINCIPAL_INTEREST_COSTS", "waiveCostsWhenPrincipalPaid", true));
        String id = invoiceWithCharges(creditor);

        pay(creditor, id, "1000.00", "NOK");

        JsonNode invoice = invoice(id);
        assertThat(invoice.get("status").asText()).isEqualTo("SETTLED");
        assertThat(owed(id)).containsExactly("0.00", "0.00", "0.00", "0.00", "0.00");
        JsonNode waived = last(invoice, "COSTS_WAIVED");
        assertThat(waived.get("amount").asText()).isEqualTo("507.50");
        assertThat(waived.get("fees").asText()).isEqualTo("35.00");
        assertThat(waived.get("interest").asText()).isEqualTo("12.50");
        assertThat(waived.get("compensation").asText()).isEqualTo("460.00");
        assertThat(waived.has("principal")).isFalse();
        assertThat(auditTypes(id)).containsSubsequence("PAYMENT_APPLIED", "COSTS_WAIVED", "SETTLED");
        assertThat(writeOffs(id)).containsExactly("FEES -35.0000", "INTEREST -12.5000", "COMPENSATION -460.0000");
        awaitAudit(id, "DUNNING_STOPPED", 1);
    }

    @Test
    void withWaivingOffTheCostsLeftWhenThePrincipalIsPaidAreFollowedUp() {
        String creditor = creditor(Map.of("paymentOrder", "PRINCIPAL_INTEREST_COSTS", "waiveCostsWhenPrincipalPaid", false));
        String id = invoiceWithCharges(creditor);

        pay(creditor, id, "1000.00", "NOK");

        assertThat(invoice(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(owed(id)).containsExactly("0.00", "35.00", "12.50", "460.00", "507.50");
        assertThat(auditTypes(id)).doesNotContain("COSTS_WAIVED", "SETTLED");
        assertThat(writeOffs(id)).isEmpty();
    }

    @Test
    void withWaivingOnNothingIsWaivedWhileThePrincipalIsNotPaid() {
        String creditor = creditor(Map.of("waiveCostsWhenPrincipalPaid", true));
        String id = invoiceWithCharges(creditor);

        pay(creditor, id, "1000.00", "NOK");   // costs first: 492.50 of the principal is still owed

        assertThat(invoice(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(owed(id)).containsExactly("507.50", "0.00", "0.00", "0.00", "507.50");
        assertThat(auditTypes(id)).doesNotContain("COSTS_WAIVED");
    }

    static Stream<Arguments> tolerances() {
        return Stream.of(
                // tolerance, paid of 1000.00, residual written off (null: the invoice stays open)
                Arguments.of("10.00", "990.00", "10.00"),
                Arguments.of("10.00", "995.50", "4.50"),
                Arguments.of("10.00", "989.99", null),
                Arguments.of("0", "999.99", null),
                Arguments.of("0", "1000.00", null));
    }

    @ParameterizedTest(name = "tolerance {0}, paid {1}: written off {2}")
    @MethodSource("tolerances")
    void aResidualWithinTheToleranceIsWrittenOffAndTheInvoiceSettles(String tolerance, String paid, String writtenOff) {
        String creditor = creditor(Map.of("writeOffTolerance", tolerance));
        String id = invoice(creditor, "1000.00");

        pay(creditor, id, paid, "NOK");

        JsonNode invoice = invoice(id);
        boolean paidInFull = paid.equals("1000.00");
        if (writtenOff != null) {
            JsonNode entry = last(invoice, "RESIDUAL_WRITTEN_OFF");
            assertThat(entry.get("amount").asText()).isEqualTo(writtenOff);
            assertThat(entry.get("principal").asText()).isEqualTo(writtenOff);
            assertThat(writeOffs(id)).containsExactly("PRINCIPAL -" + writtenOff + "00");
            assertThat(auditTypes(id)).containsSubsequence("PAYMENT_APPLIED", "RESIDUAL_WRITTEN_OFF", "SETTLED");
        } else {
            assertThat(auditTypes(id)).doesNotContain("RESIDUAL_WRITTEN_OFF");
            assertThat(writeOffs(id)).isEmpty();
        }
        boolean settles = writtenOff != null || paidInFull;
        assertThat(invoice.get("status").asText()).isEqualTo(settles ? "SETTLED" : "OPEN");
        assertThat(invoice.get("outstanding").asText()).isEqualTo(settles ? "0.00"
                : new BigDecimal("1000.00").subtract(new BigDecimal(paid)).toPlainString());
    }

    @Test
    void theToleranceCountsEverythingOwedAndWritesOffEachComponentLeft() {
        String creditor = creditor(Map.of("writeOffTolerance", "50.00", "paymentOrder", "PRINCIPAL_INTEREST_COSTS"));
        String id = invoice(creditor, "1000.00");
        charge(creditor, id, LedgerEntryType.FEE, "35.00");

        pay(creditor, id, "990.00", "NOK");  // 10.00 principal and 35.00 fees left: 45.00 ≤ 50.00

        JsonNode entry = last(invoice(id), "RESIDUAL_WRITTEN_OFF");
        assertThat(entry.get("amount").asText()).isEqualTo("45.00");
        assertThat(entry.get("principal").asText()).isEqualTo("10.00");
        assertThat(entry.get("fees").asText()).isEqualTo("35.00");
        assertThat(owed(id)).containsExactly("0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aPaymentMatchedLaterIsAllocatedAndClosedTheSameWay() {
        String creditor = creditor(Map.of("paymentOrder", "PRINCIPAL_INTEREST_COSTS", "waiveCostsWhenPrincipalPaid", true));
        String id = invoiceWithCharges(creditor);
        ObjectNode unmatched = json.createObjectNode().put("creditorId", creditor).put("amount", "1000.00").put("currency", "NOK")
                .put("paymentReference", "27078413730011702").put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
        String paymentId = post("/api/v1/payments", unmatched).getBody().get("id").asText();

        ResponseEntity<JsonNode> matched = post("/api/v1/payments/" + paymentId + "/match", Map.of("invoiceId", id));

        assertThat(matched.getStatusCode().value()).isEqualTo(200);
        assertThat(owed(id)).containsExactly("0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(last(invoice(id), "COSTS_WAIVED").get("amount").asText()).isEqualTo("507.50");
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
    }

    private List<String> writeOffs(String invoiceId) {
        return jdbc.sql("select component, amount from ledger_entry where invoice_id = :id and entry_type = 'WRITE_OFF' order by id")
                .param("id", UUID.fromString(invoiceId))
                .query((rs, row) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString())
                .list();
    }
}
