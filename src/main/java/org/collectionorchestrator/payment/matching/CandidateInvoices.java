package org.collectionorchestrator.payment.matching;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collectionorchestrator.money.Money;
import org.collectionorchestrator.payment.matching.CandidateRanking.Candidate;
import org.collectionorchestrator.payment.matching.CandidateRanking.OpenInvoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads what "Find candidate invoices" ranks: the payment as stored, and the creditor's invoices in its currency
 * that still await payment with something outstanding. One query each; the invoice query keeps the
 * {@value #PRESELECTED} most likely by amount and reference (in SQL) for {@link CandidateRanking} to rank.
 */
@Component
class CandidateInvoices {

    static final int PRESELECTED = 500;

    private final JdbcClient jdbc;

    CandidateInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payment as stored with its status; {@code debtorName} is read only where the column exists. */
    record StoredPayment(UUID id, String creditorId, String status, CandidateRanking.Payment facts) {
    }

    StoredPayment payment(UUID paymentId) {
        return jdbc.sql("""
                        select creditor_id, status, amount, currency, payment_reference,
                               p.debtor_name
                          from payment p where id = :id""")
                .param("id", paymentId)
                .query((rs, row) -> new StoredPayment(paymentId, rs.getString("creditor_id"), rs.getString("status"),
                        new CandidateRanking.Payment(Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                                rs.getString("payment_reference"), rs.getString("debtor_name"))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No payment " + paymentId));
    }

    List<Candidate> rankedFor(StoredPayment payment) {
        Money amount = payment.facts().amount();
        String currency = amount.currency().getCurrencyCode();
        List<OpenInvoice> open = jdbc.sql("""
                        select i.id, i.invoice_number, i.amount, i.payment_reference, i.due_date, c.name as customer_name,
                               b.outstanding
                          from invoice i
                          join customer c on c.creditor_id = i.creditor_id and c.id = i.customer_id
                          join (select invoice_id, sum(amount) as outstanding from ledger_entry
                                 where creditor_id = :creditor and invoice_id is not null group by invoice_id) b
                            on b.invoice_id = i.id
                         where i.creditor_id = :creditor and i.currency = :currency
                           and i.status in ('OPEN', 'READY_FOR_COLLECTION', 'COLLECTION_APPROVED', 'HANDED_OVER', 'RECALLED',
                                          'UNCOLLECTABLE')
                           and b.outstanding > 0
                         order by (b.outstanding = :amount) desc, (i.amount = :amount) desc,
                                  (i.payment_reference = :reference or i.invoice_number = :reference) desc,
                                  abs(b.outstanding - :amount), i.due_date
                         limit :limit""")
                .param("creditor", payment.creditorId())
                .param("currency", currency)
                .param("amount", amount.amount())
                .param("reference", payment.facts().reference() == null ? "" : payment.facts().reference().replace(" ", ""))
                .param("limit", PRESELECTED)
                .query((rs, row) -> new OpenInvoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"),
                        Money.of(rs.getBigDecimal("amount"), currency), Money.of(rs.getBigDecimal("outstanding"), currency),
                        rs.getString("payment_reference"), rs.getString("customer_name"),
                        rs.getObject("due_date", LocalDate.class)))
                .list();
        return CandidateRanking.rank(payment.facts(), open);
    }

    /** A candidate as the form "match-payment" shows it. */
    static Map<String, Object> asVariable(Candidate candidate) {
        OpenInvoice invoice = candidate.invoice();
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("invoiceId", invoice.invoiceId().toString());
        variable.put("invoiceNumber", invoice.invoiceNumber());
        variable.put("customerName", invoice.customerName());
        variable.put("outstanding", invoice.outstanding().toPlainString());
        variable.put("amount", invoice.amount().toPlainString());
        variable.put("currency", invoice.amount().currency().getCurrencyCode());
        variable.put("paymentReference", invoice.paymentReference());
        variable.put("dueDate", invoice.dueDate().toString());
        variable.put("score", candidate.score());
        return variable;
    }

    /** The candidate as an option of the form's "Invoice to book on" select. */
    static Map<String, Object> asOption(Candidate candidate) {
        OpenInvoice invoice = candidate.invoice();
        String reference = invoice.paymentReference() == null ? "" : ", ref. " + invoice.paymentReference();
        return Map.of("value", invoice.invoiceId().toString(), "label", invoice.invoiceNumber() + " – "
                + invoice.customerName() + " – " + invoice.outstanding() + " outstanding" + reference);
    }
}
