package org.collectionorchestrator.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts-receivable aging as of a date, computed in SQL from the dated ledger: an invoice's balance as of
 * {@code asOf} is the sum of its entries booked on or before that date, so an invoice registered later, and payments,
 * fees or credits booked later, do not count. Days overdue are {@code asOf - due date}. Compensation (B2B recovery
 * costs) is reported with fees. Only invoices with a non-zero balance as of the date are in the report.
 */
@Component
public class AgingReport {

    /** The buckets, in order; days overdue as of the report date. */
    public enum Bucket {
        NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90
    }

    /** Counts and sums of one bucket in one currency. */
    @Schema(name = "AgingBucketTotal")
    public record BucketTotal(Bucket bucket, long count, BigDecimal principal, BigDecimal fees, BigDecimal interest,
                              BigDecimal outstanding) {
    }

    /** All buckets of one currency (every bucket present, empty ones with zeros) and their sum. */
    @Schema(name = "AgingCurrencyTotal")
    public record CurrencyTotal(String currency, List<BucketTotal> buckets, long count, BigDecimal outstanding) {
    }

    /** One customer's outstanding in one currency, per bucket. */
    @Schema(name = "AgingCustomerRow")
    public record CustomerRow(String customerId, String customerName, String currency, long count,
                              BigDecimal notDue, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
                              BigDecimal over90, BigDecimal outstanding) {
    }

    /** A page of customer rows, largest outstanding first. */
    @Schema(name = "AgingCustomerPage")
    public record CustomerPage(List<CustomerRow> items, int page, int size, long totalItems) {
    }

    @Schema(name = "AgingReport")
    public record Report(String creditorId, LocalDate asOf, List<CurrencyTotal> totals, CustomerPage customers) {
    }

    /** Each open invoice's balance per component as of :asOf, with its bucket. */
    private static final String BALANCES = """
            with balance as (
                select e.invoice_id,
                       coalesce(sum(e.amount) filter (where e.component = 'PRINCIPAL'), 0) as principal,
                       coalesce(sum(e.amount) filter (where e.component in ('FEES', 'COMPENSATION')), 0) as fees,
                       coalesce(sum(e.amount) filter (where e.component = 'INTEREST'), 0) as interest,
                       sum(e.amount) as outstanding
                  from ledger_entry e
                 where e.creditor_id = :creditor and e.invoice_id is not null and e.booking_date <= cast(:asOf as date)
                 group by e.invoice_id
                having sum(e.amount) <> 0
            ), aged as (
                select i.customer_id, i.currency, b.principal, b.fees, b.interest, b.outstanding,
                       case when cast(:asOf as date) - i.due_date <= 0 then 'NOT_DUE'
                            when cast(:asOf as date) - i.due_date <= 30 then 'DAYS_1_30'
                            when cast(:asOf as date) - i.due_date <= 60 then 'DAYS_31_60'
                            when cast(:asOf as date) - i.due_date <= 90 then 'DAYS_61_90'
                            else 'OVER_90' end as bucket
                  from balance b join invoice i on i.id = b.invoice_id
            )
            """;

    private static final String CUSTOMERS = BALANCES + """
            select a.customer_id, c.name, a.currency, count(*) as invoices,
                   coalesce(sum(a.outstanding) filter (where a.bucket = 'NOT_DUE'), 0) as not_due,
                   coalesce(sum(a.outstanding) filter (where a.bucket = 'DAYS_1_30'), 0) as d1,
                   coalesce(sum(a.outstanding) filter (where a.bucket = 'DAYS_31_60'), 0) as d31,
                   coalesce(sum(a.outstanding) filter (where a.bucket = 'DAYS_61_90'), 0) as d61,
                   coalesce(sum(a.outstanding) filter (where a.bucket = 'OVER_90'), 0) as d90,
                   sum(a.outstanding) as outstanding, count(*) over () as total_rows
              from aged a join customer c on c.creditor_id = :creditor and c.id = a.customer_id
             group by a.customer_id, c.name, a.currency
             order by outstanding desc, a.customer_id, a.currency
            """;

