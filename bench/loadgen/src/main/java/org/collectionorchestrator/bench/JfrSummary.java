package org.collectionorchestrator.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Scenario 6: where the service's CPU time went, from a JFR recording's execution samples: by thread group, by
 * hottest method (top frame), and by the innermost frame of our own code ({@code org.collectionorchestrator}).
 */
final class JfrSummary {

    private static final String OURS = "org.collectionorchestrator.";

    static void run(Args args, Report report) throws Exception {
        Path file = args.path("jfr", "profile.jfr");
        int top = args.integer("top", 12);
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> oursInclusive = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (WAITS.contains(type)) {
                waitOnRequestThread(event, type, waits);
                continue;
            }
            if (!"jdk.ExecutionSample".equals(type)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            hot.merge(name(frames.get(0)), 1, Integer::sum);
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(threadGroup(thread), 1, Integer::sum);
            String innermostOurs = "(no frame of org.collectionorchestrator)";
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
                String n = name(frame);
                if (n.startsWith(OURS)) {
                    if (innermostOurs.startsWith("(")) {
                        innermostOurs = n;
                    }
                    if (seen.add(n)) {
                        oursInclusive.merge(n, 1, Integer::sum);
                    }
                }
            }
            ours.merge(innermostOurs, 1, Integer::sum);
        }
        report.note(samples + " execution samples (JFR `settings=profile`, Java code only; time in PostgreSQL, the kernel and "
                + "waiting is not in them).");
        table(report, "CPU samples by thread", threads, samples, top);
        table(report, "Hottest methods (top frame)", hot, samples, top);
        table(report, "Innermost frame of our code (org.collectionorchestrator) under each sample", ours, samples, top);
        table(report, "Our methods on the stack (inclusive)", oursInclusive, samples, top);
        int waited = waits.values().stream().mapToInt(Integer::intValue).sum();
        table(report, "Request threads (http-nio) blocked, ms, by event and innermost frame of our code (parks, monitor "
                + "waits, socket reads over JFR's threshold)", waits, waited, top);
    }

    private static final java.util.Set<String> WAITS = java.util.Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.SocketRead");

    private static void waitOnRequestThread(RecordedEvent event, String type, Map<String, Integer> waits) {
        var thread = event.getThread("eventThread");
        if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("http-nio")
                || event.getStackTrace() == null) {
            return;
        }
        String where = "(no frame of ours: mostly idle pool threads waiting for a request)";
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (name(frame).startsWith(OURS)) {
                where = name(frame);
                break;
            }
        }
        waits.merge(type.substring(4) + " in " + where, (int) event.getDuration().toMillis(), Integer::sum);
    }

    private static void table(Report report, String title, Map<String, Integer> counts, int total, int top) {
        StringBuilder md = new StringBuilder("**" + title + "**\n\n  | share | count | where |\n  |---|---|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> md.append(Report.fmt("  | %.1f %% | %d | `%s` |%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey())));
        report.note(md.toString());
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Thread names without their numbers, so pools add up (http-nio-8080-exec-7 → http-nio-#-exec-#). */
    static String threadGroup(String thread) {
        return thread.replaceAll("\\d+", "#");
    }
}
