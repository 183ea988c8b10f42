package org.collectionorchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.collectionorchestrator.invoice.RegisterInvoice;
import org.collectionorchestrator.invoice.InvoiceService;
import org.collectionorchestrator.invoice.Segment;
import org.collectionorchestrator.payment.RegisterPayment;
import org.collectionorchestrator.payment.PaymentService;
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
 * Input PostgreSQL cannot store (NUL characters) or that makes no business sense (dates centuries away) is a 400
 * naming the field, never a 500, for invoices, payments and creditors, and also when a service is called directly
 * (as a message listener would).
 */
class UnstorableInputTest extends ApplicationTestSupport {

    private static final String NUL = "\u0000";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvoiceService invoiceService;
    @Autowired
    PaymentService paymentService;

    static Stream<Arguments> badInvoices() {
        return Stream.of(
                bad("NUL in creditor id", b -> b.put("creditorId", b.get("creditorId").asText() + NUL), "creditorId"),
                bad("NUL in invoice number", b -> b.put("invoiceNumber", "10" + NUL + "01"), "invoiceNumber"),
                bad("NUL in payment reference", b -> b.put("paymentReference", "12344" + NUL), "paymentReference"),
                bad("NUL in customer id", b -> customer(b).put("id", "c" + NUL), "customer.id"),
                bad("NUL in customer name", b -> customer(b).put("name", "Kari" + NUL + "Nordmann"), "customer.name"),
                bad("NUL in customer email", b -> customer(b).put("email", "kari" + NUL + "@example.no"), "customer.email"),
                bad("issue date before 1900", b -> b.put("issueDate", "1899-12-31"), "issueDate"),
                bad("due date after 2200", b -> b.put("issueDate", "2200-12-01").put("dueDate", "2201-01-01"), "dueDate"),
                bad("due date at the end of time", b -> b.put("dueDate", "+999999999-12-31"), "dueDate"),
                bad("issue date at the end of time", b -> b.put("issueDate", "+999999999-12-31").put("dueDate", "+999999999-12-31"), "issueDate"),
                bad("due date more than 10 years after issue", b -> b.put("dueDate",
                        LocalDate.parse(b.get("issueDate").asText()).plusYears(10).plusDays(1).toString()), "dueDate"));
    }

    private static ObjectNode customer(ObjectNode invoice) {
        return (ObjectNode) invoice.get("customer");
    }

    private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvoices")
    void anUnstorableInvoiceIsA400NamingTheField(String name, Consumer<ObjectNode> breakIt, String field) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        breakIt.accept(body);

        ResponseEntity<JsonNode> response = post("/api/v1/invoices", body);

        assertBadRequest(response, field);
        assertThat(rows("invoice", creditor)).isZero();
    }

    @Test
    void aDueDateExactlyTenYearsAfterIssueIsAccepted() {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "1250.00", "NOK");
        body.put("dueDate", LocalDate.parse(body.get("issueDate").asText()).plusYears(10).toString());

        assertThat(post("/api/v1/invoices", body).getStatusCode().value()).isEqualTo(201);
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                bad("NUL in creditor id", b -> b.put("creditorId", b.get("creditorId").asText() + NUL), "creditorId"),
                bad("NUL in payment reference", b -> b.put("paymentReference", "12344" + NUL), "paymentReference"),
                bad("NUL in bank transaction id", b -> b.put("bankTransactionId", "tx" + NUL), "bankTransactionId"),
                bad("booking date before 1900", b -> b.put("bookingDate", "1899-12-31"), "bookingDate"),
                bad("booking date after 2200", b -> b.put("bookingDate", "2201-01-01"), "bookingDate"),
                bad("booking date at the end of time", b -> b.put("bookingDate", "+999999999-12-31"), "bookingDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayments")
    void anUnstorablePaymentIsA400NamingTheField(String name, Consumer<ObjectNode> breakIt, String field) {
        String creditor = createCreditor("NO", "NOK", "nb");
        ObjectNode body = json.createObjectNode()
                .put("creditorId", creditor)
                .put("amount", "100.00")
                .put("currency", "NOK")
                .put("paymentReference", "27078413730011702")
                .put("bookingDate", today().toString())
                .put("bankTransactionId", unique("tx"));
        breakIt.accept(body);

        ResponseEntity<JsonNode> response = post("/api/v1/payments", body);

        assertBadRequest(response, field);
        assertThat(rows("payment", creditor)).isZero();
    }

    @Test
    void aNulInACreditorIsA400NamingTheField() {
        String id = unique("nul");
        ResponseEntity<JsonNode> response = rest.exchange("/api/v1/creditors/" + id, HttpMethod.PUT, jsonEntity(Map.of(
                "name", "Acme" + NUL + " AS", "country", "NO", "currency", "NOK", "language", "nb")), JsonNode.class);

        assertBadRequest(response, "name");
        assertThat(rest.getForEntity("/api/v1/creditors/" + id, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aNulInTheCreditorFilterOfTheInvoiceListIsA400() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/v1/invoices?creditorId={c}", JsonNode.class, "a" + NUL);

        assertBadRequest(response, "creditorId");
    }

    @Test
    void theServicesThemselvesRefuseUnstorableCommands() {
        String creditor = createCreditor("NO", "NOK", "nb");
        var invoice = new RegisterInvoice(creditor, unique("inv"),
                new RegisterInvoice.CustomerBody(unique("cust"), "Kari" + NUL, Segment.PRIVATE, false, "NO", "nb", null),
                today(), LocalDate.MAX, "NOK", new BigDecimal("10.00"), null);
        var payment = new RegisterPayment(creditor, new BigDecimal("10.00"), "NOK", "12344", null,
                LocalDate.of(1066, 10, 14), "tx" + NUL);

        Throwable invoiceRefusal = catchThrowable(() -> invoiceService.register(invoice));
        Throwable paymentRefusal = catchThrowable(() -> paymentService.register(payment));

        assertThat(invoiceRefusal).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) invoiceRefusal).fields()).extracting(InvalidRequestException.FieldProblem::field)
                .containsExactlyInAnyOrder("customer.name", "dueDate");
        assertThat(paymentRefusal).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) paymentRefusal).fields()).extracting(InvalidRequestException.FieldProblem::field)
                .containsExactlyInAnyOrder("bookingDate", "bankTransactionId");
        assertThat(rows("invoice", creditor)).isZero();
        assertThat(rows("payment", creditor)).isZero();
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    private long rows(String table, String creditor) {
        return jdbc.sql("select count(*) from " + table + " where creditor_id = :c").param("c", creditor).query(Long.class).single();
    }
}
