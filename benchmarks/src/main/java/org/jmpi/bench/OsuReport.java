package org.jmpi.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints results in OSU micro-benchmarks' layout, the same as the C twins'
 * {@code osu_common.h}: comment lines start with {@code #}, each data line is the
 * message size and one value ({@code %-10d%18.2f}). Only the reporting rank prints.
 * The benchmark runner reads these lines; the header's {@code # jmpi} line names the
 * benchmark, the implementation and the buffer kind.
 */
public final class OsuReport {
    private final PrintStream out;
    private final boolean printing;

    /**
     * @param printing whether this rank prints (usually rank 0)
     * @param title    OSU's title line, e.g. "OSU MPI Latency Test"
     * @param bench    the benchmark's short name, e.g. "latency"
     * @param buffer   the buffer kind label
     * @param column   the value column's heading, e.g. "Latency (us)" or "Bandwidth (MB/s)"
     */
    public OsuReport(boolean printing, String title, String bench, String buffer, String column) {
        this.out = System.out;
        this.printing = printing;
        if (printing) {
            out.println("# " + title + " (jmpi, Java)");
            out.println("# jmpi bench=" + bench + " impl=java buffer=" + buffer);
            out.printf(Locale.ROOT, "%-10s%18s%n", "# Size", column);
            out.flush();
        }
    }

    /** Prints one data line: the size in bytes and the value. */
    public void row(long size, double value) {
        if (printing) {
            out.printf(Locale.ROOT, "%-10d%18.2f%n", size, value);
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
}
