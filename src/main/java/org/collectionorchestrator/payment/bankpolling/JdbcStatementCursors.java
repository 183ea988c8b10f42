package org.collectionorchestrator.payment.bankpolling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.collectionorchestrator.payment.ImportSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StatementCursors} in {@code bank_statement_cursor} and {@code polled_bank_statement}. The import joins the
 * transaction opened here (it must not open its own), so cursor, record and booked payments commit together.
 */
@Repository
class JdbcStatementCursors implements StatementCursors {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    JdbcStatementCursors(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Optional<String> lastStatementId(String creditorId, String account) {
        return jdbc.sql("select last_statement_id from bank_statement_cursor where creditor_id = ? and account = ?")
                .params(creditorId, account)
                .query(String.class)
                .optional();
    }

    @Override
    public boolean alreadyImported(String creditorId, String account, String statementId) {
        return jdbc.sql("""
                        select count(*) from polled_bank_statement
                        where creditor_id = ? and account = ? and statement_id = ?""")
                .params(creditorId, account, statementId)
                .query(Integer.class).single() > 0;
    }

    @Override
    public Optional<ImportSummary> importOnce(String creditorId, String account, String statementId,
                                              Supplier<ImportSummary> importStatement) {
        return transaction.execute(status -> {
            lockAccount(creditorId, account);
            if (alreadyImported(creditorId, account, statementId)) {
                return Optional.empty();
            }
            ImportSummary summary = importStatement.get();
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("""
                            insert into polled_bank_statement
                                (creditor_id, account, statement_id, imported_at, message_id, payments_created)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(creditorId, account, statementId, now, summary == null ? null : summary.messageId(),
                            summary == null ? 0 : summary.paymentsCreated())
                    .update();
            jdbc.sql("""
                            update bank_statement_cursor set last_statement_id = ?, last_imported_at = ?
                            where creditor_id = ? and account = ?""")
                    .params(statementId, now, creditorId, account)
                    .update();
            return Optional.ofNullable(summary);
        });
    }

    private void lockAccount(String creditorId, String account) {
        jdbc.sql("insert into bank_statement_cursor (creditor_id, account) values (?, ?) on conflict do nothing")
                .params(creditorId, account)
                .update();
        jdbc.sql("select 1 from bank_statement_cursor where creditor_id = ? and account = ? for update")
                .params(creditorId, account)
                .query(Integer.class).single();
    }
}
