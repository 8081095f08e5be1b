package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The median, minimum and maximum of one benchmark point over its repetitions, and the
 * values themselves.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 * @param count  how many values
 * @param values every value, ascending; empty when not recorded (results.csv written before
 *               its {@code values} column)
 */
public record Stats(double median, double min, double max, int count, List<Double> values) {

    /** Copies the values; when given, there must be {@code count} of them. */
    public Stats {
        values = List.copyOf(values);
        if (!values.isEmpty() && values.size() != count) {
            throw new IllegalArgumentException(count + " repetitions but " + values.size() + " values");
        }
    }

    /** Statistics whose values were not recorded. */
    public Stats(double median, double min, double max, int count) {
        this(median, min, max, count, List.of());
    }

    /** The statistics of {@code values}; an empty list or a non-finite value is refused. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        List<Double> v = new ArrayList<>(values);
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("values must be finite, got " + x);
            }
        }
        v.sort(null);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return new Stats(median, v.getFirst(), v.getLast(), n, v);
    }

    /** The best repetition: the minimum for latency, the maximum for bandwidth. */
    public double best(Metric metric) {
        return metric.higherIsBetter() ? max : min;
    }

    /**
     * The second-best repetition (the second smallest for latency, the second largest for
     * bandwidth); the best when there is one value; NaN when the values were not recorded.
     */
    public double secondBest(Metric metric) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int n = values.size();
        return values.get(n == 1 ? 0 : metric.higherIsBetter() ? n - 2 : 1);
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
