package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets section of summary.md for one MPI: every {@link Target} with results, its
 * goal, the best and median values of both sides, both ratios (the deciding one in bold),
 * the {@link Verdict} and why; then a count of the verdicts and the targets this run did not
 * measure. {@link #RULES} explains the verdicts once per summary.
 */
public final class TargetTable {
    /** How the verdicts are decided, for the end of summary.md. */
    public static final String RULES = String.format(Locale.ROOT, """
            ## How the verdicts are decided

            Every job (one program, one variant, one repetition) lands as a whole in a fast or a \
            slow mode of the machine: on the development VM, 8 B latency is about 0.15 us in one \
            and 0.45 us in the other, for C and Java alike. Which mode a job gets is noise from \
            outside the program, so a ratio of two jobs in different modes says nothing about jmpi.

            - **Estimators.** Latency targets are decided by the ratio of the **minimums** over the \
            repetitions: noise only ever adds time, and the fast mode is what the machine can do, \
            so the minimum of each side is its fast mode as soon as one repetition reached it. \
            Bandwidth targets are decided by the ratio of the **medians**: large-message bandwidth \
            varies a little both ways from job to job (copies, caches, pages) rather than \
            switching modes, and the median is the sustained rate a user sees, where the maximum \
            would reward one lucky job. The tables show both estimators for both sides (best = \
            min for latency, max for bandwidth) and both ratios; the deciding one is in bold.
            - **Modes.** A variant whose repetitions lie more than %.1fx apart (max/min) spans \
            two modes. When one side spans and the deciding ratio is itself more than %.1fx from \
            1, the two estimates may come from different modes: **noisy**. A span alone is \
            noted but harmless when both sides' estimates sit in the same mode (ratio within \
            %.1fx), as they then compare like with like.
            - **Agreement.** When the ratio of the best repetitions and the ratio of the medians \
            fall on different sides of the goal, the verdict would depend on the estimator: \
            **noisy**.
            - **Margin.** A deciding ratio within %d%% of its goal is too close to call: **noisy**.
            - Fewer than %d repetitions on a side: **noisy**. Otherwise **met** or **not met**.

            Noisy is not a verdict but "this run cannot tell": a later run may give met or not \
            met. Two runs give opposite verdicts (met in one, not met in the other) only for a \
            real change or for a side that stayed in the slow mode for all its repetitions in \
            one run (rare, and the span rule catches it when the other side switched modes). \
            Latency values are read with 3 decimals (`JMPI_BENCH_DECIMALS=3`, set by \
            `native-scripts/bench`), so 0.001 us is their resolution.
            """, Assessment.MODE_FACTOR, Assessment.MODE_FACTOR, Assessment.MODE_FACTOR, Assessment.MARGIN_PERCENT,
            Assessment.MIN_REPS);

    private TargetTable() {
    }

    /** Every target that has results for both its sides in {@code rows} (one MPI's), in order. */
    public static List<Assessment> assess(List<ResultRow> rows) {
        List<Assessment> out = new ArrayList<>();
        for (Target t : Targets.all()) {
            Optional<ResultRow> m = find(rows, t, t.measured());
            Optional<ResultRow> r = find(rows, t, t.reference());
            if (m.isPresent() && r.isPresent()) {
                out.add(Assessment.of(t, m.get().stats(), r.get().stats()));
            }
        }
        return out;
    }

    /** Appends the targets section of {@code mpi} (its rows only) to {@code sb}. */
    public static void append(StringBuilder sb, MpiLibrary mpi, List<ResultRow> rows) {
        List<Assessment> all = assess(rows);
        sb.append("## Targets on ").append(mpi.title).append(" (OSU-style, np=2, bound to cores)\n\n");
        for (Metric metric : Metric.values()) {
            List<Assessment> list = all.stream().filter(a -> a.target().metric() == metric).toList();
            if (!list.isEmpty()) {
                table(sb, metric, list);
            }
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        all.forEach(a -> counts.merge(a.verdict(), 1, Integer::sum));
        sb.append(String.format(Locale.ROOT, "Verdicts: %d met, %d not met, %d noisy.",
                counts.getOrDefault(Verdict.MET, 0), counts.getOrDefault(Verdict.NOT_MET, 0),
                counts.getOrDefault(Verdict.NOISY, 0)));
        List<String> missing = Targets.all().stream()
                .filter(t -> all.stream().noneMatch(a -> a.target().equals(t)))
                .map(t -> t.label() + " " + t.comparison()).toList();
        if (!missing.isEmpty()) {
            sb.append(" Not measured in this run: ").append(String.join(", ", missing)).append('.');
        }
        sb.append("\n\n");
    }

    private static void table(StringBuilder sb, Metric metric, List<Assessment> list) {
        String best = Assessment.bestLabel(metric);
        sb.append(String.format(Locale.ROOT, "%s (%s, %s is better; decided by the ratio of the %ss):%n%n",
                        metric.higherIsBetter() ? "Bandwidth" : "Latency", metric.unit(),
                        metric.higherIsBetter() ? "higher" : "lower", Assessment.estimator(metric)))
                .append(String.format(Locale.ROOT, "| target | goal | measured %1$s / median | reference %1$s / median "
                        + "| ratio of %1$s / of median | verdict | why |%n", best))
                .append("|---|---|---|---|---|---|---|\n");
        for (Assessment a : list) {
            Target t = a.target();
            boolean byMedian = metric.higherIsBetter();
            sb.append(String.format(Locale.ROOT, "| %s | %s %s | %s / %s | %s / %s | %s / %s | %s | %s |%n",
                    t.label(), t.comparison(), t.goalText(),
                    Assessment.number(a.measured().best(metric)), Assessment.number(a.measured().median()),
                    Assessment.number(a.reference().best(metric)), Assessment.number(a.reference().median()),
                    ratio(a.bestRatio(), !byMedian), ratio(a.medianRatio(), byMedian),
                    a.verdict() == Verdict.MET ? "met" : "**" + a.verdict().text() + "**", a.why()));
        }
        sb.append('\n');
    }

    private static String ratio(double r, boolean deciding) {
        if (Double.isNaN(r)) {
            return "-";
        }
        String s = String.format(Locale.ROOT, "%.2f", r);
        return deciding ? "**" + s + "**" : s;
    }

    private static Optional<ResultRow> find(List<ResultRow> rows, Target t, Variant v) {
        return rows.stream().filter(r -> r.benchmark().equals(t.bench()) && r.size() == t.size()
                && r.variant().equals(v)).findFirst();
    }
}
