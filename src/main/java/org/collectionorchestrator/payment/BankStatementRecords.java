package org.collectionorchestrator.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imported bank files and what each of their lines came to: the bank's side of reconciliation. */
@Repository
class BankStatementRecords {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate template;
    private final Clock clock;

    BankStatementRecords(JdbcClient jdbc, NamedParameterJdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** One line of a statement as stored: a transaction of an entry and its outcome. */
    record Row(int line, String entry, String transactionKey, BigDecimal amount, String currency,
               boolean credit, String status, boolean reversal, LocalDate bookingDate, String outcome,
               String reason, UUID paymentId) {
    }

    UUID insertStatement(String creditorId, String account, String messageId, String messageType, String reportId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into bank_statement (id, creditor_id, account, message_id, message_type, report_id, imported_at)
                        values (:id, :creditor, :account, :message, :type, :report, :now)""")
                .param("id", id)
                .param("creditor", creditorId)
                .param("account", account)
                .param("message", messageId)
                .param("type", messageType)
                .param("report", reportId)
                .param("now", OffsetDateTime.now(clock))
                .update();
        return id;
    }

    void insertLines(UUID statementId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                        insert into bank_statement_line (statement_id, line, entry, transaction_key, amount, currency, credit,
                                                         status, reversal, booking_date, outcome, reason, payment_id)
                        values (:statement, :line, :entry, :key, :amount, :currency, :credit, :status, :reversal, :booking,
                                :outcome, :reason, :payment)""",
                rows.stream().map(r -> new MapSqlParameterSource()
                        .addValue("statement", statementId)
                        .addValue("line", r.line())
                        .addValue("entry", truncate(r.entry(), 80))
                        .addValue("key", r.transactionKey())
                        .addValue("amount", r.amount())
                        .addValue("currency", r.currency())
                        .addValue("credit", r.credit())
                        .addValue("status", truncate(r.status(), 8))
                        .addValue("reversal", r.reversal())
                        .addValue("booking", r.bookingDate())
                        .addValue("outcome", r.outcome())
                        .addValue("reason", truncate(r.reason(), 200))
                        .addValue("payment", r.paymentId())).toArray(MapSqlParameterSource[]::new));
    }

    /** Reversal lines of earlier files with these keys: a reversal applied once is not applied again. */
    Set<String> appliedReversals(String creditorId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select l.transaction_key from bank_statement_line l join bank_statement s on s.id = l.statement_id
                         where s.creditor_id = :creditor and l.outcome = 'REVERSED' and l.transaction_key = any(:keys)""")
                .param("creditor", creditorId)
                .param("keys", keys.toArray(String[]::new))
                .query(String.class).list());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
