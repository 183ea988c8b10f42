package org.collectionorchestrator.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bulk reads for matching payments: everything a bank file's payments may name, in a few queries per file rather
 * than one per payment.
 */
@Repository
public class PayableInvoices {

    private static final String SELECT = """
            select i.id, i.invoice_number, i.payment_reference, i.customer_id, c.name as customer_name, i.amount,
                   i.currency, i.status, i.due_date, i.issue_date
              from invoice i join customer c on c.creditor_id = i.creditor_id and c.id = i.customer_id
            """;
    private static final String[] AWAITING_PAYMENT = {"OPEN", "READY_FOR_COLLECTION", "COLLECTION_APPROVED",
            "HANDED_OVER", "RECALLED", "UNCOLLECTABLE"};
    private static final String OLDEST_FIRST = " order by i.due_date, i.issue_date, i.invoice_number";

    private final JdbcClient jdbc;

    public PayableInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invoice as matching sees it: what identifies it and whose it is. */
    public record PayableInvoice(UUID id, String invoiceNumber, String paymentReference, String customerId,
                                 String customerName, Money amount, InvoiceStatus status, LocalDate dueDate) {
    }

    /** The creditor's invoices (any status) with one of these references, numbers or ids. */
    public List<PayableInvoice> named(String creditorId, Collection<String> references, Collection<String> numbers,
                                      Collection<UUID> ids) {
        if (references.isEmpty() && numbers.isEmpty() && ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where i.creditor_id = :creditor
                           and (i.payment_reference = any(:references) or i.invoice_number = any(:numbers)
                                or i.id = any(:ids))""")
                .param("creditor", creditorId)
                .param("references", references.toArray(String[]::new))
                .param("numbers", numbers.toArray(String[]::new))
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> map(rs)).list();
    }

    /** Each customer's invoices still awaiting payment, oldest due first. */
    public Map<String, List<PayableInvoice>> awaitingPaymentOf(String creditorId, Collection<String> customerIds) {
        Map<String, List<PayableInvoice>> byCustomer = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql(SELECT + " where i.creditor_id = :creditor and i.customer_id = any(:customers) and i.status = any(:open)"
                        + OLDEST_FIRST)
                .param("creditor", creditorId)
                .param("customers", customerIds.toArray(String[]::new))
                .param("open", AWAITING_PAYMENT)
                .query((rs, row) -> map(rs)).list()
                .forEach(invoice -> byCustomer.computeIfAbsent(invoice.customerId(), c -> new ArrayList<>()).add(invoice));
        return byCustomer;
    }

    /** Invoices awaiting payment in {@code currency} whose amount is one of {@code amounts}. */
    public List<PayableInvoice> awaitingPaymentWithAmount(String creditorId, String currency, Collection<BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where i.creditor_id = :creditor and i.currency = :currency and i.amount = any(:amounts)
                           and i.status = any(:open)""" + OLDEST_FIRST)
                .param("creditor", creditorId)
                .param("currency", currency)
                .param("amounts", amounts.toArray(BigDecimal[]::new))
                .param("open", AWAITING_PAYMENT)
                .query((rs, row) -> map(rs)).list();
    }

    private static PayableInvoice map(ResultSet rs) throws SQLException {
        return new PayableInvoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"),
                rs.getString("payment_reference"), rs.getString("customer_id"), rs.getString("customer_name"),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                InvoiceStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class));
    }
}
