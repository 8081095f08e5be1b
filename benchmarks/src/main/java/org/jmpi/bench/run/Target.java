package org.jmpi.bench.run;

import java.util.Locale;

/**
 * One goal of summary.md: a benchmark point of one variant measured against a reference
 * variant at the same size, as a ratio with a bound. For latency the ratio must be at most
 * the goal (lower is better), for bandwidth at least the goal.
 *
 * @param bench     the benchmark's short name
 * @param size      message size in bytes (0 for barrier)
 * @param measured  the variant judged, e.g. {@link Variant#JAVA_ARRAY}
 * @param reference what it is divided by: {@link Variant#C}, Java(segment) for arrays, or the
 *                  jmpi-api twin of a program on the {@code mpi} package
 * @param metric    latency or bandwidth: which way the bound goes and which repetition is best
 * @param goal      the bound on measured/reference
 */
public record Target(String bench, long size, Variant measured, Variant reference, Metric metric, double goal) {

    /** Rejects a goal that is not positive and a variant compared with itself. */
    public Target {
        if (!(goal > 0)) {
            throw new IllegalArgumentException("goal must be positive, not " + goal);
        }
        if (measured.equals(reference)) {
            throw new IllegalArgumentException("a variant cannot be its own reference: " + measured);
        }
    }

    /** Whether {@code ratio} meets the goal: at most it for latency, at least it for bandwidth. */
    public boolean meets(double ratio) {
        return metric.higherIsBetter() ? ratio >= goal : ratio <= goal;
    }

    /** The benchmark point: {@code latency 8 B}, {@code bw 4 MiB}; {@code barrier} (size 0) alone. */
    public String label() {
        return size == 0 ? bench : bench + " " + Summary.size(size);
    }

    /** The comparison as summary.md writes it: {@code segment/C}, {@code array/segment}, {@code mpi-direct/segment}. */
    public String comparison() {
        return measured.label() + "/" + reference.label();
    }

    /** The goal as summary.md writes it: {@code ≤ 1.20}, {@code ≥ 0.90}. */
    public String goalText() {
        return String.format(Locale.ROOT, "%s %.2f", metric.higherIsBetter() ? "≥" : "≤", goal);
    }
}
