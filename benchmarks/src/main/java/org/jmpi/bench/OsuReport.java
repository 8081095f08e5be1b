package org.jmpi.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints results in OSU micro-benchmarks' layout, the same as the C twins'
 * {@code osu_common.h}: comment lines start with {@code #}, each data line is the
 * message size and one value ({@code %-10d%18.2f}; the environment variable
 * {@value #DECIMALS_VARIABLE} sets other decimals, 0 to 9, for latencies well below a
 * microsecond). Only the reporting rank prints.
 * The benchmark runner reads these lines; the header's {@code # jmpi} line names the
 * benchmark, the implementation and the buffer kind.
 */
public final class OsuReport {
    /** The environment variable that sets the decimals of the values (default 2, as OSU). */
    public static final String DECIMALS_VARIABLE = "JMPI_BENCH_DECIMALS";
    private static final String ROW = "%-10d%18." + decimals(System.getenv(DECIMALS_VARIABLE)) + "f%n";
    private final PrintStream out;
    private final boolean printing;

    /**
     * The report of a program on jmpi-api ({@code impl=java}).
     *
     * @param printing whether this rank prints (usually rank 0)
     * @param title    OSU's title line, e.g. "OSU MPI Latency Test"
     * @param bench    the benchmark's short name, e.g. "latency"
     * @param buffer   the buffer kind label
     * @param column   the value column's heading, e.g. "Latency (us)" or "Bandwidth (MB/s)"
     */
    public OsuReport(boolean printing, String title, String bench, String buffer, String column) {
        this(printing, title + " (jmpi, Java)", "java", bench, buffer, column);
    }

    /**
     * A report that names its implementation.
     *
     * @param printing whether this rank prints (usually rank 0)
     * @param heading  the first line, e.g. "OSU MPI Latency Test (jmpi, Java)"
     * @param impl     the implementation, as the runner names it: {@code java}, {@code mpi}, {@code jni}
     * @param bench    the benchmark's short name, e.g. "latency"
     * @param buffer   the buffer kind label
     * @param column   the value column's heading, e.g. "Latency (us)" or "Bandwidth (MB/s)"
     */
    public OsuReport(boolean printing, String heading, String impl, String bench, String buffer, String column) {
        this.out = System.out;
        this.printing = printing;
        if (printing) {
            out.println("# " + heading);
            out.println("# jmpi bench=" + bench + " impl=" + impl + " buffer=" + buffer);
            out.printf(Locale.ROOT, "%-10s%18s%n", "# Size", column);
            out.flush();
        }
    }

    /** Prints one data line: the size in bytes and the value. */
    public void row(long size, double value) {
        if (printing) {
            out.printf(Locale.ROOT, ROW, size, value);
            out.flush();
        }
    }

    /** Prints a comment line, {@code # text}. */
    public void comment(String text) {
        if (printing) {
            out.println("# " + text);
            out.flush();
        }
    }

    /** Bandwidth in MB/s (10^6 bytes per second, as OSU) of {@code bytes} moved in {@code seconds}. */
    public static double megabytesPerSecond(double bytes, double seconds) {
        return bytes / 1e6 / seconds;
    }

    /** The decimals {@code setting} asks for: 0 to 9, else OSU's 2. */
    static int decimals(String setting) {
        if (setting != null && setting.matches("[0-9]")) {
            return Integer.parseInt(setting);
        }
        return 2;
    }
}
