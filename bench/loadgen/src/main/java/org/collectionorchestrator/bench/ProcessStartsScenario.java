package org.collectionorchestrator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 3, service side: register N invoices due in 30 days (their processes wait at the first timer) and measure
 * from the first POST until all N rows have a process_instance_key in PostgreSQL. Works whether the process is started
 * on the request thread (today) or later by the outbox relay. The bare-engine side is {@link BareEngineScenario}; the
 * ratio is computed by {@code --bare-rate-file} if given (run.sh runs the bare engine first).
 */
final class ProcessStartsScenario {

    static void run(Args args, Report report) throws Exception {
        Service service = new Service(args.required("base-url"));
        int clients = args.integer("clients", 16);
        int warmup = args.integer("warmup", 100);
        int count = args.integer("count", 1000);
        int maxSeconds = args.integer("max-seconds", 180);
        List<String> creditors = List.of("bench-ps-1", "bench-ps-2");
        for (String c : creditors) {
            service.putCreditor(c);
        }
        Registrar registrar = new Registrar(service, creditors);
        try (Db db = new Db(args.required("db"))) {
            String started = "select count(*) from invoice where process_instance_key is not null and invoice_number like '%s%%'";
            registrar.run("psw-", 1, warmup, clients, 30, maxSeconds, false);
            db.awaitCount(started.formatted("psw-"), n -> n >= warmup, 50, maxSeconds * 1000L);

            Registrar.Result r = registrar.run("ps-", 1 + warmup, count, clients, 30, maxSeconds, false);
            long allStarted = db.awaitCount(started.formatted("ps-"), n -> n >= count, 20, maxSeconds * 1000L);
            long have = db.count(started.formatted("ps-"));
            double seconds = ((allStarted > 0 ? allStarted : System.nanoTime()) - r.startNanos()) / 1e9;
            double rate = have / seconds;
            report.row("service: processes started", have + " of " + count + " in " + Report.fmt("%.1f s", seconds)
                    + (allStarted < 0 ? " (time-out)" : ""), count + "", have == count);
            report.row("service: process starts/s", Report.fmt("%.1f /s", rate), "", null);
            report.row("service: registration (201s) alone", Report.fmt("%.1f invoices/s", r.created() / r.seconds()), "", null);
            String bareFile = args.get("bare-rate-file", null);
            if (bareFile != null && Files.exists(Path.of(bareFile))) {
                double bare = Double.parseDouble(Files.readString(Path.of(bareFile)).trim());
                double ratio = rate / bare;
                report.row("bare engine: process starts/s (same BPMN, same run)", Report.fmt("%.1f /s", bare), "", null);
                report.row("ratio service / bare engine", Report.fmt("%.2f", ratio), "≥ 0.8", ratio >= 0.8);
            } else {
                report.note("bare-engine rate missing (bare-engine side did not run or failed), no ratio");
            }
            report.note("N = " + count + " after " + warmup + " warm-up invoices, " + clients + " clients; service side "
                    + "measures first POST → all N rows have process_instance_key (SQL poll every 20 ms).");
            report.note("HTTP statuses: " + r.statuses() + (r.errors().isEmpty() ? "" : "; first errors: " + r.errors()));
            if (have == 0) {
                report.fail("no process was started");
            }
        }
    }
}
