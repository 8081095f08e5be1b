package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Target} judged on one run's repetitions. A side's estimate is its best repetition
 * (the minimum for latency, the maximum for bandwidth), which must be confirmed by its
 * second best; the ratio of the medians is reported beside it. The rules, in order:
 * <ol>
 *   <li>fewer than {@value #MIN_REPS} repetitions, or no recorded values, on a side: noisy;</li>
 *   <li>a side whose two best repetitions lie more than {@value #CONFIRM}x apart: noisy (its
 *       best may be a noisy job too, not the floor that two jobs agree on);</li>
 *   <li>a ratio of the bests more than {@value Modes#FACTOR}x from 1 means the side behind
 *       never reached the other's fast mode ({@link Modes}): a verdict only if that is unlikely
 *       to be luck, {@link Modes#luck} below {@value #LUCK}; else noisy;</li>
 *   <li>a ratio of the bests within {@value #MARGIN_PERCENT}% of the goal: noisy;</li>
 *   <li>the verdict must not change when either side is judged by its second-best repetition
 *       instead: every ratio between {@link #lowRatio} and {@link #highRatio} must lie on the
 *       same side of the goal, at least {@value #MARGIN_PERCENT}% from it; else noisy;</li>
 *   <li>otherwise met or not met by the ratio of the bests.</li>
 * </ol>
 *
 * @param target      the goal
 * @param measured    the judged variant's statistics over the repetitions
 * @param reference   the reference variant's statistics
 * @param bestRatio   measured best over reference best: the deciding ratio (NaN when the
 *                    reference is 0)
 * @param medianRatio measured median over reference median, for the reader
 * @param lowRatio    the lowest ratio of a best or second best over a best or second best
 * @param highRatio   the highest such ratio
 * @param verdict     met, not met or noisy
 * @param cause       what made it noisy, {@link Cause#NONE} for a verdict
 * @param why         for noisy, the reason; otherwise what was noticed (modes), or empty
 */
public record Assessment(Target target, Stats measured, Stats reference, double bestRatio, double medianRatio,
                         double lowRatio, double highRatio, Verdict verdict, Cause cause, String why) {
    /** A side's two best repetitions must lie within this factor of each other. */
    public static final double CONFIRM = 1.25;
    /** The chance of luck below which a side that never reached the fast mode is believed. */
    public static final double LUCK = 0.05;
    /** A ratio this close to the goal, relative to it, is too close to call. */
    public static final double MARGIN = 0.05;
    /** {@link #MARGIN} in percent, for the documentation. */
    public static final int MARGIN_PERCENT = 5;
    /** Fewer repetitions than this give no verdict. */
    public static final int MIN_REPS = 2;

    /** What made an assessment noisy. */
    public enum Cause {
        /** Not noisy. */
        NONE,
        /** Fewer than {@link #MIN_REPS} repetitions, or values not recorded. */
        TOO_FEW,
        /** The reference measured 0. */
        ZERO,
        /** A side's two best repetitions disagree. */
        UNCONFIRMED,
        /** The sides' bests are a mode apart and that may be luck. */
        MODES,
        /** The ratio of the bests is within the margin of the goal. */
        MARGIN,
        /** A side's second-best repetition would change the verdict. */
        SPREAD;

        /** Whether more repetitions may turn this into a verdict. */
        public boolean moreRepetitionsMayDecide() {
            return this == UNCONFIRMED || this == MODES || this == SPREAD;
        }
    }

    /** The label of the best repetition: {@code min} for latency, {@code max} for bandwidth. */
    public static String bestLabel(Metric metric) {
        return metric.higherIsBetter() ? "max" : "min";
    }

    /** Judges {@code target} on the statistics of its measured and reference variants. */
    public static Assessment of(Target target, Stats measured, Stats reference) {
        Metric metric = target.metric();
        double best = Stats.ratio(measured.best(metric), reference.best(metric));
        double median = Stats.ratio(measured.median(), reference.median());
        double[] m = {measured.best(metric), measured.secondBest(metric)};
        double[] r = {reference.best(metric), reference.secondBest(metric)};
        double low = Stats.ratio(Math.min(m[0], m[1]), Math.max(r[0], r[1]));
        double high = Stats.ratio(Math.max(m[0], m[1]), Math.min(r[0], r[1]));
        Noisy a = (cause, why) -> new Assessment(target, measured, reference, best, median, low, high,
                Verdict.NOISY, cause, why);
        if (measured.count() < MIN_REPS || reference.count() < MIN_REPS) {
            return a.noisy(Cause.TOO_FEW, "fewer than " + MIN_REPS + " repetitions: no mode can be seen");
        }
        if (measured.values().isEmpty() || reference.values().isEmpty()) {
            return a.noisy(Cause.TOO_FEW, "repetition values not recorded");
        }
        if (Double.isNaN(best) || Double.isNaN(low) || Double.isNaN(high)) {
            return a.noisy(Cause.ZERO, "the reference measured 0");
        }
        List<String> notes = spans(target, measured, reference);
        for (int i = 0; i < 2; i++) {
            double[] side = i == 0 ? m : r;
            double apart = side[0] == side[1] ? 1 : Math.max(side[0], side[1]) / Math.min(side[0], side[1]);
            if (!(apart <= CONFIRM)) {
                return a.noisy(Cause.UNCONFIRMED, joined(notes, String.format(Locale.ROOT, "%s's two best "
                        + "repetitions, %s and %s %s, are more than %.2fx apart",
                        (i == 0 ? target.measured() : target.reference()).title(), number(side[0]), number(side[1]),
                        metric.unit(), CONFIRM)));
            }
        }
        if (best > Modes.FACTOR || best < 1 / Modes.FACTOR) {
            ModeTest modes = modes(target, measured, reference, best);
            if (modes.luck() >= LUCK) {
                return a.noisy(Cause.MODES, joined(notes, modes.text()));
            }
            notes.add(modes.text());
        }
        if (nearGoal(target, best)) {
            return a.noisy(Cause.MARGIN, joined(notes, "within " + MARGIN_PERCENT + "% of the goal"));
        }
        boolean meets = target.meets(best);
        if (target.meets(low) != meets || target.meets(high) != meets || nearGoal(target, low)
                || nearGoal(target, high)) {
            return a.noisy(Cause.SPREAD, joined(notes, String.format(Locale.ROOT, "by second-best repetitions "
                    + "the ratio could be %.2f–%.2f, not clear of the goal", low, high)));
        }
        return new Assessment(target, measured, reference, best, median, low, high,
                meets ? Verdict.MET : Verdict.NOT_MET, Cause.NONE, String.join("; ", notes));
    }

    private static boolean nearGoal(Target t, double ratio) {
        return Math.abs(ratio / t.goal() - 1) < MARGIN;
    }

    private interface Noisy {
        Assessment noisy(Cause cause, String why);
    }

    /** The chance that the side behind missed the fast mode by luck, and the test in words. */
    private record ModeTest(double luck, String text) {
    }

    /** The mode test of a ratio of the bests more than a mode from 1. */
    private static ModeTest modes(Target t, Stats measured, Stats reference, double best) {
        Metric metric = t.metric();
        double pooledBest = metric.higherIsBetter() ? Math.max(measured.max(), reference.max())
                : Math.min(measured.min(), reference.min());
        int fastM = Modes.fast(measured.values(), pooledBest, metric);
        int fastR = Modes.fast(reference.values(), pooledBest, metric);
        boolean measuredBehind = best > 1 != metric.higherIsBetter();
        Variant behind = measuredBehind ? t.measured() : t.reference();
        Variant ahead = measuredBehind ? t.reference() : t.measured();
        int nBehind = (measuredBehind ? measured : reference).count();
        int nAhead = (measuredBehind ? reference : measured).count();
        int fastB = measuredBehind ? fastM : fastR;
        double luck = Modes.luck(fastB, nBehind, fastM + fastR, measured.count() + reference.count());
        return new ModeTest(luck, String.format(Locale.ROOT, "%s in the fast mode %d of %d times, %s %d of %d: "
                + "luck %.1f%% of the time if alike", behind.title(), fastB, nBehind, ahead.title(),
                fastM + fastR - fastB, nAhead, 100 * luck));
    }

    private static List<String> spans(Target t, Stats measured, Stats reference) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Stats s = i == 0 ? measured : reference;
            if (s.spread() > Modes.FACTOR) {
                notes.add(String.format(Locale.ROOT, "%s spans %s–%s %s (%.1fx)",
                        (i == 0 ? t.measured() : t.reference()).title(), number(s.min()), number(s.max()),
                        t.metric().unit(), s.spread()));
            }
        }
        return notes;
    }

    private static String joined(List<String> notes, String last) {
        List<String> all = new ArrayList<>(notes);
        all.add(last);
        return String.join("; ", all);
    }

    /** A value with 3 decimals below 10, 1 decimal below 1000, none above. */
    static String number(double v) {
        if (Math.abs(v) < 10) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1000 ? "%.1f" : "%.0f", v);
    }
}
