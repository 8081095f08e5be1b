package org.jmpi.bench.run;

import java.util.Arrays;
import java.util.List;

/**
 * The median, minimum and maximum of one benchmark point over its repetitions.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 * @param count  how many values
 */
public record Stats(double median, double min, double max, int count) {

    /** The statistics of {@code values}; an empty list or a non-finite value is refused. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("values must be finite, got " + v[i]);
            }
        }
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(median, v[0], v[n - 1], n);
    }

    /** The best repetition: the minimum for latency, the maximum for bandwidth. */
    public double best(Metric metric) {
        return metric.higherIsBetter() ? max : min;
    }

    /**
     * How far apart the repetitions lie: the maximum over the minimum (1 when they all
     * agree; infinite when the minimum is 0 and the maximum is not).
     */
    public double spread() {
        if (min > 0) {
            return max / min;
        }
        return max > min ? Double.POSITIVE_INFINITY : 1;
    }

    /**
     * Java's median over C's: above 1 means Java is slower for latency but faster for
     * bandwidth. NaN when C's median is 0 (nothing to compare with).
     */
    public static double ratio(double java, double c) {
        return c == 0 ? Double.NaN : java / c;
    }
}
