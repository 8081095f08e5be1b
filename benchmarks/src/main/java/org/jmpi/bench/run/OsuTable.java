package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Prints results in OSU's layout, one block per benchmark and MPI: a {@code #} heading, then
 * per size the medians of C and of every other variant, each one's ratio to C
 * ({@code ratio(segment)}, {@code ratio(mpi-direct)}, ...), and for the programs on jmpi's
 * {@code mpi} package their ratio to the same program on jmpi-api
 * ({@code mpi-direct/segment}, {@code mpi-array/array}).
 */
public final class OsuTable {
    /** The narrowest column. */
    private static final int WIDTH = 16;

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

    /** A column: its heading and its cell at each size (null: no value). */
    private record Column(String heading, Function<Map<Variant, ResultRow>, Double> cell) {
        int width() {
            return Math.max(WIDTH, heading.length() + 2);
        }
    }

    private static void block(StringBuilder sb, List<ResultRow> rows) {
        Metric metric = rows.getFirst().metric();
        List<Variant> variants = rows.stream().map(ResultRow::variant).distinct().toList();
        Map<Long, Map<Variant, ResultRow>> bySize = new TreeMap<>();
        int reps = 0;
        for (ResultRow r : rows) {
            bySize.computeIfAbsent(r.size(), k -> new LinkedHashMap<>()).put(r.variant(), r);
            reps = Math.max(reps, r.stats().count());
        }
        List<Column> columns = new ArrayList<>();
        for (Variant v : variants) {
            columns.add(new Column(v.title(), cells -> cells.containsKey(v) ? cells.get(v).stats().median() : null));
        }
        for (Variant v : variants) {
            if (!v.isC()) {
                columns.add(new Column("ratio(" + v.label() + ")", cells -> cells.containsKey(v)
                        && !Double.isNaN(cells.get(v).ratioToC()) ? cells.get(v).ratioToC() : null));
            }
        }
        boolean mpiPackage = false;
        for (Variant v : variants) {
            Variant twin = v.apiTwin();
            if (twin != null && variants.contains(twin)) {
                mpiPackage = true;
                columns.add(new Column(v.label() + "/" + twin.label(), cells -> cells.containsKey(v)
                        && cells.containsKey(twin) ? Stats.ratio(cells.get(v).stats().median(),
                        cells.get(twin).stats().median()) : null));
            }
        }
        String ratios = variants.stream().noneMatch(Variant::onMpiPackage) ? "ratio = Java/C"
                : "ratio(x) = x/C" + (mpiPackage ? ", mpi-x/y = package mpi on jmpi / jmpi-api" : "");
        sb.append(String.format(Locale.ROOT, "# %s on %s: %s (%s), median of %d run%s; %s, %s is better%n",
                rows.getFirst().benchmark(), rows.getFirst().mpi().title, metric.label(), metric.unit(), reps,
                reps == 1 ? "" : "s", ratios, metric.higherIsBetter() ? "higher" : "lower"));
        sb.append(String.format(Locale.ROOT, "%-10s", "# Size"));
        for (Column c : columns) {
            sb.append(String.format(Locale.ROOT, "%" + c.width() + "s", c.heading()));
        }
        sb.append('\n');
        bySize.forEach((size, cells) -> {
            sb.append(String.format(Locale.ROOT, "%-10d", size));
            for (Column c : columns) {
                Double value = c.cell().apply(cells);
                sb.append(value == null || Double.isNaN(value) ? String.format(Locale.ROOT, "%" + c.width() + "s", "-")
                        : String.format(Locale.ROOT, "%" + c.width() + ".2f", value));
            }
            sb.append('\n');
        });
        sb.append('\n');
    }
}
