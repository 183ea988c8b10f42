package org.collectionorchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 7 (issue 15 item 9): a generated camt.054 of N booked credit entries matched against M open invoices in
 * PostgreSQL. One creditor (PUT, with its bank account); M invoices, their customers and PRINCIPAL ledger entries seeded
 * with a few set-based SQL statements; then (a) the service: {@code POST /api/v1/bank-statements?preview=true} with the
 * file streamed as the body — wall time, entries/s, Server-Timing read and match, peak heap; (b) the naive approach in
 * the same run: one prepared SQL lookup per entry over JDBC; (c) a real import (preview=false) of a smaller file
 * against other invoices of the same set: booked payments/s.
 */
final class BankImportScenario {

    static final String IBAN = "NO9386011117947";
    private static final Pattern TIMING = Pattern.compile("(\\w+);dur=(\\d+)");

    static void run(Args args, Report report) throws Exception {
        Service service = new Service(args.required("base-url"));
        String dbUrl = args.required("db");
        int invoices = args.integer("invoices", 1_000_000);
        int customers = args.integer("customers", 100_000);
        int entries = args.integer("entries", 100_000);
        int bookEntries = args.integer("book-entries", 10_000);
        int maxSeconds = args.integer("max-seconds", 600);
        Path dir = Files.createTempDirectory("bench-camt");
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        String creditor = "bench-bank-1";

        // 1. the creditor, with the account the files are for
        Map<String, Object> body = Payloads.creditor("Bench " + creditor);
        body.put("banking", Map.of("bankAccounts", List.of(Map.of("account", IBAN))));
        Service.Response put = service.send(service.put("/api/v1/creditors/" + creditor, body));
        if (put.status() != 200 && put.status() != 201) {
            throw new IllegalStateException("PUT creditor answered " + put.status() + ": " + put.body());
        }

        // 2. seed: customers, open invoices with unique references, one PRINCIPAL entry each
        long t0 = System.nanoTime();
        long[] seedPhases = seed(dbUrl, creditor, invoices, customers);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        report.row("seed: " + fmtInt(customers) + " customers, " + fmtInt(invoices) + " OPEN invoices + PRINCIPAL entries",
                Report.fmt("%.1f s (customers %.1f, invoices %.1f, ledger %.1f, analyze %.1f)", seedSeconds,
                        seedPhases[0] / 1e9, seedPhases[1] / 1e9, seedPhases[2] / 1e9, seedPhases[3] / 1e9),
                "", null);

        // 3. the files: a small one to check the service reads ours, then the measured one
        int step = Math.max(1, invoices / Math.max(1, entries));
        LongUnaryOperator previewSeq = i -> 1 + (i * step) % invoices;
        Path small = dir.resolve("check.xml");
        int smallCount = Math.min(1000, entries);
        CamtFile.write(small, "BENCH-CHECK", IBAN, "NOK", smallCount, previewSeq, BankImportScenario::reference,
                Payloads::amount);
        Post check = post(service, creditor, small, true, 120);
        if (check.status != 200 || check.summary.path("matched").asInt(-1) != smallCount) {
            report.fail("the service did not accept a " + smallCount + "-entry check file: " + check.status + " "
                    + check.summary);
            return;
        }
        long g0 = System.nanoTime();
        Path big = dir.resolve("preview.xml");
        long bytes = CamtFile.write(big, "BENCH-PREVIEW", IBAN, "NOK", entries, previewSeq, BankImportScenario::reference,
                Payloads::amount);
        double genSeconds = (System.nanoTime() - g0) / 1e9;

        // 4a. the service, preview (matching only); heap sampled meanwhile
        HeapSampler heap = new HeapSampler(service);
        heap.start();
        Post preview = post(service, creditor, big, true, secondsLeft(deadline));
        heap.stop();
        JsonNode s = preview.summary;
        int matched = s.path("matched").asInt(-1);
        double rate = entries / preview.seconds;
        long read = preview.timing("read");
        long match = preview.timing("match");
        report.row("service, preview of " + fmtInt(entries) + " entries: HTTP status, matched",
                preview.status + ", " + fmtInt(matched) + " matched, " + s.path("unmatched").asInt(-1) + " unmatched",
                fmtInt(entries) + " matched", preview.status == 200 && matched == entries);
        report.row("service: wall time (POST sent → answer read)", Report.fmt("%.2f s", preview.seconds), "< 10 s",
                preview.seconds < 10);
        report.row("service: entries/s (entries / wall)", Report.fmt("%,.0f entries/s", rate), "≥ 10,000 entries/s",
                rate >= 10_000);
        report.row("service: Server-Timing read / match", read + " ms / " + match + " ms", "", null);
        report.row("service: peak heap used during the preview (sampled every 200 ms) / max heap",
                heap.peakMiB() + " / " + heap.maxMiB() + " MiB", "< 512 MB", heap.peak.get() > 0
                        ? heap.peak.get() < 512L * 1024 * 1024 : null);

        // 4b. the naive approach: one SQL lookup per entry, one round trip each
        Naive naive = naive(dbUrl, creditor, entries, previewSeq, deadline);
        double naiveRate = naive.done / naive.seconds;
        double naiveWall = naive.done == entries ? naive.seconds : naive.seconds * entries / Math.max(1, naive.done);
        report.row("naive: " + fmtInt(entries) + " lookups, one prepared `select` per entry (JDBC, same run)",
                Report.fmt("%.2f s, %,.0f entries/s, %,d found", naive.seconds, naiveRate, naive.found)
                        + (naive.done < entries ? " (time bound hit after " + fmtInt(naive.done) + "; wall extrapolated "
                        + Report.fmt("%.1f s", naiveWall) + ")" : ""), "", null);
        double ratioMatch = match > 0 ? naiveWall * 1000 / match : Double.NaN;
        double ratioWall = naiveWall / preview.seconds;
        report.row("ratio naive wall / service match time", Report.fmt("%.1f×", ratioMatch), "≥ 20×", ratioMatch >= 20);
        report.row("ratio naive wall / service wall (read + match + HTTP)", Report.fmt("%.1f×", ratioWall), "≥ 20×",
                ratioWall >= 20);

        // 4b'. the bulk query alone: what the service's matching sends for the invoices, timed over JDBC
        double[] bulk = bulk(dbUrl, creditor, entries, previewSeq);
        report.row("bulk SQL alone: the service's invoice query (`payment_reference = any(?)`, " + fmtInt(entries)
                        + " references, one round trip) over JDBC",
                Report.fmt("%.2f s, %,.0f rows; naive / bulk = %.1f×", bulk[0], bulk[1], naiveWall / bulk[0]), "", null);

        report.note("Plan of that query (EXPLAIN ANALYZE, run after it): `" + lastPlan + "`");

        // 4c. a real import of a smaller file against other invoices of the same set
        if (bookEntries > 0 && secondsLeft(deadline) > 10) {
            int bookStep = Math.max(1, invoices / bookEntries);
            LongUnaryOperator bookSeq = i -> 1 + (2 + i * bookStep) % invoices;
            Path bookFile = dir.resolve("book.xml");
            CamtFile.write(bookFile, "BENCH-BOOK", IBAN, "NOK", bookEntries, bookSeq, BankImportScenario::reference,
                    Payloads::amount);
            HeapSampler heapBook = new HeapSampler(service);
            heapBook.start();
            Post book;
            try {
                book = post(service, creditor, bookFile, false, secondsLeft(deadline));
            } catch (java.net.http.HttpTimeoutException e) {
                book = null;
                report.row("real import of " + fmtInt(bookEntries) + " entries (preview=false)",
                        "no answer within the time bound (" + maxSeconds + " s for the scenario)", "", false);
            }
            heapBook.stop();
            if (book != null) {
                int created = book.summary.path("paymentsCreated").asInt(-1);
                int bookedMatched = book.summary.path("matched").asInt(-1);
                report.row("real import of " + fmtInt(bookEntries) + " entries (preview=false): status, payments, matched",
                        book.status + ", " + fmtInt(created) + " payments, " + fmtInt(bookedMatched) + " matched",
                        fmtInt(bookEntries), book.status == 200 && bookedMatched == bookEntries);
                report.row("real import: wall time, booked payments/s",
                        Report.fmt("%.2f s, %,.0f payments/s", book.seconds, created / book.seconds), "", null);
                report.row("real import: Server-Timing read / book", book.timing("read") + " ms / " + book.timing("book")
                        + " ms", "", null);
                report.row("real import: peak heap used (sampled every 200 ms)", heapBook.peakMiB() + " MiB", "", null);
                if (book.status != 200) {
                    report.note("real import answered " + book.status + ": " + abbreviate(book.summary.toString()));
                }
            }
        } else if (bookEntries > 0) {
            report.note("real import not run: the time bound (" + maxSeconds + " s) was used up");
        }

        report.note("Service started with `-Xmx512m`: that the " + fmtInt(entries) + "-entry preview answered at all "
                + "means it fitted in 512 MB of heap. Creditor NO/NOK with bank account " + IBAN + " (PUT); "
                + fmtInt(invoices) + " OPEN invoices for " + fmtInt(customers) + " customers seeded by SQL "
                + "(`insert … select … from generate_series`, then `analyze`), references `7` + 9 digits: unique, "
                + "KID-like, **without** a valid check digit (matching is an exact lookup of the structured reference).");
        report.note("File: camt.054.001.02, " + fmtInt(entries) + " booked credit entries (Sts BOOK, CRDT, one TxDtls "
                + "with EndToEndId, TxAmt NOK, SCOR reference), each naming a different invoice (every " + step
                + ". of the seeded ones), full amount; " + Report.fmt("%.1f MB", bytes / 1e6) + ", written in "
                + Report.fmt("%.1f s", genSeconds) + " (not in any figure). Posted as `application/xml`, streamed "
                + "from the file. A " + smallCount + "-entry file was previewed first as a check (and warm-up).");
        report.note("Wall = POST sent → answer read in the load generator; entries/s = entries / wall. "
                + "Server-Timing `read` = the streaming parse (StAX) of the whole file, `match` = duplicate check and "
                + "matching (a fixed number of bulk queries). Peak heap is `jvm.memory.used` (area heap) from the "
                + "actuator, including garbage not yet collected.");
        report.note("Naive: `select i.id, i.invoice_number, i.customer_id, i.amount from invoice i where "
                + "i.creditor_id = ? and i.payment_reference = ?`, one prepared statement executed once per entry "
                + "(server-side prepared after 5 uses, pgjdbc's default), one connection, the same references in file "
                + "order, service idle. It does not parse the file, so the ratio favours the naive side. \"Bulk SQL alone\" is "
                + "the service's main matching query (PayableInvoices#named, with the customer join) sent once from "
                + "here: what the database costs the service's approach; the rest of its match time is its own work "
                + "(duplicate-key and customer-reference queries, index building, matching).");
        if (bookEntries > 0) {
            report.note("Real import: a second file of " + fmtInt(bookEntries) + " entries naming other invoices of the "
                    + "seeded set, booked in one transaction (payment rows, ledger PAYMENT entries, statuses, audit, "
                    + "outbox events). The seeded invoices have no process instance, so no engine work is waited for.");
        }
        if (preview.status != 200) {
            report.fail("preview answered " + preview.status + ": " + abbreviate(s.toString()));
        }
    }

