package dev.holdfast.ui.bench;

import java.util.Arrays;
import java.util.Locale;

/** Durations in nanoseconds, summarised in milliseconds (p50/p95/p99/max). Thread-safe. */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized long countAbove(long nanos) {
        return Arrays.stream(values, 0, size).filter(v -> v > nanos).count();
    }

    synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int at = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, at))] / 1e6;
    }

    synchronized double maxMs() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).max().getAsLong() / 1e6;
    }

    /** "n, p50, p95, p99, max" as one table row. */
    String row(String name) {
        return String.format(Locale.ROOT, "%-46s %7d %8.1f %8.1f %8.1f %8.1f", name, count(), percentileMs(50),
                percentileMs(95), percentileMs(99), maxMs());
    }

    static String header() {
        return String.format(Locale.ROOT, "%-46s %7s %8s %8s %8s %8s", "ms", "n", "p50", "p95", "p99", "max");
    }
}
