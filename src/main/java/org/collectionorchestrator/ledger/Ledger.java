package org.collectionorchestrator.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only customer ledger (kundereskontro). Balances are sums of entries; nothing is ever updated or
 * deleted (the database refuses it too). Every entry belongs to one {@link Component}: a charge to its own, a
 * reduction to the one it pays.
 */
@org.springframework.stereotype.Component // qualified: the simple name is this package's ledger Component
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

    /**
     * Posts a charge (principal, fee, interest, compensation) on an invoice; {@code amount} is positive and gets the
     * type's sign. A reduction type is still accepted and reduces the principal, as every reduction did before
     * components existed; {@link #reduceOnInvoice} names the component.
     */
    public void postOnInvoice(Account account, UUID invoiceId, LedgerEntryType type, Money amount, LocalDate bookingDate,
                              String source) {
        Component component = type.isReduction() ? Component.PRINCIPAL : Component.chargedBy(type);
        insert(account, invoiceId, type, component, amount, bookingDate, source);
    }

    /** Posts a payment, credit or write-off of one component of an invoice; {@code amount} is positive. */
    public void reduceOnInvoice(Account account, UUID invoiceId, LedgerEntryType reductionType, Component component,
                                Money amount, LocalDate bookingDate, String source) {
        if (!reductionType.isReduction()) {
            throw new IllegalArgumentException(reductionType + " is a charge, not a reduction");
        }
        insert(account, invoiceId, reductionType, component, amount, bookingDate, source);
    }

    /**
     * Reduces every component of {@code balance} that is still owed to zero with one entry each (a cancellation, a
     * waiver, a write-off); answers what it reduced, in component order.
     */
    public Map<Component, Money> clearOnInvoice(Account account, UUID invoiceId, LedgerEntryType reductionType,
                                                InvoiceBalance balance, LocalDate bookingDate, String source) {
        Map<Component, Money> cleared = new EnumMap<>(Component.class);
        balance.parts().forEach((component, owed) -> {
            if (owed.isPositive()) {
                reduceOnInvoice(account, invoiceId, reductionType, component, owed, bookingDate, source);
                cleared.put(component, owed);
            }
        });
        return cleared;
    }

    /**
     * Books money received on a written-off invoice: the write-off is reinstated by that much and the payment pays
     * it, so the invoice stays at zero and the recovery is visible.
     */
    public void recoverOnInvoice(Account account, UUID invoiceId, Money amount, LocalDate bookingDate, String source) {
        insert(account, invoiceId, LedgerEntryType.RECOVERY, Component.PRINCIPAL, amount, bookingDate, source);
        insert(account, invoiceId, LedgerEntryType.PAYMENT, Component.PRINCIPAL, amount, bookingDate, source);
    }

    /** What write-offs cleared on the invoice and no recovery has reinstated yet. */
    public Money writtenOffNotRecovered(UUID invoiceId, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        select coalesce(-sum(amount), 0) from ledger_entry
                         where invoice_id = :id and entry_type in ('WRITE_OFF', 'RECOVERY')""")
                .param("id", invoiceId)
                .query(BigDecimal.class)
                .single();
        return new Money(sum.max(BigDecimal.ZERO), currency);
    }

    /** One entry as booked (amount positive), for undoing it; {@code invoiceId} null on the customer's own account. */
    public record Entry(Account account, UUID invoiceId, LedgerEntryType type, Component component, Money amount) {
    }

    /** The entries booked with {@code source}, e.g. everything one payment did. */
    public List<Entry> entriesFrom(String creditorId, String source) {
        return jdbc.sql("""
                        select creditor_id, customer_id, invoice_id, entry_type, component, amount, currency from ledger_entry
                         where creditor_id = :creditor and source = :source order by id""")
                .param("creditor", creditorId)
                .param("source", source)
                .query((rs, row) -> new Entry(new Account(rs.getString("creditor_id"), rs.getString("customer_id")),
                        rs.getObject("invoice_id", UUID.class),
                        LedgerEntryType.valueOf(rs.getString("entry_type")), Component.valueOf(rs.getString("component")),
                        new Money(rs.getBigDecimal("amount").abs(), Currency.getInstance(rs.getString("currency")))))
                .list();
    }

    /**
     * Undoes an entry the bank took back: what a payment paid, or credited to the customer, is owed again (REVERSAL);
     * a recovery's reinstatement is written off again.
     */
    public void reverse(Entry entry, LocalDate bookingDate, String source) {
        LedgerEntryType undo = entry.type() == LedgerEntryType.RECOVERY ? LedgerEntryType.WRITE_OFF : LedgerEntryType.REVERSAL;
        insert(entry.account(), entry.invoiceId(), undo, entry.component(), entry.amount(), bookingDate, source);
    }

    /** Posts an entry on the customer's own account, e.g. the credit from an over-payment. */
    public void postOnCustomer(Account account, LedgerEntryType type, Money amount, LocalDate bookingDate, String source) {
        insert(account, null, type, Component.PRINCIPAL, amount, bookingDate, source);
    }

    public Money invoiceBalance(UUID invoiceId, Currency currency) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where invoice_id = :id")
                .param("id", invoiceId)
                .query(BigDecimal.class)
                .single();
        return new Money(sum, currency);
    }

    /** What is owed on the invoice per component. */
    public InvoiceBalance balance(UUID invoiceId, Currency currency) {
        Map<Component, Money> parts = new EnumMap<>(Component.class);
        jdbc.sql("select component, sum(amount) as owed from ledger_entry where invoice_id = :id group by component")
                .param("id", invoiceId)
                .query((rs, row) -> parts.put(Component.valueOf(rs.getString("component")),
                        new Money(rs.getBigDecimal("owed"), currency)))
                .list();
        return InvoiceBalance.of(parts, currency);
    }

    /** The principal's net change per booking date, oldest first; dates on which it did not change are left out. */
    public List<PrincipalChange> principalChanges(UUID invoiceId) {
        return jdbc.sql("""
                        select booking_date, sum(amount) as delta from ledger_entry
                         where invoice_id = :id and component = 'PRINCIPAL'
                         group by booking_date having sum(amount) <> 0 order by booking_date""")
                .param("id", invoiceId)
                .query((rs, row) -> new PrincipalChange(rs.getObject("booking_date", LocalDate.class),
                        rs.getBigDecimal("delta")))
                .list();
    }

    /** What one payment (one ledger source) paid on an invoice, when it was booked and recorded. */
    public record InvoicePayment(String source, Money amount, LocalDate bookingDate, OffsetDateTime recordedAt) {
    }

    /** The payments on the invoice, one per source, oldest recorded first (reversed ones included, as booked). */
    public List<InvoicePayment> paymentsOnInvoice(UUID invoiceId, Currency currency) {
        return jdbc.sql("""
                        select source, -sum(amount) as paid, min(booking_date) as booking_date, min(recorded_at) as recorded_at
                          from ledger_entry where invoice_id = :id and entry_type = 'PAYMENT'
                         group by source order by min(recorded_at), source""")
                .param("id", invoiceId)
                .query((rs, row) -> new InvoicePayment(rs.getString("source"), new Money(rs.getBigDecimal("paid"), currency),
                        rs.getObject("booking_date", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    /** The sum of every charge of that type posted on the invoice so far, whatever has been paid of it. */
    public Money charged(UUID invoiceId, LedgerEntryType chargeType, Currency currency) {
        if (chargeType.isReduction()) {
            throw new IllegalArgumentException(chargeType + " is a reduction, not a charge");
        }
        BigDecimal sum = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where invoice_id = :id and entry_type = :type")
                .param("id", invoiceId)
                .param("type", chargeType.name())
                .query(BigDecimal.class)
                .single();
        return new Money(sum, currency);
    }

    /** Balance and what is owed of each component, per invoice. */
    public record InvoiceTotals(BigDecimal balance, BigDecimal principal, BigDecimal fees, BigDecimal interest,
                                BigDecimal compensation) {
        public static final InvoiceTotals NONE = new InvoiceTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The totals of many invoices in one query (invoices without entries are absent). */
    public Map<UUID, InvoiceTotals> invoiceTotals(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, InvoiceTotals> totals = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, sum(amount) as balance,
                               coalesce(sum(amount) filter (where component = 'PRINCIPAL'), 0) as principal,
                               coalesce(sum(amount) filter (where component = 'FEES'), 0) as fees,
                               coalesce(sum(amount) filter (where component = 'INTEREST'), 0) as interest,
                               coalesce(sum(amount) filter (where component = 'COMPENSATION'), 0) as compensation
                          from ledger_entry where invoice_id in (:ids) group by invoice_id""")
                .param("ids", invoiceIds)
                .query((rs, row) -> totals.put(rs.getObject("invoice_id", UUID.class), new InvoiceTotals(
                        rs.getBigDecimal("balance"), rs.getBigDecimal("principal"), rs.getBigDecimal("fees"),
                        rs.getBigDecimal("interest"), rs.getBigDecimal("compensation"))))
                .list();
        return totals;
    }

    private void insert(Account account, UUID invoiceId, LedgerEntryType type, Component component, Money amount,
                        LocalDate bookingDate, String source) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A ledger entry amount must be positive, got " + amount);
        }
        jdbc.sql("""
                        insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, component, amount, currency,
                                                  booking_date, source, recorded_at)
                        values (:creditor, :customer, :invoice, :type, :component, :amount, :currency, :booking, :source, :now)""")
                .param("creditor", account.creditorId())
                .param("customer", account.customerId())
                .param("invoice", invoiceId)
                .param("type", type.name())
                .param("component", component.name())
                .param("amount", amount.amount().multiply(BigDecimal.valueOf(type.sign())))
                .param("currency", amount.currency().getCurrencyCode())
                .param("booking", bookingDate)
                .param("source", source)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
