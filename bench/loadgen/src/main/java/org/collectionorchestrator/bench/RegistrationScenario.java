package org.collectionorchestrator.bench;

import java.util.List;

/** Scenario 1: POST /api/v1/invoices from 16 closed-loop clients; throughput of 201s and latency percentiles. */
final class RegistrationScenario {

    static void run(Args args, Report report) throws Exception {
        Service service = new Service(args.required("base-url"));
        int clients = args.integer("clients", 16);
        int warmup = args.integer("warmup", 500);
        int count = args.integer("count", 5000);
        int maxSeconds = args.integer("max-seconds", 240);
        List<String> creditors = List.of("bench-no-1", "bench-no-2", "bench-no-3", "bench-no-4");
        for (String c : creditors) {
            service.putCreditor(c);
        }
        Registrar registrar = new Registrar(service, creditors);
        Registrar.Result w = registrar.run("r-", 1, warmup, clients, 30, maxSeconds, false);
        System.out.printf("registration warm-up: %d created in %.1f s%n", w.created(), w.seconds());
        Registrar.Result r = registrar.run("r-", 1 + warmup, count, clients, 30, maxSeconds, false);
        double rate = r.created() / r.seconds();
        Stats s = Stats.ofNanos(r.latencyNanos(), r.latencyNanos().length);
        report.row("invoices registered (201)", r.created() + " of " + count + " in " + Report.fmt("%.1f s", r.seconds())
                + (r.attempted() < count ? " (time bound " + maxSeconds + " s hit)" : ""), count + "", r.created() == count);
        report.row("throughput", Report.fmt("%.1f invoices/s", rate), "≥ 400 invoices/s", rate >= 400);
        report.row("latency p50", Stats.f(s.p50()) + " ms", "", null);
        report.row("latency p95", Stats.f(s.p95()) + " ms", "", null);
        report.row("latency p99", Stats.f(s.p99()) + " ms", "< 150 ms", s.p99() < 150);
        report.row("latency max / mean", Stats.f(s.max()) + " / " + Stats.f(s.mean()) + " ms", "", null);
        report.note(clients + " closed-loop clients (platform threads, one request in flight each), " + warmup
                + " invoices warm-up first, " + creditors.size() + " creditors (NO/NOK), KID MOD10 references, due in 30 days.");
        report.note("HTTP statuses: " + r.statuses() + (r.errors().isEmpty() ? "" : "; first errors: " + r.errors()));
        if (r.created() == 0) {
            report.fail("no invoice was registered");
        }
    }
}
