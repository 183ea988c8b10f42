package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

import java.time.LocalDate;
import java.util.List;
import org.collectionorchestrator.local.OpenUserTask;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.collectionorchestrator.support.CamtFiles;
import org.collectionorchestrator.support.CamtFiles.Version;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bank files through POST /api/v1/bank-statements: booked, matched, reported, reversed, and never twice. */
class BankStatementImportTest extends ApplicationTestSupport {

    private static final String ACCOUNT = "NO9386011117947";

    @Autowired
    JdbcClient jdbc;

    private String creditorWithAccount(String target) {
        return creditorWithBankAccount("NO", "NOK", "nb", "NO93 8601 1117 947", target);
    }

    private JsonNode invoiceOf(String creditor, String amount, String customerId, LocalDate due) {
        ObjectNode body = invoiceBody(creditor, "PRIVATE", false, due, amount, "NOK");
        if (customerId != null) {
            ((ObjectNode) body.get("customer")).put("id", customerId);
        }
        return register(body);
    }

    private ResponseEntity<JsonNode> upload(String creditor, String xml) {
        return uploadBankFile(creditor, xml);
    }

    private JsonNode imported(String creditor, String xml) {
        return importBankFile(creditor, xml);
    }

    private long ledgerRows(String creditor) {
        return jdbc.sql("select count(*) from ledger_entry where creditor_id = :c").param("c", creditor).query(Long.class).single();
    }

    @Test
    void aNorwegianNotificationBooksItsCreditsReportsTheRestAndBooksNothingTheSecondTime() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode paidInFull = invoiceOf(creditor, "1000.00", null, today().plusDays(14));
        JsonNode paidInPart = invoiceOf(creditor, "800.00", null, today().plusDays(14));
        String xml = CamtFiles.notification(Version.V02).account(ACCOUNT).currency("NOK")
                .entry(e -> e.credit("1400.00").servicerRef("SVC-1").batch()
                        .tx(t -> t.amount("1000.00").endToEnd("E1").scor(paidInFull.get("paymentReference").asText()))
                        .tx(t -> t.amount("300.00").endToEnd("E2").scor(paidInPart.get("paymentReference").asText()))
                        .tx(t -> t.amount("100.00").endToEnd("E3").scor("27078413730011702")))
                .entry(e -> e.credit("50.00").pending().servicerRef("SVC-2"))
                .entry(e -> e.debit("75.00").servicerRef("SVC-3"))
                .xml();

        JsonNode summary = imported(creditor, xml);

