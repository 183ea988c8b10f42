package org.collectionorchestrator.bench;

import java.util.Arrays;

/** Latency figures from nanosecond samples: nearest-rank percentiles, in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    static Stats ofNanos(long[] nanos, int count) {
        if (count == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Stats(count, ms(rank(sorted, 50)), ms(rank(sorted, 95)), ms(rank(sorted, 99)),
                ms(sorted[count - 1]), sum / count / 1e6);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
