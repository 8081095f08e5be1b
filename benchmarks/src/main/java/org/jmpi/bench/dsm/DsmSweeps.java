package org.jmpi.bench.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bench.OsuReport;
import org.jmpi.dsm.Window;

/**
 * The two shapes of ucx-dsm benchmark, the same as the C twins' {@code dsm_sweep} and
 * {@code dsm_atomic_latency}: a sweep over message sizes (latency or bandwidth) and an
 * atomic's latency at size 8. Each runs its kernel untimed in the
 * {@link DsmBench#prelude}, then measures.
 */
final class DsmSweeps {
    private DsmSweeps() {
    }

    /** What a size sweep measures at one size. */
    @FunctionalInterface
    interface Kernel {
        /**
         * Runs {@code warmup + iterations} steps on {@code size} bytes (a window of them for
         * bandwidth) of rank 1's window through {@code local} (large enough for the largest
         * step), checks the data, and returns the seconds of the timed steps.
         */
        double run(DsmBench b, Window win, MemorySegment local, long size, int warmup, int iterations);
    }

    /**
     * A sweep over the sizes of {@code -m}: rank 0 runs {@code kernel} at each size and
     * prints the latency per step in microseconds or, with {@code bandwidth}, MB/s of
     * {@code -w} operations per step. With {@code patternedTarget} rank 1 fills its window
     * with pattern 0 first (for gets).
     */
    static void sweep(String[] args, String title, String bench, boolean bandwidth, boolean patternedTarget,
                      Kernel kernel) {
        DsmBench b = DsmBench.start(args, 1, true);
        long span = bandwidth ? b.options.window() : 1;
        try (b; Window win = b.ctx.allocate(b.options.maxSize() * span); Arena arena = Arena.ofConfined()) {
            OsuReport report = new OsuReport(b.origin, title, bench, b.options.buffer().label(),
                    bandwidth ? "Bandwidth (MB/s)" : "Latency (us)");
            if (patternedTarget && !b.origin) {
                DsmData.fill(win.memory(), 0);
            }
            b.sync();
            MemorySegment local = arena.allocate(b.options.maxSize() * span, 4096);
            if (b.origin) {
                long min = b.options.minSize();
                b.prelude(min, (int) span, (untimed, timed) -> kernel.run(b, win, local, min, untimed, timed));
            }
            for (long size = b.options.minSize(); size <= b.options.maxSize(); size *= 2) {
                if (b.origin) {
                    int iterations = bandwidth
                            ? b.options.iterationsFor(size, DsmBench.BW_ITERATIONS, DsmBench.BW_ITERATIONS_LARGE)
                            : b.options.iterationsFor(size, DsmBench.LAT_ITERATIONS, DsmBench.LAT_ITERATIONS_LARGE);
                    int warmup = bandwidth
                            ? b.options.warmupFor(size, DsmBench.BW_WARMUP, DsmBench.BW_WARMUP_LARGE)
                            : b.options.warmupFor(size, DsmBench.LAT_WARMUP, DsmBench.LAT_WARMUP_LARGE);
                    double seconds = kernel.run(b, win, local, size, warmup, iterations);
                    report.row(size, bandwidth
                            ? OsuReport.megabytesPerSecond((double) size * span * iterations, seconds)
                            : seconds * 1e6 / iterations);
                }
                b.sync();
            }
        }
    }

    /** An atomic on the target's 64-bit word at offset 0 that should find the count {@code n} there. */
    @FunctionalInterface
    interface CountingAtomic {
        /** Applies the atomic in the round where the word holds {@code n}; returns the previous value. */
        long apply(Window win, long n);
    }

    /**
     * An atomic's latency (one row, size 8): rank 0 applies {@code atomic} to a word of rank
     * 1's window, each round moving the count from {@code n} to {@code n + 1}; every
     * previous value and the final count are checked.
     */
    static void atomicLatency(String[] args, String title, String bench, String what, CountingAtomic atomic) {
        try (DsmBench b = DsmBench.start(args, Long.BYTES, false);
             Window win = b.ctx.allocate(Long.BYTES)) {
            OsuReport report = new OsuReport(b.origin, title, bench, b.options.buffer().label(), "Latency (us)");
            if (b.origin) {
                int iterations = b.options.iterationsFor(Long.BYTES, DsmBench.LAT_ITERATIONS,
                        DsmBench.LAT_ITERATIONS_LARGE);
                int warmup = b.options.warmupFor(Long.BYTES, DsmBench.LAT_WARMUP, DsmBench.LAT_WARMUP_LARGE);
                long[] count = {0};
                long[] wrong = {0};
                Runnable round = () -> {
                    long n = count[0]++;
                    if (atomic.apply(win, n) != n) {
                        wrong[0]++;
                    }
                };
                b.prelude(Long.BYTES, 1, (untimed, timed) -> b.time(Long.BYTES, untimed, timed, 1, round));
                double seconds = b.time(Long.BYTES, warmup, iterations, 1, round);
                long total = win.longs().get(DsmBench.TARGET, 0);
                if (wrong[0] != 0 || total != count[0]) {
                    b.fail(what + ": " + wrong[0] + " unexpected previous values, final count " + total
                            + ", expected " + count[0]);
                }
                report.row(Long.BYTES, seconds * 1e6 / iterations);
            }
            b.sync();
        }
    }
}
