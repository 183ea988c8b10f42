package org.collectionorchestrator.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only customer ledger (kundereskontro). Balances are sums of entries; nothing is ever updated or
 * deleted (the database refuses it too).
 */
@Component
public class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Identifies whose account an entry belongs to. */
    public record Account(String creditorId, String customerId) {
    }

    /** Posts an entry on an invoice; {@code amount} is positive and gets the type's sign. */
    public void postOnInvoice(Account account, UUID invoiceId, LedgerEntryType type, Money amount, LocalDate bookingDate,
                              String source) {
        insert(account, invoiceId, type, amount, bookingDate, source);
    }

    /** Posts an entry on the customer's own account, e.g. the credit from an over-payment. */
    public void postOnCustomer(Account account, LedgerEntryType type, Money amount, LocalDate bookingDate, String source) {
        insert(account, null, type, amount, bookingDate, source);
    }

    public Money invoiceBalance(UUID invoiceId, Currency currency) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where invoice_id = :id")
                .param("id", invoiceId)
                .query(BigDecimal.class)
                .single();
        return new Money(sum, currency);
    }

    /** Balance and fees charged, per invoice. */
    public record InvoiceTotals(BigDecimal balance, BigDecimal fees) {
        public static final InvoiceTotals NONE = new InvoiceTotals(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The totals of many invoices in one query (invoices without entries are absent). */
    public Map<UUID, InvoiceTotals> invoiceTotals(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, InvoiceTotals> totals = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, sum(amount) as balance,
                               coalesce(sum(amount) filter (where entry_type = 'FEE'), 0) as fees
                          from ledger_entry where invoice_id in (:ids) group by invoice_id""")
                .param("ids", invoiceIds)
                .query((rs, row) -> totals.put(rs.getObject("invoice_id", UUID.class),
                        new InvoiceTotals(rs.getBigDecimal("balance"), rs.getBigDecimal("fees"))))
                .list();
        return totals;
    }

    private void insert(Account account, UUID invoiceId, LedgerEntryType type, Money amount, LocalDate bookingDate,
                        String source) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A ledger entry amount must be positive, got " + amount);
        }
        jdbc.sql("""
                        insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, amount, currency, booking_date, source, recorded_at)
                        values (:creditor, :customer, :invoice, :type, :amount, :currency, :booking, :source, :now)""")
                .param("creditor", account.creditorId())
                .param("customer", account.customerId())
                .param("invoice", invoiceId)
                .param("type", type.name())
                .param("amount", amount.amount().multiply(BigDecimal.valueOf(type.sign())))
                .param("currency", amount.currency().getCurrencyCode())
                .param("booking", bookingDate)
                .param("source", source)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
