package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Target} judged on one run's repetitions: the ratio of the best repetitions (the
 * minimum for latency, the maximum for bandwidth), the ratio of the medians, the
 * {@link Verdict} and why. The rules, in order:
 * <ol>
 *   <li>fewer than {@value #MIN_REPS} repetitions on either side: noisy (no mode can be seen);</li>
 *   <li>a variant whose repetitions lie more than {@value #MODE_FACTOR}x apart (maximum over
 *       minimum) spans two modes. If one does and the deciding ratio is itself more than
 *       {@value #MODE_FACTOR}x from 1, the two estimates may come from different modes: noisy;</li>
 *   <li>the ratio of the best repetitions and the ratio of the medians fall on different sides
 *       of the goal: noisy (the verdict would depend on the estimator);</li>
 *   <li>the deciding ratio lies within {@value #MARGIN_PERCENT}% of the goal: noisy (too close to
 *       call: the same machine moves it that much from run to run);</li>
 *   <li>otherwise met or not met by the deciding ratio, the one of {@link #estimator(Metric)}.</li>
 * </ol>
 *
 * @param target      the goal
 * @param measured    the judged variant's statistics over the repetitions
 * @param reference   the reference variant's statistics
 * @param bestRatio   measured best over reference best (NaN when the reference is 0)
 * @param medianRatio measured median over reference median (NaN when the reference is 0)
 * @param verdict     met, not met or noisy
 * @param why         for noisy, the reason; otherwise what was noticed (a span of modes), or empty
 */
public record Assessment(Target target, Stats measured, Stats reference, double bestRatio, double medianRatio,
                         Verdict verdict, String why) {
    /** Repetitions more than this factor apart (maximum over minimum) span two modes. */
    public static final double MODE_FACTOR = 1.5;
    /** A deciding ratio this close to the goal, relative to it, is too close to call. */
    public static final double MARGIN = 0.05;
    /** {@link #MARGIN} in percent, for the documentation. */
    public static final int MARGIN_PERCENT = 5;
    /** Fewer repetitions than this give no verdict. */
    public static final int MIN_REPS = 2;

    /**
     * The estimator whose ratio decides: the minimum for latency (noise only adds time, and
     * the fast mode is what the machine can do), the median for bandwidth.
     */
    public static String estimator(Metric metric) {
        return metric.higherIsBetter() ? "median" : "min";
    }

    /** The label of the best repetition: {@code min} for latency, {@code max} for bandwidth. */
    public static String bestLabel(Metric metric) {
        return metric.higherIsBetter() ? "max" : "min";
    }

    /** The deciding ratio: {@link #bestRatio} for latency, {@link #medianRatio} for bandwidth. */
    public double ratio() {
        return target.metric().higherIsBetter() ? medianRatio : bestRatio;
    }

    /** Judges {@code target} on the statistics of its measured and reference variants. */
    public static Assessment of(Target target, Stats measured, Stats reference) {
        Metric metric = target.metric();
        double best = Stats.ratio(measured.best(metric), reference.best(metric));
        double median = Stats.ratio(measured.median(), reference.median());
        double decisive = metric.higherIsBetter() ? median : best;
        List<String> spans = new ArrayList<>();
        span(spans, target.measured(), measured, metric);
        span(spans, target.reference(), reference, metric);
        String spanText = String.join("; ", spans);
        if (measured.count() < MIN_REPS || reference.count() < MIN_REPS) {
            return noisy(target, measured, reference, best, median, "fewer than " + MIN_REPS
                    + " repetitions: no mode can be seen");
        }
        if (Double.isNaN(best) || Double.isNaN(median)) {
            return noisy(target, measured, reference, best, median, "the reference measured 0");
        }
        if (!spans.isEmpty() && (decisive > MODE_FACTOR || decisive < 1 / MODE_FACTOR)) {
            return noisy(target, measured, reference, best, median, spanText + "; the two "
                    + estimator(metric) + "s are more than " + MODE_FACTOR + "x apart and may come from different modes");
        }
        if (target.meets(best) != target.meets(median)) {
            return noisy(target, measured, reference, best, median, (spans.isEmpty() ? "" : spanText + "; ")
                    + bestLabel(metric) + " and median fall on different sides of the goal");
        }
        if (Math.abs(decisive / target.goal() - 1) < MARGIN) {
            return noisy(target, measured, reference, best, median, (spans.isEmpty() ? "" : spanText + "; ")
                    + "within " + MARGIN_PERCENT + "% of the goal");
        }
        return new Assessment(target, measured, reference, best, median,
                target.meets(decisive) ? Verdict.MET : Verdict.NOT_MET, spanText);
    }

    private static Assessment noisy(Target t, Stats m, Stats r, double best, double median, String why) {
        return new Assessment(t, m, r, best, median, Verdict.NOISY, why);
    }

    private static void span(List<String> spans, Variant v, Stats s, Metric metric) {
        if (s.spread() > MODE_FACTOR) {
            spans.add(String.format(Locale.ROOT, "%s spans %s–%s %s (%.1fx)", v.title(), number(s.min()),
                    number(s.max()), metric.unit(), s.spread()));
        }
    }

    /** A value with 3 significant decimals below 10, 1 decimal below 1000, none above. */
    static String number(double v) {
        if (Math.abs(v) < 10) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1000 ? "%.1f" : "%.0f", v);
    }
}
