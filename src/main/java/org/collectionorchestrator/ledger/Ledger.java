package org.collectionorchestrator.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
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
        return sum("select coalesce(sum(amount), 0) from ledger_entry where invoice_id = :id", "id", invoiceId, currency);
    }

    public Money invoiceTotal(UUID invoiceId, LedgerEntryType type, Currency currency) {
        BigDecimal total = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where invoice_id = :id and entry_type = :type")
                .param("id", invoiceId)
                .param("type", type.name())
                .query(BigDecimal.class)
                .single();
        return new Money(total.abs(), currency);
    }

    /** What the creditor owes the customer outside any invoice (positive = credit in the customer's favour). */
    public Money customerCredit(Account account, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger_entry
                         where creditor_id = :creditor and customer_id = :customer and invoice_id is null and currency = :currency""")
                .param("creditor", account.creditorId())
                .param("customer", account.customerId())
                .param("currency", currency.getCurrencyCode())
                .query(BigDecimal.class)
                .single();
        return new Money(sum.negate(), currency);
    }

    private Money sum(String sql, String name, Object value, Currency currency) {
        BigDecimal sum = jdbc.sql(sql).param(name, value).query(BigDecimal.class).single();
        return new Money(sum, currency);
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
