package org.collectionorchestrator.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment table: one row per bank transaction of a creditor, and where its money went. */
@Repository
class PaymentRows {

    static final String MATCHED = "MATCHED";
    static final String UNMATCHED = "UNMATCHED";
    static final String REVERSED = "REVERSED";

    private static final String INSERT = """
            insert into payment (id, creditor_id, bank_transaction_id, amount, currency, payment_reference,
                                 requested_invoice_id, booking_date, status, invoice_id, applied_amount,
                                 credited_amount, unmatched_reason, request_fingerprint, received_at,
                                 end_to_end_id, debtor_name, debtor_account, bank_statement_id)
            values (:id, :creditor, :tx, :amount, :currency, :reference, :requestedInvoice, :booking, :status,
                    null, 0, 0, :reason, :fingerprint, :now, :endToEnd, :debtorName, :debtorAccount, :statement)
            on conflict (creditor_id, bank_transaction_id) do nothing""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate template;
    private final Clock clock;

    PaymentRows(JdbcClient jdbc, NamedParameterJdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** A payment as first stored, before its money is booked. */
    record NewPayment(UUID id, String creditorId, String bankTransactionId, Money amount, String paymentReference,
                      UUID requestedInvoiceId, LocalDate bookingDate, String status, String unmatchedReason,
                      String fingerprint, String endToEndId, String debtorName, String debtorAccount, UUID statementId) {
    }

    /** Stores the payment unless its bank transaction is stored already; true when this call stored it. */
    boolean insert(NewPayment payment) {
        return jdbc.sql(INSERT).paramSource(params(payment)).update() == 1;
    }

    /** Stores many payments in one round trip; answers the ids this call stored (the others were there already). */
    Set<UUID> insertAll(List<NewPayment> payments) {
        if (payments.isEmpty()) {
            return Set.of();
        }
        int[] counts = template.batchUpdate(INSERT, payments.stream().map(this::params).toArray(MapSqlParameterSource[]::new));
        Set<UUID> stored = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                stored.add(payments.get(i).id());
            }
        }
        return stored;
    }

    /** Notes where a stored payment's money went: MATCHED, its invoices and what it credited to the customer. */
    void recordBooking(UUID paymentId, PaymentBooking.Booked booked, Money zero) {
        jdbc.sql("""
                        update payment set status = 'MATCHED', invoice_id = :invoice, applied_amount = :applied,
                               credited_amount = :credited, unmatched_reason = null where id = :id""")
                .param("id", paymentId)
                .param("invoice", booked.firstInvoice())
                .param("applied", booked.applied(zero).amount())
                .param("credited", booked.credited().amount())
                .update();
        booked.paid().forEach((invoiceId, amount) -> jdbc.sql("""
                        insert into payment_allocation (payment_id, invoice_id, amount, recovery)
                        values (:payment, :invoice, :amount, :recovery)""")
                .param("payment", paymentId)
                .param("invoice", invoiceId)
                .param("amount", amount.amount())
                .param("recovery", booked.recovery().get(invoiceId))
                .update());
    }

    void markReversed(UUID paymentId) {
        jdbc.sql("update payment set status = 'REVERSED', reversed_at = :now where id = :id")
                .param("id", paymentId)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    Optional<PaymentResult> find(UUID paymentId) {
        return jdbc.sql("select * from payment where id = :id").param("id", paymentId)
                .query((rs, row) -> map(rs)).optional()
                .map(this::withAllocations);
    }

    Optional<String> creditorOf(UUID paymentId) {
        return jdbc.sql("select creditor_id from payment where id = :id").param("id", paymentId)
                .query(String.class).optional();
    }

    Optional<Stored> lock(UUID paymentId) {
        return jdbc.sql("select * from payment where id = :id for update").param("id", paymentId)
                .query((rs, row) -> stored(rs)).optional();
    }

    Optional<Stored> findByTransaction(String creditorId, String bankTransactionId) {
        return jdbc.sql("select * from payment where creditor_id = :creditor and bank_transaction_id = :tx")
                .param("creditor", creditorId)
                .param("tx", bankTransactionId)
                .query((rs, row) -> stored(rs)).optional();
    }

    /** Which of these bank transactions are stored already, in one query. */
    Set<String> existing(String creditorId, Collection<String> bankTransactionIds) {
        if (bankTransactionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select bank_transaction_id from payment
                         where creditor_id = :creditor and bank_transaction_id = any(:ids)""")
                .param("creditor", creditorId)
                .param("ids", bankTransactionIds.toArray(String[]::new))
                .query(String.class).list());
    }

    /** Payments a reversal may refer to (booked or kept unmatched): by end-to-end id or bank transaction id, in one query. */
    List<Stored> reversible(String creditorId, Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        String[] refs = references.toArray(String[]::new);
        return jdbc.sql("""
                        select * from payment where creditor_id = :creditor and status in ('MATCHED', 'UNMATCHED')
                           and (end_to_end_id = any(:refs) or bank_transaction_id = any(:refs)) order by received_at""")
                .param("creditor", creditorId)
                .param("refs", refs)
                .query((rs, row) -> stored(rs)).list();
    }

    /** Customers that paid from each of these accounts before (payments matched to their invoices). */
    Map<String, Set<String>> customersByDebtorAccount(String creditorId, Collection<String> accounts) {
        Map<String, Set<String>> customers = new HashMap<>();
        if (accounts.isEmpty()) {
            return customers;
        }
        jdbc.sql("""
                        select distinct p.debtor_account, i.customer_id from payment p join invoice i on i.id = p.invoice_id
                         where p.creditor_id = :creditor and p.status = 'MATCHED' and p.debtor_account = any(:accounts)""")
                .param("creditor", creditorId)
                .param("accounts", accounts.toArray(String[]::new))
                .query((rs, row) -> customers.computeIfAbsent(rs.getString("debtor_account"), a -> new HashSet<>())
                        .add(rs.getString("customer_id")))
                .list();
        return customers;
    }

    /** Payments of a creditor in a status, oldest first. */
    List<PaymentResult> list(String creditorId, String status, int limit, long offset) {
        return jdbc.sql("""
                        select * from payment where (:creditor::varchar is null or creditor_id = :creditor)
                           and status = :status order by received_at, id limit :limit offset :offset""")
                .param("creditor", creditorId)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> map(rs)).list();
    }

    /** The invoices a payment paid, from its allocation rows. */
    Map<UUID, Money> allocations(UUID paymentId, String currency) {
        Map<UUID, Money> paid = new HashMap<>();
        jdbc.sql("select invoice_id, amount from payment_allocation where payment_id = :id")
                .param("id", paymentId)
                .query((rs, row) -> paid.put(rs.getObject("invoice_id", UUID.class),
                        Money.of(rs.getBigDecimal("amount"), currency)))
                .list();
        return paid;
    }

    /** A stored payment: what was asked, and what became of it. */
    record Stored(RegisterPayment request, PaymentResult result, String fingerprint, String endToEndId) {
    }

    private PaymentResult withAllocations(PaymentResult result) {
        List<PaymentResult.Allocation> list = new ArrayList<>();
        jdbc.sql("select invoice_id, amount, recovery from payment_allocation where payment_id = :id order by invoice_id")
                .param("id", result.id())
                .query((rs, row) -> list.add(new PaymentResult.Allocation(rs.getObject("invoice_id", UUID.class),
                        Money.of(rs.getBigDecimal("amount"), result.currency()).toPlainString(), rs.getBoolean("recovery"))))
                .list();
        return result.withAllocations(list);
    }

    private MapSqlParameterSource params(NewPayment p) {
        return new MapSqlParameterSource()
                .addValue("id", p.id())
                .addValue("creditor", p.creditorId())
                .addValue("tx", p.bankTransactionId())
                .addValue("amount", p.amount().amount())
                .addValue("currency", p.amount().currency().getCurrencyCode())
                .addValue("reference", p.paymentReference())
                .addValue("requestedInvoice", p.requestedInvoiceId())
                .addValue("booking", p.bookingDate())
                .addValue("status", p.status())
                .addValue("reason", p.unmatchedReason())
                .addValue("fingerprint", p.fingerprint())
                .addValue("now", OffsetDateTime.now(clock))
                .addValue("endToEnd", p.endToEndId())
                .addValue("debtorName", p.debtorName())
                .addValue("debtorAccount", p.debtorAccount())
                .addValue("statement", p.statementId());
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        RegisterPayment request = new RegisterPayment(rs.getString("creditor_id"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("payment_reference"),
                rs.getObject("requested_invoice_id", UUID.class), rs.getObject("booking_date", LocalDate.class),
                rs.getString("bank_transaction_id"));
        return new Stored(request, map(rs), rs.getString("request_fingerprint"), rs.getString("end_to_end_id"));
    }

    static PaymentResult map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new PaymentResult(rs.getObject("id", UUID.class), rs.getString("status"),
                rs.getObject("invoice_id", UUID.class), Money.of(rs.getBigDecimal("amount"), currency).toPlainString(),
                currency, Money.of(rs.getBigDecimal("applied_amount"), currency).toPlainString(),
                Money.of(rs.getBigDecimal("credited_amount"), currency).toPlainString(),
                rs.getString("unmatched_reason"), List.of());
    }
}
