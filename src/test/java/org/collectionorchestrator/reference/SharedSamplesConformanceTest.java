package org.collectionorchestrator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every row of the shared real-world samples ({@code ../shared/samples/payment-references.csv}, beside the
 * Maven project root; CI always has it). The file is read in place, never copied; without it the tests are skipped.
 */
class SharedSamplesConformanceTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples", "payment-references.csv");

    record Sample(int line, PaymentReferenceScheme scheme, String value, boolean valid) {
        @Override
        public String toString() {
            if (scheme == null) {
                return "shared samples not present";
            }
            return "line " + line + ": " + scheme + " \"" + value + "\" valid=" + valid;
        }
    }

    /**
     * Skips the calling test when the samples are absent. Checked per test rather than in {@code @BeforeAll}: Surefire
     * does not report a class aborted there as skipped, it reports nothing.
     */
    private static void assumeSamplesPresent() {
        Assumptions.assumeTrue(Files.exists(SAMPLES), "shared samples not present, skipped");
    }

    /** The rows, or a single placeholder when the file is absent so that the skip shows in the report. */
    static List<Sample> samplesOrPlaceholder() throws IOException {
        return Files.exists(SAMPLES) ? samples() : List.of(new Sample(0, null, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesOrPlaceholder")
    void verdictMatches(Sample sample) {
        assumeSamplesPresent();
        assertThat(sample.scheme().isValid(PaymentReferences.normalize(sample.value())))
                .as(sample.toString())
                .isEqualTo(sample.valid());
    }

    @Test
    void coversEverySchemeWithValidAndInvalidRows() throws IOException {
        assumeSamplesPresent();
        List<Sample> samples = samples();
        Set<PaymentReferenceScheme> withValid = samples.stream().filter(Sample::valid)
                .map(Sample::scheme).collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentReferenceScheme.class)));
        Set<PaymentReferenceScheme> withInvalid = samples.stream().filter(s -> !s.valid())
                .map(Sample::scheme).collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentReferenceScheme.class)));
        assertThat(withValid).containsExactlyInAnyOrder(PaymentReferenceScheme.values());
        assertThat(withInvalid).containsExactlyInAnyOrder(PaymentReferenceScheme.values());
    }

    /** Rows of {@code scheme,value,valid,source}; only the first three columns are used. */
    static List<Sample> samples() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        assertThat(firstFields(lines.get(0), 3)).containsExactly("scheme", "value", "valid");
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = firstFields(lines.get(i), 3);
            assertThat(fields).as("line %d", i + 1).hasSize(3);
            assertThat(fields.get(2)).as("line %d verdict", i + 1).isIn("true", "false");
            samples.add(new Sample(i + 1, PaymentReferenceScheme.valueOf(fields.get(0)), fields.get(1),
                    Boolean.parseBoolean(fields.get(2))));
        }
        return samples;
    }

    /** The first {@code count} fields of a CSV line; a field may be double-quoted, with {@code ""} for a quote. */
    private static List<String> firstFields(String line, int count) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (fields.size() < count && i <= line.length()) {
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (i < line.length()) {
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            }
            while (i < line.length() && line.charAt(i) != ',') {
                field.append(line.charAt(i++));
            }
            fields.add(field.toString());
            i++; // past the comma
        }
        return fields;
    }
}
