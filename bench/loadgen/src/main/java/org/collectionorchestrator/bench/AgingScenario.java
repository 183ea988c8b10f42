package org.collectionorchestrator.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario 8 (issue 19 item 1): {@code GET /api/v1/reports/aging} over N invoices in PostgreSQL. One creditor (PUT);
 * customers, invoices and their ledger entries seeded with set-based SQL as in bank-import: every invoice a PRINCIPAL
 * entry on its issue date (issued over the last 200 days, due 30 days later, 10% in EUR), a third paid in full and a
 * tenth in part some days after the due date, a fifth charged a reminder fee. Then the JSON report (first page of
 * customers) as of today and as of 60 days ago, and the CSV of every customer row, each timed R times after one
 * warm-up; and the plan of the balance read that starts it.
 */
final class AgingScenario {

    static void run(Args args, Report report) throws Exception {
        Service service = new Service(args.required("base-url"));
        String dbUrl = args.required("db");
        int invoices = args.integer("invoices", 1_000_000);
        int customers = args.integer("customers", 100_000);
        int repeats = args.integer("repeats", 5);
        String creditor = "bench-aging-1";

        Service.Response put = service.send(service.put("/api/v1/creditors/" + creditor, Payloads.creditor("Bench " + creditor)));
        if (put.status() != 200 && put.status() != 201) {
            throw new IllegalStateException("PUT creditor answered " + put.status() + ": " + put.body());
        }
        long t0 = System.nanoTime();
        long entries = seed(dbUrl, creditor, invoices, customers);
        report.row("seed: " + invoices + " invoices, " + customers + " customers, " + entries + " ledger entries",
                Report.fmt("%.1f s", (System.nanoTime() - t0) / 1e9), "", null);

        LocalDate today = LocalDate.now();
        String base = "/api/v1/reports/aging?creditorId=" + creditor;
        double[] now = time(service, base + "&asOf=" + today, "application/json", repeats, report);
        double[] past = time(service, base + "&asOf=" + today.minusDays(60), "application/json", repeats, report);
        double[] csv = time(service, base + "&asOf=" + today, "text/csv", Math.min(3, repeats), report);
        report.row("JSON report as of today (totals + first page of 50 customers), median / max of " + repeats,
                Report.fmt("%.2f s / %.2f s", median(now), max(now)), "< 2 s", median(now) < 2.0);
        report.row("JSON report as of today − 60 days, median / max of " + repeats,
                Report.fmt("%.2f s / %.2f s", median(past), max(past)), "< 2 s", median(past) < 2.0);
        report.row("CSV of every customer row, median of " + csv.length, Report.fmt("%.2f s", median(csv)), "", null);

        try (Connection c = DriverManager.getConnection(dbUrl, System.getProperty("bench.db.user", "postgres"), "");
             Statement serial = c.createStatement();
             PreparedStatement explain = c.prepareStatement("""
                     explain (analyze, buffers, costs off, timing off, summary on)
                     select currency, count(*), sum(outstanding) from invoice_balance_history
                      where creditor_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        and outstanding <> 0 group by currency""")) {
            serial.execute("set max_parallel_workers_per_gather = 0"); // as the service runs it
            explain.setString(1, creditor);
            explain.setObject(2, today);
            explain.setObject(3, today);
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            report.note("Reading the balances alone (each invoice's row of invoice_balance_history valid today, the report's first step), "
                    + "`explain (analyze, buffers)`: " + String.join(" / ", plan).replaceAll("\\s+", " "));
        }
        report.note("Seeded as described in bench/README.md (scenario 8); the service's own SQL is "
                + "`report.AgingReport`: totals and the customer page in one statement over `invoice_balance_history` (read once), serial.");
    }

    private static double[] time(Service service, String path, String accept, int repeats, Report report) throws Exception {
        double[] seconds = new double[repeats];
        for (int i = -1; i < repeats; i++) {
            HttpRequest request = service.request(path).header("Accept", accept)
                    .timeout(java.time.Duration.ofSeconds(120)).GET().build();
            long t = System.nanoTime();
            HttpResponse<byte[]> response = service.sendRaw(request);
            double s = (System.nanoTime() - t) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " (" + accept + ") answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            if (i == -1) {
                report.note(Report.fmt("warm-up %s (%s): %.2f s, %d bytes", path, accept, s, response.body().length));
            } else {
                seconds[i] = s;
            }
        }
        return seconds;
    }

    private static long seed(String url, String creditor, int invoices, int customers) throws Exception {
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"), "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into customer (creditor_id, id, name, segment, priority, country, language, email, updated_at)
                    select ?, 'ac-' || g, 'Kunde ' || g, case when g % 3 = 0 then 'BUSINESS' else 'PRIVATE' end, false,
                           'NO', 'nb', null, now()
                      from generate_series(1, ?) g""")) {
                ps.setString(1, creditor);
                ps.setInt(2, customers);
                ps.executeUpdate();
            }
            // a made-up process instance key: the seeded invoices start no process
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into invoice (id, creditor_id, invoice_number, customer_id, issue_date, due_date, currency,
                                         amount, status, process_instance_key, request_fingerprint, registered_at)
                    select gen_random_uuid(), ?, 'ai-' || g, 'ac-' || (1 + g % ?), current_date - (g % 200),
                           current_date - (g % 200) + 30, case when g % 10 = 0 then 'EUR' else 'NOK' end,
                           ((100 + g % 9000) || '.' || lpad((g % 100)::text, 2, '0'))::numeric, 'OPEN', -1, 'bench-seed', now()
                      from generate_series(1, ?) g""")) {
                ps.setString(1, creditor);
                ps.setInt(2, customers);
                ps.setInt(3, invoices);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, component, amount, currency,
                                              booking_date, source, recorded_at)
                    select creditor_id, customer_id, id, 'PRINCIPAL', 'PRINCIPAL', amount, currency, issue_date,
                           'invoice ' || invoice_number, now() from invoice where creditor_id = ?
                    union all
                    select creditor_id, customer_id, id, 'PAYMENT', 'PRINCIPAL', -amount, currency,
                           least(current_date, due_date + (hashtext(invoice_number) & 15)), 'bench payment', now()
                      from invoice where creditor_id = ? and (hashtext(invoice_number) & 7) < 3
                    union all
                    select creditor_id, customer_id, id, 'PAYMENT', 'PRINCIPAL', -round(amount / 2, 2), currency,
                           least(current_date, due_date + 5), 'bench partial payment', now()
                      from invoice where creditor_id = ? and (hashtext(invoice_number) & 7) = 3
                    union all
                    select creditor_id, customer_id, id, 'FEE', 'FEES', 35, currency,
                           least(current_date, due_date + 14), 'bench fee', now()
                      from invoice where creditor_id = ? and (hashtext(invoice_number) & 7) in (4, 5)""")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setString(i, creditor);
                }
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze customer");
                s.execute("vacuum analyze invoice");
                s.execute("vacuum analyze ledger_entry");
                s.execute("vacuum analyze invoice_balance_history");
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from ledger_entry where creditor_id = '" + creditor + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
