package org.collectionorchestrator.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Compares what the creditor's bank files said with what was booked, by booking date: every line that reached no
 * invoice and every payment no bank file confirms is a difference a person must look at.
 */
@Service
public class Reconciliation {

    private final JdbcClient jdbc;

    public Reconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bank's side and ours for the period, and each difference. */
    public record Report(String creditorId, LocalDate from, LocalDate to, List<Total> bankCredits, List<Total> booked,
                         List<Difference> differences) {
    }

    /** Money in one currency: how many transactions and how much. */
    public record Total(String currency, long count, BigDecimal amount) {
    }

    /**
     * One difference. Kinds: QUARANTINED (a credit the bank booked that we did not: see reason), REVERSAL_NOT_APPLIED
     * (the bank reversed a payment we never booked), UNMATCHED (booked, on no invoice yet), NOT_IN_BANK_FILE (a
     * payment registered by REST or Kafka that no imported bank file reports).
     */
    public record Difference(String kind, LocalDate bookingDate, BigDecimal amount, String currency, String reference,
                             UUID paymentId, String detail) {
    }

    public Report report(String creditorId, LocalDate from, LocalDate to) {
        List<Difference> differences = new ArrayList<>();
        jdbc.sql("""
                        select l.outcome, l.reversal, l.booking_date, l.amount, l.currency, l.transaction_key, l.reason
                          from bank_statement_line l join bank_statement s on s.id = l.statement_id
                         where s.creditor_id = :creditor and l.booking_date between :from and :to
                           and l.status = 'BOOK'
                           and ((l.credit and not l.reversal and l.outcome = 'QUARANTINED')
                                or (l.reversal and l.outcome = 'IGNORED'))
                         order by l.booking_date, l.transaction_key""")
                .param("creditor", creditorId).param("from", from).param("to", to)
                .query((rs, row) -> differences.add(new Difference(
                        rs.getBoolean("reversal") ? "REVERSAL_NOT_APPLIED" : "QUARANTINED",
                        rs.getObject("booking_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("transaction_key"), null, rs.getString("reason"))))
                .list();
        jdbc.sql("""
                        select p.id, p.status, p.booking_date, p.amount, p.currency, p.bank_transaction_id,
                               p.unmatched_reason, p.bank_statement_id is null and not exists (
                                   select 1 from bank_statement_line l join bank_statement s on s.id = l.statement_id
                                    where s.creditor_id = p.creditor_id and l.transaction_key = p.bank_transaction_id)
                                   as not_in_bank_file
                          from payment p
                         where p.creditor_id = :creditor and p.booking_date between :from and :to
                           and (p.status = 'UNMATCHED' or p.bank_statement_id is null)
                         order by p.booking_date, p.bank_transaction_id""")
                .param("creditor", creditorId).param("from", from).param("to", to)
                .query((rs, row) -> {
                    if ("UNMATCHED".equals(rs.getString("status"))) {
                        differences.add(difference("UNMATCHED", rs, "kept for matching: " + rs.getString("unmatched_reason")));
                    }
                    if (rs.getBoolean("not_in_bank_file")) {
                        differences.add(difference("NOT_IN_BANK_FILE", rs, "registered without a bank file line"));
                    }
                    return null;
                })
                .list();
        return new Report(creditorId, from, to, bankCredits(creditorId, from, to), booked(creditorId, from, to), differences);
    }

    private List<Total> bankCredits(String creditorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select l.currency, count(*) as n, sum(l.amount) as total
                          from bank_statement_line l join bank_statement s on s.id = l.statement_id
                         where s.creditor_id = :creditor and l.booking_date between :from and :to and l.status = 'BOOK'
                           and l.credit and not l.reversal and l.outcome <> 'DUPLICATE'
                         group by l.currency order by l.currency""")
                .param("creditor", creditorId).param("from", from).param("to", to)
                .query((rs, row) -> new Total(rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("total")))
                .list();
    }

    private List<Total> booked(String creditorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select currency, count(*) as n, sum(amount) as total from payment
                         where creditor_id = :creditor and booking_date between :from and :to and status <> 'REVERSED'
                         group by currency order by currency""")
                .param("creditor", creditorId).param("from", from).param("to", to)
                .query((rs, row) -> new Total(rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("total")))
                .list();
    }

    private static Difference difference(String kind, ResultSet rs, String detail) throws SQLException {
        return new Difference(kind, rs.getObject("booking_date", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("bank_transaction_id"), rs.getObject("id", UUID.class), detail);
    }
}
