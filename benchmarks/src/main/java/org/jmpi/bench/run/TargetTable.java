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
            and 0.45 us in the other, for C and Java alike, and other work on the machine adds \
            slow jobs of any size. Which mode a job gets is noise from outside the program: a \
            ratio of two jobs in different modes says nothing about jmpi.

            - **Estimator.** Each side is judged by its **best repetition** (the minimum for \
            latency, the maximum for bandwidth), confirmed by its second best. Noise from outside \
            only ever takes away: it adds time to a latency and takes bandwidth from a copy, so the \
            best repetition is what the machine can do and the fast mode is reached as soon as \
            one repetition reaches it. A median is only as good as the majority of jobs: with 3 \
            repetitions one slow C job and two slow Java jobs turn 0.94 into 2.93. Both are shown \
            (best / median for both sides, and both ratios); the deciding ratio is in bold.
            - **Confirmation.** One job must not decide. A side's best counts only when its \
            second best lies within %5$.2fx of it: two jobs agreeing on a floor. Under load every \
            job of a side can be slowed, and a lone best is then just the least slowed one. And \
            the verdict has to stay the same when either side is judged by its second-best \
            repetition instead: every ratio of a best or second best over a best or second best \
            must lie on the same side of the goal, at least %2$d%% from it. Otherwise **noisy**.
            - **Modes.** The fast mode is every repetition within %1$.1fx of the best value of both \
            sides together. A ratio within %1$.1fx of 1 compares like with like, even when a side \
            *spans* both modes (noted in the why column). Further from 1, the side behind never \
            reached the other's fast mode: a real difference, or luck in where its jobs landed. \
            That is a verdict only if luck is unlikely: were the two sides alike and each job's \
            mode random, a side would get so few fast repetitions less than %3$.0f%% of the time \
            (Fisher's exact test). None of 3 against 3 of 3 is 5%%, not enough; none of 5 against \
            4 of 5 is 2.4%%, enough. Otherwise **noisy**.
            - **Margin.** A ratio of the bests within %2$d%% of its goal is too close to call: **noisy**.
            - Fewer than %4$d repetitions on a side: **noisy**. Otherwise **met** or **not met**.
            - **More rounds.** After its repetitions, a benchmark with a target that is noisy for \
            confirmation or modes runs more rounds of the variants concerned, up to \
            `--max-reps` (default twice `--reps`), until those targets are decided.

            Noisy is not a verdict but "this run cannot tell"; a later run may give met or not met. \
            Opposite verdicts in two runs (met in one, not met in the other) mean a real change, \
            a ratio that moved by more than the margin although two repetitions of each side \
            agreed, or luck (under 5%% per target). All repetitions of both sides in the slow \
            mode would hide a difference, not invent one. Latency values are read with 3 decimals \
            (`JMPI_BENCH_DECIMALS=3`, set by `native-scripts/bench`): 0.001 us is their resolution.
            """, Modes.FACTOR, Assessment.MARGIN_PERCENT, 100 * Assessment.LUCK, Assessment.MIN_REPS,
            Assessment.CONFIRM);

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

    /**
     * The targets of benchmark {@code bench} that are noisy for a reason more repetitions may
     * remove ({@link Assessment.Cause#moreRepetitionsMayDecide()}), judged on {@code rows}.
     */
    public static List<Assessment> undecided(String bench, List<ResultRow> rows) {
        return assess(rows).stream().filter(a -> a.target().bench().equals(bench)
                && a.cause().moreRepetitionsMayDecide()).toList();
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
        sb.append(String.format(Locale.ROOT, "%s (%s, %s is better; decided by the ratio of the best repetitions, "
                                + "the %s, each confirmed by the second best):%n%n",
                        metric.higherIsBetter() ? "Bandwidth" : "Latency", metric.unit(),
                        metric.higherIsBetter() ? "higher" : "lower", metric.higherIsBetter() ? "maximums" : "minimums"))
                .append(String.format(Locale.ROOT, "| target | goal | measured %1$s / median | reference %1$s / median "
                        + "| ratio of %1$s / of median | verdict | why |%n", best))
                .append("|---|---|---|---|---|---|---|\n");
        for (Assessment a : list) {
            Target t = a.target();
            sb.append(String.format(Locale.ROOT, "| %s | %s %s | %s / %s | %s / %s | %s / %s | %s | %s |%n",
                    t.label(), t.comparison(), t.goalText(),
                    Assessment.number(a.measured().best(metric)), Assessment.number(a.measured().median()),
                    Assessment.number(a.reference().best(metric)), Assessment.number(a.reference().median()),
                    ratio(a.bestRatio(), true), ratio(a.medianRatio(), false),
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
