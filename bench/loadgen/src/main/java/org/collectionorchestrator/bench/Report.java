package org.collectionorchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's part of the results file: a markdown section, printed and written to {@code --out}. Each figure is a
 * row "figure | measured | target | verdict".
 */
final class Report {

    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean failed;

    Report(String title) {
        this.title = title;
    }

    void row(String figure, String measured, String target, Boolean met) {
        String verdict = met == null ? "" : met ? "met" : "**missed**";
        lines.add("| " + figure + " | " + measured + " | " + target + " | " + verdict + " |");
    }

    void note(String text) {
        notes.add(text);
    }

    void fail(String reason) {
        failed = true;
        notes.add("**FAILED:** " + reason);
    }

    boolean failed() {
        return failed;
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    void write(Path out) throws IOException {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        if (!lines.isEmpty()) {
            md.append("| figure | measured | target | |\n|---|---|---|---|\n");
            lines.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append('\n');
        System.out.print(md);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md);
        }
    }
}