    private final JdbcClient jdbc;

    public AgingReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(String creditorId, LocalDate asOf, int page, int size) {
        return new Report(creditorId, asOf, totals(creditorId, asOf), customers(creditorId, asOf, page, size));
    }

    List<CurrencyTotal> totals(String creditorId, LocalDate asOf) {
        Map<String, Map<Bucket, BucketTotal>> byCurrency = new TreeMap<>();
        jdbc.sql(BALANCES + """
                        select currency, bucket, count(*) as invoices, sum(principal) as principal, sum(fees) as fees,
                               sum(interest) as interest, sum(outstanding) as outstanding
                          from aged group by currency, bucket""")
                .param("creditor", creditorId)
                .param("asOf", asOf)
                .query(rs -> {
                    Bucket bucket = Bucket.valueOf(rs.getString("bucket"));
                    String currency = rs.getString("currency");
                    byCurrency.computeIfAbsent(currency, c -> new TreeMap<>())
                            .put(bucket, new BucketTotal(bucket, rs.getLong("invoices"), amount(rs, "principal", currency),
                                    amount(rs, "fees", currency), amount(rs, "interest", currency),
                                    amount(rs, "outstanding", currency)));
                });
        List<CurrencyTotal> totals = new ArrayList<>();
        byCurrency.forEach((currency, buckets) -> {
            List<BucketTotal> all = new ArrayList<>();
            BigDecimal zero = scaled(BigDecimal.ZERO, currency);
            for (Bucket bucket : Bucket.values()) {
                all.add(buckets.getOrDefault(bucket, new BucketTotal(bucket, 0, zero, zero, zero, zero)));
            }
            totals.add(new CurrencyTotal(currency, all, all.stream().mapToLong(BucketTotal::count).sum(),
                    all.stream().map(BucketTotal::outstanding).reduce(zero, BigDecimal::add)));
        });
        return totals;
    }

    CustomerPage customers(String creditorId, LocalDate asOf, int page, int size) {
        long[] total = {0};
        List<CustomerRow> rows = new ArrayList<>();
        jdbc.sql(CUSTOMERS + " limit :limit offset :offset")
                .param("creditor", creditorId)
                .param("asOf", asOf)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(rs -> {
                    total[0] = rs.getLong("total_rows");
                    rows.add(row(rs));
                });
        if (rows.isEmpty() && page > 0) {
            total[0] = jdbc.sql(BALANCES + "select count(*) from (select distinct customer_id, currency from aged) x")
                    .param("creditor", creditorId)
                    .param("asOf", asOf)
                    .query(Long.class)
                    .single();
        }
        return new CustomerPage(rows, page, size, total[0]);
    }

    /** Every customer row, largest outstanding first, handed one at a time (the CSV download). */
    public void eachCustomer(String creditorId, LocalDate asOf, Consumer<CustomerRow> sink) {
        jdbc.sql(CUSTOMERS)
                .param("creditor", creditorId)
                .param("asOf", asOf)
                .query(rs -> {
                    sink.accept(row(rs));
                });
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new CustomerRow(rs.getString("customer_id"), rs.getString("name"), currency, rs.getLong("invoices"),
                amount(rs, "not_due", currency), amount(rs, "d1", currency), amount(rs, "d31", currency),
                amount(rs, "d61", currency), amount(rs, "d90", currency), amount(rs, "outstanding", currency));
    }

    /** A sum in the currency's minor units (the ledger keeps four decimals; every booked amount has the currency's). */
    private static BigDecimal amount(ResultSet rs, String column, String currency) throws SQLException {
        return scaled(rs.getBigDecimal(column), currency);
    }

    private static BigDecimal scaled(BigDecimal value, String currency) {
        return value.setScale(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.HALF_EVEN);
    }
}
