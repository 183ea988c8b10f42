package org.collectionorchestrator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/v1/invoices/{id}/write-off: the claim is given up, every component cleared, dunning ends. */
class WriteOffApiTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;

    private ResponseEntity<JsonNode> writeOff(String invoiceId, String reason) {
        return post("/api/v1/invoices/" + invoiceId + "/write-off", reason == null ? Map.of() : Map.of("reason", reason));
    }

    @Test
    void aWriteOffClearsEveryComponentOnceAndEndsDunning() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode registered = register(invoiceBody(creditor, "PRIVATE", false, today(), "1000.00", "NOK"));
        String invoiceId = registered.get("id").asText();
        advance(Duration.ofDays(20));
        awaitAudit(invoiceId, "REMINDER_SENT", 1);
        String owed = invoice(invoiceId).get("outstanding").asText();

        ResponseEntity<JsonNode> response = writeOff(invoiceId, "Debtor bankrupt, no dividend expected");

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        JsonNode invoice = response.getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(invoice.get("outstanding").asText()).isEqualTo("0.00");
        assertThat(writeOffComponents(invoiceId)).contains("PRINCIPAL", "FEES").doesNotHaveDuplicates();
        assertThat(writtenOff(invoiceId)).isEqualByComparingTo(new BigDecimal(owed).negate());
        JsonNode audit = lastAudit(invoice, "WRITTEN_OFF");
        assertThat(audit.toString()).contains("Debtor bankrupt, no dividend expected", "request");
        awaitProcessCompleted(registered.get("processInstanceKey").asLong());
        awaitAudit(invoiceId, "DUNNING_STOPPED", 1);

        ResponseEntity<JsonNode> again = writeOff(invoiceId, "Debtor bankrupt, no dividend expected");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(count(invoiceId, "WRITTEN_OFF")).isEqualTo(1);
        assertThat(writtenOff(invoiceId)).isEqualByComparingTo(new BigDecimal(owed).negate());
        advance(Duration.ofDays(60));
        assertThat(count(invoiceId, "REMINDER_SENT")).as("no letter after the write-off").isEqualTo(1);
    }

    @Test
    void aDisputedInvoiceWrittenOffLosesItsHoldAndItsTask() {
        String creditor = createCreditor("NO", "NOK", "nb");
        JsonNode registered = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "500.00", "NOK"));
        String invoiceId = registered.get("id").asText();
        long process = registered.get("processInstanceKey").asLong();
        assertThat(post("/api/v1/invoices/" + invoiceId + "/dispute", Map.of("reason", "Never delivered"))
                .getStatusCode().value()).isEqualTo(200);
        awaitUserTask(process, "credit-control");

        assertThat(writeOff(invoiceId, "Not worth pursuing").getStatusCode().value()).isEqualTo(200);

        awaitProcessCompleted(process);
        assertThat(userTasks.openTasks(process)).isEmpty();
        assertThat(jdbc.sql("select dunning_hold from invoice where id = cast(:id as uuid)").param("id", invoiceId)
                .query(String.class).optional()).isEmpty();
        assertThat(invoice(invoiceId).get("outstanding").asText()).isEqualTo("0.00");
    }

    @Test
    void closedUnknownAndReasonlessWriteOffsAreRefused() {
        String creditor = createCreditor("NO", "NOK", "nb");
        String settled = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")).get("id").asText();
        pay(creditor, settled, "100.00", "NOK");
        String open = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "NOK")).get("id").asText();

        ResponseEntity<JsonNode> closed = writeOff(settled, "Too late");
        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat(closed.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(writeOff(UUID.randomUUID().toString(), "Who?").getStatusCode().value()).isEqualTo(404);
        for (String reason : new String[] {null, " ", "x".repeat(501), "bad\u0007reason"}) {
            assertThat(writeOff(open, reason).getStatusCode().value()).as("reason %s", reason).isEqualTo(400);
        }
        assertThat(invoice(open).get("status").asText()).isEqualTo("OPEN");
        assertThat(invoice(settled).get("status").asText()).isEqualTo("SETTLED");
        assertThat(writeOffComponents(open)).isEmpty();
    }

    private List<String> writeOffComponents(String invoiceId) {
        return jdbc.sql("select component from ledger_entry where invoice_id = cast(:id as uuid) and entry_type = 'WRITE_OFF'")
                .param("id", invoiceId).query(String.class).list();
    }

    private BigDecimal writtenOff(String invoiceId) {
        return jdbc.sql("select sum(amount) from ledger_entry where invoice_id = cast(:id as uuid) and entry_type = 'WRITE_OFF'")
                .param("id", invoiceId).query(BigDecimal.class).single();
    }

}
