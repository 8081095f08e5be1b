package org.jmpi.bench.run;

import java.util.List;

/**
 * The fast and slow modes of a target's repetitions. A job lands as a whole in one mode;
 * the fast mode is every value within {@link #FACTOR} of the best value of both sides
 * together (the minimum for latency, the maximum for bandwidth). {@link #luck} is the chance
 * that one side got so few fast repetitions if both sides were the same and each job's mode
 * were drawn at random: the one-sided p-value of Fisher's exact test on fast against slow
 * repetitions.
 */
public final class Modes {
    /** Values more than this factor from the best value of a target are in a slower mode. */
    public static final double FACTOR = 1.5;

    private Modes() {
    }

    /** How many of {@code values} lie in the fast mode whose best value is {@code best}. */
    public static int fast(List<Double> values, double best, Metric metric) {
        int n = 0;
        for (double v : values) {
            if (metric.higherIsBetter() ? v * FACTOR >= best : v <= best * FACTOR) {
                n++;
            }
        }
        return n;
    }

    /**
     * The chance that a side of {@code n} repetitions gets at most {@code fast} in the fast
     * mode when {@code totalFast} of all {@code total} repetitions (both sides) are fast and
     * the sides are drawn from them at random: the hypergeometric lower tail.
     */
    public static double luck(int fast, int n, int totalFast, int total) {
        if (n < 0 || n > total || totalFast < 0 || totalFast > total || fast < 0) {
            throw new IllegalArgumentException("bad counts: " + fast + " of " + n + ", " + totalFast + " of " + total);
        }
        double all = choose(total, n);
        double p = 0;
        for (int x = Math.max(0, n - (total - totalFast)); x <= Math.min(fast, Math.min(n, totalFast)); x++) {
            p += choose(totalFast, x) * choose(total - totalFast, n - x) / all;
        }
        return Math.min(1, p);
    }

    /** The binomial coefficient, as a double (exact for the small counts of repetitions). */
    static double choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double c = 1;
        for (int i = 1; i <= Math.min(k, n - k); i++) {
            c = c * (n - i + 1) / i;
        }
        return c;
    }
}
