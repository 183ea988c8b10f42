package org.collectionorchestrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers invoices over {@code POST /api/v1/invoices} from a fixed number of platform threads, each one request at
 * a time (closed loop). Stops at {@code count} invoices or when {@code maxSeconds} have passed, whichever is first.
 */
final class Registrar {

    record Result(int attempted, int created, long[] latencyNanos, long startNanos, long endNanos,
                  Map<Integer, Integer> statuses, List<String> errors, Map<String, String> invoiceIds) {

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final Service service;
    private final List<String> creditors;

    Registrar(Service service, List<String> creditors) {
        this.service = service;
        this.creditors = creditors;
    }

    /** Invoice seq numbers {@code firstSeq .. firstSeq+count-1}; invoiceIds maps invoiceNumber to id (201s only). */
    Result run(String prefix, long firstSeq, int count, int clients, int dueInDays, long maxSeconds, boolean keepIds)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long[] latencies = new long[count];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Map<String, String> ids = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        AtomicLong end = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofPlatform().name("register-" + t).start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                    long seq = firstSeq + i;
                    String creditor = creditors.get((int) (seq % creditors.size()));
                    var request = service.post("/api/v1/invoices",
                            Payloads.invoice(creditor, prefix, seq, dueInDays, true));
                    long sent = System.nanoTime();
                    try {
                        Service.Response r = service.send(request);
                        latencies[i] = System.nanoTime() - sent;
                        statuses.merge(r.status(), 1, Integer::sum);
                        if (r.status() == 201) {
                            created.incrementAndGet();
                            if (keepIds) {
                                ids.put(prefix + seq, r.body().path("id").asText());
                            }
                        } else if (errors.size() < 5) {
                            errors.add(r.status() + " " + r.body());
                        }
                    } catch (Exception e) {
                        latencies[i] = System.nanoTime() - sent;
                        statuses.merge(-1, 1, Integer::sum);
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                    done.incrementAndGet();
                    end.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int attempted = done.get();
        // latencies of attempted requests sit in the first slots handed out; unused slots stay 0 and are dropped
        long[] used = new long[attempted];
        int k = 0;
        for (int i = 0; i < count && k < attempted; i++) {
            if (latencies[i] > 0) {
                used[k++] = latencies[i];
            }
        }
        return new Result(attempted, created.get(), java.util.Arrays.copyOf(used, k), start, end.get(), statuses,
                List.copyOf(errors), ids);
    }
}
