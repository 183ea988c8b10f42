package org.collectionorchestrator.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a customer's own account (credit from over-payments) in tests. */
final class BigDecimalAssertions {

    private BigDecimalAssertions() {
    }

    static void credit(JdbcClient jdbc, String creditor, String customer, String expected) {
        BigDecimal balance = jdbc.sql("""
                        select coalesce(-sum(amount), 0) from ledger_entry
                         where creditor_id = :c and customer_id = :k and invoice_id is null""")
                .param("c", creditor).param("k", customer).query(BigDecimal.class).single();
        assertThat(balance).isEqualByComparingTo(expected);
    }
}
