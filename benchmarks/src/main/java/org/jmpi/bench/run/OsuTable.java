package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints results in OSU's layout, one block per benchmark and MPI: a {@code #} heading, then
 * per size the medians of C and of each Java buffer kind, and Java's ratio to C.
 */
public final class OsuTable {
    private OsuTable() {
    }

    /** The table text of {@code rows} (as {@link Results#rows()} orders them). */
    public static String format(List<ResultRow> rows) {
        Map<List<Object>, List<ResultRow>> blocks = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            blocks.computeIfAbsent(List.of(r.mpi(), r.benchmark()), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder();
        blocks.values().forEach(list -> block(sb, list));
        return sb.toString();
    }

    private static void block(StringBuilder sb, List<ResultRow> rows) {
        Metric metric = rows.getFirst().metric();
        List<Variant> variants = rows.stream().map(ResultRow::variant).distinct().toList();
        List<Variant> java = variants.stream().filter(v -> !v.isC()).toList();
        Map<Long, Map<Variant, ResultRow>> bySize = new TreeMap<>();
        int reps = 0;
        for (ResultRow r : rows) {
            bySize.computeIfAbsent(r.size(), k -> new LinkedHashMap<>()).put(r.variant(), r);
            reps = Math.max(reps, r.stats().count());
        }
        sb.append(String.format(Locale.ROOT, "# %s on %s: %s (%s), median of %d run%s; ratio = Java/C, %s is better%n",
                rows.getFirst().benchmark(), rows.getFirst().mpi().title, metric.label(), metric.unit(), reps,
                reps == 1 ? "" : "s",
                metric.higherIsBetter() ? "higher" : "lower"));
        sb.append(String.format(Locale.ROOT, "%-10s", "# Size"));
        for (Variant v : variants) {
            sb.append(String.format(Locale.ROOT, "%16s", v.title()));
        }
        for (Variant v : java) {
            sb.append(String.format(Locale.ROOT, "%16s", "ratio(" + v.buffer() + ")"));
        }
        sb.append('\n');
        bySize.forEach((size, cells) -> {
            sb.append(String.format(Locale.ROOT, "%-10d", size));
            for (Variant v : variants) {
                ResultRow r = cells.get(v);
                sb.append(r == null ? String.format(Locale.ROOT, "%16s", "-")
                        : String.format(Locale.ROOT, "%16.2f", r.stats().median()));
            }
            for (Variant v : java) {
                ResultRow r = cells.get(v);
                sb.append(r == null || Double.isNaN(r.ratioToC()) ? String.format(Locale.ROOT, "%16s", "-")
                        : String.format(Locale.ROOT, "%16.2f", r.ratioToC()));
            }
            sb.append('\n');
        });
        sb.append('\n');
    }
}
