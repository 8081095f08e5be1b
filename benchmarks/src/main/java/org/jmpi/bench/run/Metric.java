package org.jmpi.bench.run;

/** What a benchmark measures, its unit, and which way is better. */
public enum Metric {
    /** Time per operation in microseconds; lower is better. */
    LATENCY("latency", "us", false),
    /** Megabytes (10^6 bytes) per second; higher is better. */
    BANDWIDTH("bandwidth", "MB/s", true);

    private final String label;
    private final String unit;
    private final boolean higherIsBetter;

    Metric(String label, String unit, boolean higherIsBetter) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name written in results: {@code latency} or {@code bandwidth}. */
    public String label() {
        return label;
    }

    /** The unit of the values: {@code us} or {@code MB/s}. */
    public String unit() {
        return unit;
    }

    /** Whether a larger value is the better one (bandwidth) rather than a smaller one (latency). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric whose {@link #label()} is {@code label}. */
    public static Metric of(String label) {
        for (Metric m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric must be latency or bandwidth, not " + label);
    }
}
