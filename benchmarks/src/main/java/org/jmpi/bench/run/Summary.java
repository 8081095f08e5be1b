package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * summary.md: the {@link Targets} judged on the results (a verdict each, see
 * {@link TargetTable} and {@link Assessment}), the failed jobs, and the single-process
 * costs of JMH beside C when they were measured, each named with its MPI. It is built from the files of the output directory, so either run (OSU or
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
        sb.append("Every target is a ratio of one variant to a reference measured in the same run: Java/C, ")
                .append("Java(array)/Java(segment), or a program on jmpi's `mpi` package over the same program on ")
                .append("jmpi-api (mpi-direct/segment, mpi-array/array). Each is **met**, **not met** or **noisy** ")
                .append("(this run cannot tell); see *How the verdicts are decided* below.\n\n");
        for (MpiLibrary mpi : rows.stream().map(ResultRow::mpi).distinct().toList()) {
            TargetTable.append(sb, mpi, rows.stream().filter(r -> r.mpi() == mpi).toList());
        }
        if (!failures.isEmpty()) {
            sb.append("## Failed jobs\n\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
            sb.append('\n');
        }
        if (!jmh.isEmpty()) {
            callCosts(sb, jmhMpi, jmh, cCosts);
        }
        if (!rows.isEmpty()) {
            sb.append(TargetTable.RULES).append('\n');
        }
        return sb.toString();
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