    /** The seeded invoice {@code seq}'s payment reference: '7' and nine digits. */
    static String reference(long seq) {
        return "7" + String.format("%09d", seq);
    }

    private static long[] seed(String url, String creditor, int invoices, int customers) throws Exception {
        long[] phases = new long[4];
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"), "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into customer (creditor_id, id, name, segment, priority, country, language, email, updated_at)
                    select ?, 'bc-' || g, 'Kunde ' || g, case when g % 3 = 0 then 'BUSINESS' else 'PRIVATE' end, false,
                           'NO', 'nb', 'kunde' || g || '@example.no', now()
                      from generate_series(1, ?) g""")) {
                ps.setString(1, creditor);
                ps.setInt(2, customers);
                ps.executeUpdate();
            }
            c.commit();
            phases[0] = System.nanoTime() - t;
            t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into invoice (id, creditor_id, invoice_number, customer_id, issue_date, due_date, currency,
                                         amount, payment_reference, payment_reference_type, status, process_instance_key,
                                         request_fingerprint, registered_at)
                    select gen_random_uuid(), ?, 'bi-' || g, 'bc-' || (1 + g % ?), current_date - 5, current_date + 25, 'NOK',
                           ((100 + g % 9000) || '.' || lpad((g % 100)::text, 2, '0'))::numeric,
                           '7' || lpad(g::text, 9, '0'), null, 'OPEN', null, 'bench-seed', now()
                      from generate_series(1, ?) g""")) {
                ps.setString(1, creditor);
                ps.setInt(2, customers);
                ps.setInt(3, invoices);
                ps.executeUpdate();
            }
            c.commit();
            phases[1] = System.nanoTime() - t;
            t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_entry (creditor_id, customer_id, invoice_id, entry_type, component, amount, currency,
                                              booking_date, source, recorded_at)
                    select creditor_id, customer_id, id, 'PRINCIPAL', 'PRINCIPAL', amount, currency, issue_date,
                           'invoice ' || invoice_number, now()
                      from invoice where creditor_id = ?""")) {
                ps.setString(1, creditor);
                ps.executeUpdate();
            }
            c.commit();
            phases[2] = System.nanoTime() - t;
            t = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze customer, invoice, ledger_entry");
            }
            phases[3] = System.nanoTime() - t;
        }
        return phases;
    }

    private record Naive(int done, long found, double seconds) {
    }

    private static Naive naive(String url, String creditor, int entries, LongUnaryOperator seqOf, long deadline)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"), "");
             PreparedStatement ps = c.prepareStatement("select i.id, i.invoice_number, i.customer_id, i.amount "
                     + "from invoice i where i.creditor_id = ? and i.payment_reference = ?")) {
            c.setReadOnly(true);
            long found = 0;
            int done = 0;
            long start = System.nanoTime();
            for (int i = 0; i < entries && System.nanoTime() < deadline; i++) {
                ps.setString(1, creditor);
                ps.setString(2, reference(seqOf.applyAsLong(i)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getBigDecimal(4);
                        found++;
                    }
                }
                done++;
            }
            return new Naive(done, found, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The query of PayableInvoices#named with the file's references (no numbers, no ids): seconds and rows. */
    private static double[] bulk(String url, String creditor, int entries, LongUnaryOperator seqOf) throws Exception {
        String[] refs = new String[entries];
        for (int i = 0; i < entries; i++) {
            refs[i] = reference(seqOf.applyAsLong(i));
        }
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"), "");
             PreparedStatement ps = c.prepareStatement("""
                     select i.id, i.invoice_number, i.payment_reference, i.customer_id, c.name as customer_name, i.amount,
                            i.currency, i.status, i.due_date, i.issue_date
                       from invoice i join customer c on c.creditor_id = i.creditor_id and c.id = i.customer_id
                      where i.creditor_id = ?
                        and (i.payment_reference = any(?) or i.invoice_number = any(?) or i.id = any(?))""")) {
            c.setReadOnly(true);
            long start = System.nanoTime();
            ps.setString(1, creditor);
            ps.setArray(2, c.createArrayOf("varchar", refs));
            ps.setArray(3, c.createArrayOf("varchar", new String[0]));
            ps.setArray(4, c.createArrayOf("uuid", new Object[0]));
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getString(4);
                    rs.getString(5);
                    rs.getBigDecimal(6);
                    rs.getString(7);
                    rs.getString(8);
                    rs.getDate(9);
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // the same query explained, so the report says how PostgreSQL runs it (plan and server-side time)
            try (PreparedStatement explain = c.prepareStatement("explain (analyze, costs off, timing off, summary on) "
                    + "select i.id, i.invoice_number, i.payment_reference, i.customer_id, c.name as customer_name, "
                    + "i.amount, i.currency, i.status, i.due_date, i.issue_date from invoice i join customer c "
                    + "on c.creditor_id = i.creditor_id and c.id = i.customer_id where i.creditor_id = ? and "
                    + "(i.payment_reference = any(?) or i.invoice_number = any(?) or i.id = any(?))")) {
                explain.setString(1, creditor);
                explain.setArray(2, c.createArrayOf("varchar", refs));
                explain.setArray(3, c.createArrayOf("varchar", new String[0]));
                explain.setArray(4, c.createArrayOf("uuid", new Object[0]));
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        // the 100,000 references as an array literal would make the line a megabyte
                        plan.append(rs.getString(1).replaceAll("'\\{[^}]{60,}}'", "'{…the references…}'")
                                .replaceAll("\\s+", " ").strip()).append(" / ");
                    }
                }
                lastPlan = plan.toString();
            } catch (java.sql.SQLException e) {
                lastPlan = "(explain failed: " + e.getMessage() + ")";
            }
            return new double[] {seconds, rows};
        }
    }

    /** The plan of the bulk query, one line, as EXPLAIN ANALYZE gave it. */
    private static String lastPlan = "";

    private record Post(int status, JsonNode summary, double seconds, String serverTiming) {
        long timing(String name) {
            if (serverTiming == null) {
                return -1;
            }
            Matcher m = TIMING.matcher(serverTiming);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Long.parseLong(m.group(2));
                }
            }
            return -1;
        }
    }

    private static Post post(Service service, String creditor, Path file, boolean preview, long timeoutSeconds)
            throws Exception {
        HttpRequest request = service.request("/api/v1/bank-statements?creditorId=" + creditor + "&preview=" + preview)
                .timeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> r = service.sendRaw(request);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Post(r.statusCode(), service.json(r.body()), seconds,
                r.headers().firstValue("Server-Timing").orElse(null));
    }

    /** Polls the service's heap used (actuator) every 200 ms on its own thread. */
    private static final class HeapSampler {
        final AtomicLong peak = new AtomicLong();
        final AtomicLong max = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Service service;
        private Thread thread;

        HeapSampler(Service service) {
            this.service = service;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running.get()) {
                    sample("jvm.memory.used", peak);
                    if (max.get() == 0) {
                        sample("jvm.memory.max", max);
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private void sample(String metric, AtomicLong into) {
            try {
                Service.Response r = service.send(service.get("/actuator/metrics/" + metric + "?tag=area:heap"));
                if (r.status() == 200) {
                    into.accumulateAndGet((long) r.body().path("measurements").path(0).path("value").asDouble(), Math::max);
                }
            } catch (Exception ignored) {
                // a missed sample is a missed sample
            }
        }

        void stop() throws InterruptedException {
            sample("jvm.memory.used", peak);
            running.set(false);
            thread.join(2000);
        }

        String peakMiB() {
            return peak.get() == 0 ? "n/a" : Long.toString(peak.get() / (1024 * 1024));
        }

        String maxMiB() {
            return max.get() == 0 ? "n/a" : Long.toString(max.get() / (1024 * 1024));
        }
    }

    private static long secondsLeft(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L);
    }

    private static String fmtInt(long n) {
        return String.format("%,d", n);
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
