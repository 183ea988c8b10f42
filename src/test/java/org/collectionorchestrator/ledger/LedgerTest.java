package org.collectionorchestrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.collectionorchestrator.support.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerTest extends ApplicationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void ledgerEntriesCanBeNeitherChangedNorDeleted() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "BUSINESS", false, today().plusDays(14), "80.00", "EUR"));
        UUID id = UUID.fromString(invoice.get("id").asText());

        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount = 0 where invoice_id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where invoice_id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(invoice(id.toString()).get("outstanding").asText()).isEqualTo("80.00");
    }

    @Test
    void theBalanceIsTheSumOfPrincipalAndPayments() {
        String creditor = createCreditor("FI", "EUR", "fi");
        JsonNode invoice = register(invoiceBody(creditor, "PRIVATE", false, today().plusDays(14), "100.00", "EUR"));
        String id = invoice.get("id").asText();

        pay(creditor, id, "30.00", "EUR");
        pay(creditor, id, "20.50", "EUR");

        assertThat(invoice(id).get("outstanding").asText()).isEqualTo("49.50");
        assertThat(jdbc.sql("select count(*) from ledger_entry where invoice_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(3);
    }
}
