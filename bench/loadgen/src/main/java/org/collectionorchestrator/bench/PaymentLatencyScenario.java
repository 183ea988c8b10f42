package org.collectionorchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: M invoices registered with their processes started, then one full payment each at a steady rate
 * (open loop: a send is never held back by a slow answer). Per payment: POST sent → process ended, seen as the audit
 * entry DUNNING_STOPPED in GET /api/v1/invoices/{id}. If the service does not know that audit type (it is not in its
 * OpenAPI document), falls back to status SETTLED and says so.
 */
final class PaymentLatencyScenario {

    static final String ENDED_AUDIT_TYPE = "DUNNING_STOPPED";

    private static final class Pending {
        final String invoiceId;
        final long sentNanos;
        final Instant sentWall;
        volatile long lastPollNanos;
        volatile boolean polling;

        Pending(String invoiceId, long sentNanos, Instant sentWall) {
            this.invoiceId = invoiceId;
            this.sentNanos = sentNanos;
            this.sentWall = sentWall;
        }
    }

    static void run(Args args, Report report) throws Exception {
        Service service = new Service(args.required("base-url"));
        int invoices = args.integer("count", 300);
        int perSecond = args.integer("rate", 50);
        int pollMillis = args.integer("poll-millis", 20);
        int maxPolls = args.integer("max-polls-in-flight", 8);
        int maxSeconds = args.integer("max-seconds", 120);
        String creditor = "bench-pay-1";
        service.putCreditor(creditor);

        String apiDocs = service.getText("/v3/api-docs");
        boolean auditMode = apiDocs != null && apiDocs.contains(ENDED_AUDIT_TYPE);
        String mode = args.get("end-signal", auditMode ? "audit" : "status");

        Registrar.Result registered = new Registrar(service, List.of(creditor))
                .run("pl-", 1, invoices, 16, 30, maxSeconds, true);
        List<String> ids = new ArrayList<>(registered.invoiceIds().values());
        Map<String, String> amounts = new ConcurrentHashMap<>();
        registered.invoiceIds().forEach((number, id) -> amounts.put(id, Payloads.amount(Long.parseLong(number.substring(3)))));
        try (Db db = new Db(args.required("db"))) {
            db.awaitCount("select count(*) from invoice where process_instance_key is not null and invoice_number like 'pl-%'",
                    n -> n >= ids.size(), 50, maxSeconds * 1000L);
        }

        Map<String, Pending> pending = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>(); // {poll latency, at latency (or -1)}
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> postStatuses = new ConcurrentHashMap<>();
        long[] postLatency = new long[ids.size()];
        AtomicInteger polls = new AtomicInteger();
        Semaphore pollSlots = new Semaphore(maxPolls);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        AtomicInteger sent = new AtomicInteger();
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        var sender = scheduler.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= ids.size()) {
                return;
            }
            String id = ids.get(i);
            var request = service.post("/api/v1/payments",
                    Payloads.paymentForInvoice(creditor, id, amounts.get(id), "pl-tx-" + i));
            long t = System.nanoTime();
            pending.put(id, new Pending(id, t, Instant.now()));
            service.sendAsync(request).whenComplete((r, e) -> {
                postLatency[i] = System.nanoTime() - t;
                postStatuses.merge(e != null ? -1 : r.status(), 1, Integer::sum);
                if ((e != null || r.status() != 201) && errors.size() < 5) {
                    errors.add(e != null ? e.toString() : r.status() + " " + r.body());
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        var poller = scheduler.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            for (Pending p : pending.values()) {
                if (p.polling || now - p.lastPollNanos < pollMillis * 1_000_000L || !pollSlots.tryAcquire()) {
                    continue;
                }
                p.polling = true;
                p.lastPollNanos = now;
                polls.incrementAndGet();
                service.sendAsync(service.get("/api/v1/invoices/" + p.invoiceId)).whenComplete((r, e) -> {
                    long seenAt = System.nanoTime();
                    pollSlots.release();
                    p.polling = false;
                    if (e != null || r.status() != 200) {
                        return;
                    }
                    Instant at = ended(r.body(), mode);
                    if (at != null && pending.remove(p.invoiceId) != null) {
                        long atLatency = at == Instant.MIN ? -1
                                : java.time.Duration.between(p.sentWall, at).toNanos();
                        seen.add(new long[] {seenAt - p.sentNanos, atLatency});
                    }
                });
            }
        }, 5, 2, TimeUnit.MILLISECONDS);

        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        while ((sent.get() < ids.size() || !pending.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        sender.cancel(false);
        poller.cancel(false);
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);

        long[] pollLat = seen.stream().mapToLong(a -> a[0]).toArray();
        long[] atLat = seen.stream().mapToLong(a -> a[1]).filter(v -> v >= 0).toArray();
        long[] postLat = java.util.Arrays.stream(postLatency).filter(v -> v > 0).toArray();
        Stats p = Stats.ofNanos(pollLat, pollLat.length);
        Stats a = Stats.ofNanos(atLat, atLat.length);
        Stats post = Stats.ofNanos(postLat, postLat.length);
        String what = mode.equals("audit") ? "POST → audit " + ENDED_AUDIT_TYPE + " seen" : "POST → status SETTLED seen";
        report.row("payments ended / sent", seen.size() + " / " + Math.min(sent.get(), ids.size()), ids.size() + "",
                seen.size() == ids.size());
        report.row(what + ", p50 / p95", Stats.f(p.p50()) + " / " + Stats.f(p.p95()) + " ms", "", null);
        report.row(what + ", p99", Stats.f(p.p99()) + " ms", "< 1000 ms", p.p99() < 1000);
        {
            report.row("POST → " + (mode.equals("audit") ? ENDED_AUDIT_TYPE : "SETTLED") + " entry `at`, p50 / p95 / p99", Stats.f(a.p50()) + " / " + Stats.f(a.p95()) + " / "
                    + Stats.f(a.p99()) + " ms", "< 1000 ms (p99)", a.count() == 0 ? null : a.p99() < 1000);
        }
        report.row("POST /api/v1/payments response, p50 / p95 / p99", Stats.f(post.p50()) + " / " + Stats.f(post.p95())
                + " / " + Stats.f(post.p99()) + " ms", "", null);
        report.note(ids.size() + " invoices registered and their processes started first; payments by invoiceId, full amount, "
                + "at " + perSecond + "/s open loop; " + polls.get() + " status polls (each pending invoice every ≥ "
                + pollMillis + " ms, at most " + maxPolls + " polls in flight) over " + Report.fmt("%.1f s", sendSeconds) + ".");
        if (!mode.equals("audit")) {
            report.note("**Fallback:** the service's OpenAPI document does not list the audit type " + ENDED_AUDIT_TYPE
                    + ", so the end signal is `status` = SETTLED. SETTLED is written in the payment's own transaction, so this "
                    + "figure is POST → payment committed and visible, **not** POST → process ended; the engine side "
                    + "(invoice-settled message, interrupting event sub-process) is not in it.");
        } else {
            report.note("Entry `at` latency uses the service's application clock (MovableClock, not moved in the benchmark) "
                    + "against this JVM's wall clock, same machine.");
        }
        report.note("POST statuses: " + postStatuses + (errors.isEmpty() ? "" : "; first errors: " + errors));
        if (seen.isEmpty()) {
            report.fail("no payment's end was seen");
        }
    }

    /** When the end was recorded (Instant.MIN if seen but without a time), or null if not yet. */
    static Instant ended(JsonNode invoice, String mode) {
        if (mode.equals("audit")) {
            for (JsonNode entry : invoice.path("auditTrail")) {
                if (ENDED_AUDIT_TYPE.equals(entry.path("type").asText())) {
                    String at = entry.path("at").asText(null);
                    return at == null ? Instant.MIN : OffsetDateTime.parse(at).toInstant();
                }
            }
            return null;
        }
        if (!"SETTLED".equals(invoice.path("status").asText())) {
            return null;
        }
        for (JsonNode entry : invoice.path("auditTrail")) {
            if ("SETTLED".equals(entry.path("type").asText()) && entry.hasNonNull("at")) {
                return OffsetDateTime.parse(entry.path("at").asText()).toInstant();
            }
        }
        return Instant.MIN;
    }
}
