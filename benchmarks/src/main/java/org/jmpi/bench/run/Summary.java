package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * summary.md: the targets computed from the results (small-message latency,
 * large-message bandwidth, allreduce, DSM put/get latency as Java/C ratios), the failed
 * jobs, and the single-process costs of JMH beside C when they were measured, each named
 * with its MPI. It is built from the files of the output directory, so either run (OSU or
 * JMH) can rewrite it; one directory holds the runs of one MPI ({@code latest},
 * {@code latest-mpich}), but targets of several MPIs in one results.csv get a table each.
 */
public final class Summary {
    /** File names in the output directory. */
    public static final String RESULTS = "results.csv";
    /** The run's description (one markdown paragraph), written by the runner. */
    public static final String RUN_INFO = "run.txt";
    /** Failed or timed-out jobs, one per line. */
    public static final String FAILURES = "failures.txt";
    /** JMH rows. */
    public static final String JMH = "jmh.csv";
    /** The C reference of the JMH rows. */
    public static final String C_COSTS = "call_cost.txt";

    private static final long MIB = 1L << 20;

    /** One target line: a benchmark at one size. */
    private record Target(String label, String bench, long size) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("small-message latency", "latency", 8),
            new Target("large-message bandwidth", "bw", MIB),
            new Target("large-message bandwidth", "bw", 4 * MIB),
            new Target("large-message bandwidth", "bibw", MIB),
            new Target("large-message bandwidth", "bibw", 4 * MIB),
            new Target("allreduce", "allreduce", 8),
            new Target("allreduce", "allreduce", MIB),
            new Target("DSM put latency", "dsm_put_lat", 8),
            new Target("DSM get latency", "dsm_get_lat", 8),
            new Target("DSM put bandwidth", "dsm_put_bw", 4 * MIB),
            new Target("DSM get bandwidth", "dsm_get_bw", 4 * MIB));

    private Summary() {
    }

    /**
     * Rewrites {@code dir/summary.md} from the files present in {@code dir}; returns its path.
     *
     * @param mpi the MPI of the single-process costs (jmh.csv, call_cost.txt) in {@code dir}
     */
    public static Path write(Path dir, MpiLibrary mpi) throws IOException {
        List<ResultRow> rows = Files.exists(dir.resolve(RESULTS)) ? ResultsCsv.read(dir.resolve(RESULTS)) : List.of();
        String info = read(dir, RUN_INFO).orElse("");
        List<String> failures = read(dir, FAILURES).map(s -> s.lines().filter(l -> !l.isBlank()).toList())
                .orElse(List.of());
        List<CallCosts.JmhRow> jmh = read(dir, JMH).map(CallCosts::parseJmh).orElse(List.of());
        Map<String, Double> c = read(dir, C_COSTS).map(CallCosts::parseC).orElse(Map.of());
        Path file = dir.resolve("summary.md");
        Files.writeString(file, format(rows, info, failures, mpi, jmh, c));
        return file;
    }

    private static Optional<String> read(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Optional.of(Files.readString(p)) : Optional.empty();
    }

    /** The markdown text; {@code jmhMpi} is the MPI that {@code jmh} and {@code cCosts} ran on. */
    public static String format(List<ResultRow> rows, String runInfo, List<String> failures, MpiLibrary jmhMpi,
                                List<CallCosts.JmhRow> jmh, Map<String, Double> cCosts) {
        StringBuilder sb = new StringBuilder("# jmpi benchmark summary\n\n");
        if (!runInfo.isBlank()) {
            sb.append(runInfo.strip()).append("\n\n");
        }
        sb.append("Ratios are Java/C of the medians. For latency lower is better: 1.10 means Java takes 10% ")
                .append("longer than C. For bandwidth higher is better: 0.90 means Java moves 10% less than C.\n\n");
        for (MpiLibrary mpi : rows.stream().map(ResultRow::mpi).distinct().toList()) {
            targets(sb, mpi, rows.stream().filter(r -> r.mpi() == mpi).toList());
        }
        if (!failures.isEmpty()) {
            sb.append("## Failed jobs\n\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
            sb.append('\n');
        }
        if (!jmh.isEmpty()) {
            callCosts(sb, jmhMpi, jmh, cCosts);
        }
        return sb.toString();
    }

    private static void targets(StringBuilder sb, MpiLibrary mpi, List<ResultRow> rows) {
        sb.append("## Targets on ").append(mpi.title).append(" (OSU-style, np=2, bound to cores)\n\n")
                .append("| target | benchmark | size | C | Java(segment) | segment/C | Java(array) | array/C |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Target t : TARGETS) {
            Optional<ResultRow> c = find(rows, t, Variant.C);
            Optional<ResultRow> seg = find(rows, t, Variant.JAVA_SEGMENT);
            Optional<ResultRow> arr = find(rows, t, Variant.JAVA_ARRAY);
            if (c.isEmpty() && seg.isEmpty() && arr.isEmpty()) {
                continue;
            }
            String unit = c.or(() -> seg).or(() -> arr).orElseThrow().metric().unit();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", t.label(), t.bench(),
                    size(t.size()), value(c, unit), value(seg, unit), ratio(seg), value(arr, unit), ratio(arr)));
        }
        sb.append('\n');
    }

    private static Optional<ResultRow> find(List<ResultRow> rows, Target t, Variant v) {
        return rows.stream().filter(r -> r.benchmark().equals(t.bench()) && r.size() == t.size()
                && r.variant().equals(v)).findFirst();
    }

    private static String value(Optional<ResultRow> r, String unit) {
        return r.map(x -> String.format(Locale.ROOT, "%.2f %s", x.stats().median(), unit)).orElse("-");
    }

    private static String ratio(Optional<ResultRow> r) {
        return r.filter(x -> !Double.isNaN(x.ratioToC()))
                .map(x -> String.format(Locale.ROOT, "%.2f", x.ratioToC())).orElse("-");
    }

    /** {@code 8 B}, {@code 1 MiB}, {@code 16 KiB}. */
    static String size(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    private static void callCosts(StringBuilder sb, MpiLibrary mpi, List<CallCosts.JmhRow> jmh,
                                  Map<String, Double> c) {
        sb.append("## Single-process costs on ").append(mpi.title).append(" (JMH, average time, `-prof gc`)\n\n")
                .append("C reference: the C operation whose name begins the Java one (`selfSendrecvArray` is set ")
                .append("beside C's `selfSendrecv`). jmpi's `commRank` answers from the `Comm` object; C calls ")
                .append("`MPI_Comm_rank`.\n\n")
                .append("| operation | Java ns/op | ± | C ns/op | Java/C | Java B/op |\n")
                .append("|---|---|---|---|---|---|\n");
        for (CallCosts.JmhRow r : jmh) {
            Double cv = cReference(c, r.name());
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %s | %s |%n", r.name(), r.nsPerOp(),
                    Double.isNaN(r.errorNs()) ? "-" : String.format(Locale.ROOT, "%.1f", r.errorNs()),
                    cv == null ? "-" : String.format(Locale.ROOT, "%.1f", cv),
                    cv == null || cv == 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.nsPerOp() / cv),
                    Double.isNaN(r.bytesPerOp()) ? "-" : String.format(Locale.ROOT, "%.1f", r.bytesPerOp())));
        }
        sb.append('\n');
    }

    /** The C cost whose name is the longest prefix of {@code name}, or null. */
    static Double cReference(Map<String, Double> c, String name) {
        String best = null;
        for (String k : c.keySet()) {
            if (name.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? null : c.get(best);
    }
}
