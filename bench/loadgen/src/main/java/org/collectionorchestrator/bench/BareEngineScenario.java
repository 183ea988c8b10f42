package org.collectionorchestrator.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Scenario 3, bare side: the same in-memory engine the service embeds, in this JVM, with the repo's bpmn/ and dmn/
 * deployed as they are, a worker per service-task job type that completes at once (streaming on), and N instances
 * started as the service starts them (message start event → publish that message with TTL 0; none start event →
 * create instance). Measures until N instances have created their first timer.
 */
final class BareEngineScenario {

    /** Reading the record stream decodes the whole log: poll it rarely so it does not slow the engine it measures. */
    private static final long POLL_MILLIS = Long.getLong("bench.timer-poll-millis", 200);

    static void run(Args args, Report report) throws Exception {
        int warmup = args.integer("warmup", 100);
        int count = args.integer("count", 1000);
        int inFlight = args.integer("clients", 16);
        int maxSeconds = args.integer("max-seconds", 180);
        Path bpmnDir = args.path("bpmn", "bpmn");
        Path dmnDir = args.path("dmn", "dmn");
        List<Path> bpmnFiles = list(bpmnDir, ".bpmn");
        List<Path> models = new ArrayList<>(bpmnFiles);
        models.addAll(list(dmnDir, ".dmn"));

        BpmnFacts facts = BpmnFacts.read(bpmnFiles, args.get("process-id", "receivable-lifecycle"));
        ZeebeTestEngine engine = EngineFactory.create();
        engine.start();
        String port = engine.getGatewayAddress().replaceAll(".*:", "");
        CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .restAddress(URI.create("http://127.0.0.1:1"))
                .preferRestOverGrpc(false)
                .defaultRequestTimeout(Duration.ofSeconds(30))
                .build();
        List<JobWorker> workers = new ArrayList<>();
        try {
            var deploy = client.newDeployResourceCommand().addResourceFile(models.get(0).toString());
            for (Path model : models.subList(1, models.size())) {
                deploy = deploy.addResourceFile(model.toString());
            }
            deploy.send().join();
            for (String type : facts.jobTypes()) {
                workers.add(client.newWorker().jobType(type)
                        .handler((jobClient, job) -> jobClient.newCompleteCommand(job)
                                .variables(completionVariables(type)).send())
                        .streamEnabled(true)
                        .maxJobsActive(32)
                        .open());
            }
            start(client, facts, "bw-", warmup, inFlight);
            awaitTimers(engine, warmup, maxSeconds);

            long t0 = System.nanoTime();
            int ok = start(client, facts, "b-", count, inFlight);
            System.out.printf("bare engine: %d start commands answered after %.1f s%n", ok, (System.nanoTime() - t0) / 1e9);
            long t1 = awaitTimers(engine, warmup + count, maxSeconds);
            long timers = timers(engine) - warmup;
            double seconds = ((t1 > 0 ? t1 : System.nanoTime()) - t0) / 1e9;
            double rate = timers / seconds;
            report.row("bare engine: instances at first timer", timers + " of " + count + " in " + Report.fmt("%.1f s", seconds)
                    + (t1 < 0 ? " (time-out)" : ""), count + "", timers >= count);
            report.row("bare engine: process starts/s", Report.fmt("%.1f /s", rate), "", null);
            report.note("bare engine: " + (facts.startMessage() != null
                    ? "start event is a message start event; published message `" + facts.startMessage() + "` (correlation key = invoice id, TTL 0)"
                    : "start event is a none start event; created instances of `" + facts.processId() + "`")
                    + "; workers completing at once for job types " + facts.jobTypes() + "; " + inFlight
                    + " start commands in flight; " + ok + " start commands accepted; " + warmup + " warm-up instances first.");
            String rateFile = args.get("rate-file", null);
            if (rateFile != null) {
                Files.writeString(Path.of(rateFile), Double.toString(rate));
            }
            if (timers < count) {
                report.fail("only " + timers + " of " + count + " instances reached the first timer");
            }
        } finally {
            workers.forEach(JobWorker::close);
            client.close();
            engine.stop();
        }
    }

    /** What the job workers return; the first step of the lifecycle (after the outbox change) records the start. */
    static Map<String, Object> completionVariables(String jobType) {
        return "link-lifecycle-process".equals(jobType) ? Map.of("firstProcess", true) : Map.of();
    }

    private static int start(CamundaClient client, BpmnFacts facts, String prefix, int count, int inFlight)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 1; i <= count; i++) {
            permits.acquire();
            Map<String, Object> variables = variables(prefix, i);
            String invoiceId = (String) variables.get("invoiceId");
            CompletionStage<?> sent = facts.startMessage() != null
                    ? client.newPublishMessageCommand().messageName(facts.startMessage()).correlationKey(invoiceId)
                            .timeToLive(Duration.ZERO).variables(variables).send()
                    : client.newCreateInstanceCommand().bpmnProcessId(facts.processId()).latestVersion()
                            .variables(variables).send();
            sent.whenComplete((r, e) -> {
                (e == null ? accepted : failed).incrementAndGet();
                permits.release();
            });
        }
        permits.acquire(inFlight);
        if (failed.get() > 0) {
            System.err.println("bare engine: " + failed.get() + " start commands failed");
        }
        return accepted.get();
    }

    /** The variables InvoiceLifecycle#processVariables sends, for a made-up invoice due in 30 days. */
    static Map<String, Object> variables(String prefix, int i) {
        LocalDate due = LocalDate.now().plusDays(30);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("invoiceId", UUID.randomUUID().toString());
        v.put("creditorId", "bench-ps-1");
        v.put("invoiceNumber", prefix + i);
        v.put("customerName", "Kunde " + i);
        v.put("segment", i % 3 == 0 ? "BUSINESS" : "PRIVATE");
        v.put("priority", false);
        v.put("country", "NO");
        v.put("currency", "NOK");
        v.put("amount", Payloads.amount(i));
        v.put("dueDate", due.toString());
        v.put("overdueAt", OffsetDateTime.of(due.plusDays(1).atStartOfDay(), ZoneId.of("Europe/Oslo").getRules()
                .getOffset(due.plusDays(1).atStartOfDay())).toString());
        v.put("reminderNumber", 0);
        return v;
    }

    private static long awaitTimers(ZeebeTestEngine engine, int expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (System.nanoTime() < deadline) {
            if (timers(engine) >= expected) {
                return System.nanoTime();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return -1;
    }

    private static long timers(ZeebeTestEngine engine) {
        long n = 0;
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.TIMER && record.getIntent() == TimerIntent.CREATED) {
                n++;
            }
        }
        return n;
    }

    private static List<Path> list(Path dir, String suffix) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