        assertThat(summary.get("entries").asInt()).isEqualTo(3);
        assertThat(summary.get("paymentsCreated").asInt()).isEqualTo(3);
        assertThat(summary.get("matched").asInt()).isEqualTo(2);
        assertThat(summary.get("unmatched").asInt()).isEqualTo(1);
        assertThat(summary.get("duplicates").asInt()).isZero();
        assertThat(summary.get("ignored")).hasSize(2);
        assertThat(summary.get("ignored").toString()).contains("PDNG", "debit");
        assertThat(invoice(paidInFull.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        JsonNode partly = invoice(paidInPart.get("id").asText());
        assertThat(partly.get("status").asText()).isEqualTo("OPEN");
        assertThat(partly.get("outstanding").asText()).isEqualTo("500.00");
        JsonNode waiting = rest.getForObject("/api/v1/payments?status=UNMATCHED&creditorId=" + creditor, JsonNode.class);
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("amount").asText()).isEqualTo("100.00");
        long ledger = ledgerRows(creditor);

        JsonNode again = imported(creditor, xml);

        assertThat(again.get("paymentsCreated").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(ledgerRows(creditor)).isEqualTo(ledger);
        assertThat(invoice(paidInPart.get("id").asText()).get("outstanding").asText()).isEqualTo("500.00");
        awaitProcessCompleted(paidInFull.get("processInstanceKey").asLong());
    }

    @Test
    void theSameTransactionInTheStatementAfterItsNotificationIsADuplicate() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode invoice = invoiceOf(creditor, "500.00", null, today().plusDays(14));
        String reference = invoice.get("paymentReference").asText();
        imported(creditor, CamtFiles.notification(Version.V08).messageId("N-1").account(ACCOUNT)
                .entry(e -> e.credit("200.00").servicerRef("SVC-9").tx(t -> t.amount("200.00").servicerRef("TX-9").scor(reference)))
                .xml());

        JsonNode statement = imported(creditor, CamtFiles.statement(Version.V04).messageId("S-1").account(ACCOUNT)
                .entry(e -> e.credit("200.00").servicerRef("SVC-9").tx(t -> t.amount("200.00").servicerRef("TX-9").scor(reference)))
                .xml());

        assertThat(statement.get("duplicates").asInt()).isEqualTo(1);
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).isEqualTo("300.00");
    }

    @Test
    void matchesByRemittanceTextSplitsByReferredInvoicesAndFindsAPayerByNameAndAmount() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode byText = invoiceOf(creditor, "120.00", null, today().plusDays(14));
        JsonNode first = invoiceOf(creditor, "200.00", null, today().plusDays(14));
        JsonNode second = invoiceOf(creditor, "300.00", null, today().plusDays(14));
        JsonNode byName = invoiceOf(creditor, "777.00", null, today().plusDays(14));
        String xml = CamtFiles.notification(Version.V08).account(ACCOUNT)
                .entry(e -> e.credit("120.00").servicerRef("T1").tx(t -> t.amount("120.00")
                        .ustrd("Betaling faktura " + byText.get("invoiceNumber").asText() + " takk")))
                .entry(e -> e.credit("550.00").servicerRef("T2").tx(t -> t.amount("550.00")
                        .invoice(first.get("invoiceNumber").asText(), "200.00")
                        .invoice(second.get("invoiceNumber").asText(), "300.00")))
                .entry(e -> e.credit("777.00").servicerRef("T3").tx(t -> t.amount("777.00").debtor("NORDMANN KARI")))
                .xml();

        JsonNode summary = imported(creditor, xml);

        assertThat(summary.get("matched").asInt()).as("%s", summary).isEqualTo(3);
        assertThat(invoice(byText.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(first.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(second.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(byName.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        String split = jdbc.sql("select id::text from payment where creditor_id = :c and bank_transaction_id like 'r:T2%'")
                .param("c", creditor).query(String.class).single();
        JsonNode payment = rest.getForObject("/api/v1/payments/" + split, JsonNode.class);
        assertThat(payment.get("allocations")).hasSize(2);
        assertThat(payment.get("creditedToCustomer").asText()).isEqualTo("50.00");
    }

    @Test
    void aCustomerReferencePaysThatCustomersInvoicesOldestFirstAndTheRestIsCredit() {
        String creditor = creditorWithAccount("CUSTOMER");
        String customer = unique("cust");
        JsonNode newer = invoiceOf(creditor, "400.00", customer, today().plusDays(20));
        JsonNode older = invoiceOf(creditor, "300.00", customer, today().plusDays(10));
        String reference = older.get("paymentReference").asText();
        assertThat(newer.get("paymentReference").asText()).isEqualTo(reference);

        JsonNode summary = imported(creditor, CamtFiles.notification(Version.V02).account(ACCOUNT)
                .entry(e -> e.credit("750.00").servicerRef("C1").tx(t -> t.amount("750.00").scor(reference))).xml());

        assertThat(summary.get("matched").asInt()).isEqualTo(1);
        assertThat(invoice(older.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        assertThat(invoice(newer.get("id").asText()).get("status").asText()).isEqualTo("SETTLED");
        BigDecimalAssertions.credit(jdbc, creditor, customer, "50.00");
    }

    @Test
    void aReversalUndoesThePaymentAndReopensTheInvoiceWithANewProcess() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode invoice = invoiceOf(creditor, "650.00", null, today().plusDays(14));
        String id = invoice.get("id").asText();
        imported(creditor, CamtFiles.notification(Version.V08).account(ACCOUNT)
                .entry(e -> e.credit("650.00").servicerRef("P1").tx(t -> t.amount("650.00").endToEnd("E2E-R")
                        .scor(invoice.get("paymentReference").asText()))).xml());
        assertThat(invoice(id).get("status").asText()).isEqualTo("SETTLED");
        awaitProcessCompleted(invoice.get("processInstanceKey").asLong());
        String reversal = CamtFiles.notification(Version.V08).messageId("REV-1").account(ACCOUNT)
                .entry(e -> e.debit("650.00").reversal().servicerRef("R1")
                        .tx(t -> t.amount("650.00").endToEnd("E2E-R").returnReason("AC04"))).xml();

        JsonNode summary = imported(creditor, reversal);

        assertThat(summary.get("reversed").asInt()).isEqualTo(1);
        JsonNode reopened = awaitProcess(id);
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.get("outstanding").asText()).isEqualTo("650.00");
        assertThat(reopened.get("processInstanceKey").asLong()).isNotEqualTo(invoice.get("processInstanceKey").asLong());
        assertThat(auditTypes(id)).contains("PAYMENT_REVERSED", "REOPENED");
        JsonNode again = imported(creditor, reversal);
        assertThat(again.get("reversed").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("650.00");
    }

    @Test
    void aFileForAnotherAccountOrAHostileFileIsRefusedAndChangesNothing() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode invoice = invoiceOf(creditor, "100.00", null, today().plusDays(14));
        String reference = invoice.get("paymentReference").asText();
        String otherAccount = CamtFiles.notification(Version.V02).account("NO8330001234567")
                .entry(e -> e.credit("100.00").servicerRef("X1").tx(t -> t.amount("100.00").scor(reference))).xml();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">&x;</Document>""";
        String truncated = CamtFiles.notification(Version.V02).account(ACCOUNT)
                .entry(e -> e.credit("100.00").servicerRef("X2").tx(t -> t.amount("100.00").scor(reference))).xml();
        truncated = truncated.substring(0, truncated.length() - 60);

        ResponseEntity<JsonNode> wrongAccount = upload(creditor, otherAccount);
        ResponseEntity<JsonNode> hostile = upload(creditor, xxe);
        ResponseEntity<JsonNode> cut = upload(creditor, truncated);
        ResponseEntity<JsonNode> notXml = upload(creditor, "amount=100");

        assertThat(wrongAccount.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongAccount.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(hostile.getStatusCode().value()).isEqualTo(400);
        assertThat(cut.getStatusCode().value()).isEqualTo(400);
        assertThat(notXml.getStatusCode().value()).isEqualTo(400);
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).isEqualTo("100.00");
        assertThat(jdbc.sql("select count(*) from payment where creditor_id = :c").param("c", creditor)
                .query(Long.class).single()).isZero();
    }

    @Test
    void billionLaughsWrongNamespaceAndAnotherCurrencyAreRefusedAndAnEntryWithTooManyDecimalsIsQuarantined() {
        String creditor = creditorWithAccount("INVOICE");
        JsonNode invoice = invoiceOf(creditor, "100.00", null, today().plusDays(14));
        String reference = invoice.get("paymentReference").asText();
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">&lol2;</Document>""";
        String pain = CamtFiles.notification(Version.V02).namespace("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")
                .account(ACCOUNT).entry(e -> e.credit("100.00").servicerRef("N1").tx(t -> t.amount("100.00").scor(reference))).xml();
        String euro = CamtFiles.notification(Version.V02).account(ACCOUNT).currency("EUR")
                .entry(e -> e.credit("100.00").currency("EUR").servicerRef("E1").tx(t -> t.amount("100.00", "EUR").scor(reference))).xml();
        String decimals = CamtFiles.notification(Version.V02).account(ACCOUNT).currency("NOK")
                .entry(e -> e.credit("100.001").servicerRef("D1").tx(t -> t.amount("100.001").scor(reference)))
                .entry(e -> e.credit("30.00").servicerRef("D2").tx(t -> t.amount("30.00").scor(reference))).xml();

        assertThat(upload(creditor, laughs).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> wrongNamespace = upload(creditor, pain);
        assertThat(wrongNamespace.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongNamespace.getBody().get("detail").asText()).contains("pain.001");
        ResponseEntity<JsonNode> otherCurrency = upload(creditor, euro);
        assertThat(otherCurrency.getStatusCode().value()).isEqualTo(422);
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).isEqualTo("100.00");

        JsonNode summary = imported(creditor, decimals);

        assertThat(summary.get("quarantined")).hasSize(1);
        assertThat(summary.get("quarantined").get(0).get("reason").asText()).contains("decimals");
        assertThat(summary.get("paymentsCreated").asInt()).isEqualTo(1);
        assertThat(invoice(invoice.get("id").asText()).get("outstanding").asText()).as("only the sound entry booked")
                .isEqualTo("70.00");
    }

    @Test
    void aReversedUnmatchedPaymentIsReversedAndItsMatchPaymentTaskWithdrawn() {
        String creditor = creditorWithAccount("INVOICE");
        importBankFile(creditor, CamtFiles.notification(Version.V08).account(ACCOUNT)
                .entry(e -> e.credit("75.00").servicerRef("U1").tx(t -> t.amount("75.00").endToEnd("E2E-U")
                        .ustrd("no reference at all"))).xml());
        await().atMost(Duration.ofSeconds(20)).until(() -> matchPaymentTasks().size() == 1);
        String paymentId = rest.getForObject("/api/v1/payments?status=UNMATCHED&creditorId=" + creditor, JsonNode.class)
                .get(0).get("id").asText();

        JsonNode summary = importBankFile(creditor, CamtFiles.notification(Version.V08).messageId("REV-U").account(ACCOUNT)
                .entry(e -> e.debit("75.00").reversal().servicerRef("U2").tx(t -> t.amount("75.00").endToEnd("E2E-U"))).xml());

        assertThat(summary.get("reversed").asInt()).isEqualTo(1);
        assertThat(rest.getForObject("/api/v1/payments/" + paymentId, JsonNode.class).get("status").asText()).isEqualTo("REVERSED");
        await().atMost(Duration.ofSeconds(20)).until(() -> matchPaymentTasks().isEmpty());
    }

    private List<OpenUserTask> matchPaymentTasks() {
        return userTasks.openTasks().stream().filter(t -> t.elementId().equals("Activity_MatchPayment")).toList();
    }
}
