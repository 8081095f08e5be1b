package org.jmpi.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * What an OSU-style program times, whichever Java API it runs on: the parsed options, the
 * report, the timed loops of {@code osu_common.h} (point-to-point and collective), the
 * prelude that lets the JIT compile them, the heap count of the timed loops and the
 * validation verdict. {@link OsuRun} runs on jmpi-api, {@code MpiJavaRun} on the
 * {@code mpi} package; both time the same loop code, so the two programs of a benchmark
 * differ only in the calls their steps make. This class names no MPI API, so that the
 * programs on the {@code mpi} package run on any implementation of that package.
 *
 * <p>The heap count: the bytes this thread allocates inside the timed loops (between
 * {@link #startClock()} and {@link #stopClock(double)}, and in {@link #timeCollective}),
 * the largest count over the ranks printed as a comment line when the run closes, so an
 * allocating API path shows in the results.
 */
public abstract class OsuTiming implements AutoCloseable {
    /** Buffers are aligned to the page size, as OSU's {@code posix_memalign(getpagesize())}. */
    public static final long ALIGNMENT = 4096;
    /**
     * The prelude ({@link #prelude}; the C twins' {@code osu_prelude} does the same): before
     * the first size is measured, the program's timed loop runs unreported in chunks of up
     * to {@link #PRELUDE_CHUNK} steps (moving at most {@link #PRELUDE_BYTES}), each chunk as
     * calls of {@link #PRELUDE_CALL} steps (half warm-up, half timed) so that the JIT
     * compiles the loop's method itself and not only an on-stack replacement of it. After
     * each chunk the ranks pause {@link #PRELUDE_PAUSE_MILLIS}, which leaves the core to the
     * JIT's compiler threads (bound to the same core, they otherwise share it with a rank
     * that spins in MPI), and stop after {@link #PRELUDE_MIN_CHUNKS} chunks at least, once
     * no rank's JIT has compiled anything during two chunks in a row, after
     * {@link #PRELUDE_MAX_CHUNKS} chunks at most. OSU's warm-up of 100 is far below what
     * the JIT needs; C compiles nothing and stops after the least.
     */
    public static final int PRELUDE_CHUNK = 4_000;
    /** Steps per call of the timed loop in the prelude. */
    public static final int PRELUDE_CALL = 2;
    /** Bytes one chunk of the prelude moves, at most. */
    public static final long PRELUDE_BYTES = 64L << 20;
    /** The pause after each chunk. */
    public static final int PRELUDE_PAUSE_MILLIS = 20;
    /** Chunks of the prelude, at least (the loop's method needs thousands of calls to be compiled). */
    public static final int PRELUDE_MIN_CHUNKS = 3;
    /** Chunks of the prelude, at most. */
    public static final int PRELUDE_MAX_CHUNKS = 100;
    /**
     * The settling before each later size (the C twins' {@code osu_prelude} does the same):
     * chunks of up to this many steps (moving at most {@link #PRELUDE_BYTES}), run as the
     * prelude's are, until no rank's JIT compiled anything during one chunk, at most
     * {@link #SETTLE_MAX_CHUNKS}. A new size can take a branch the JIT never saw (a copy of
     * 2 bytes after copies of 1, a pooled staging buffer from 4 KiB): the compiled loop
     * then falls back to the interpreter and is compiled again, which at OSU's 100
     * iterations of a small size would be most of what is timed.
     */
    public static final int SETTLE_CHUNK = 200;
    /** Chunks of the settling, at most. */
    public static final int SETTLE_MAX_CHUNKS = 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean() != null
            && ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()
            ? ManagementFactory.getCompilationMXBean() : null;

    private final OsuOptions options;
    private final OsuReport report;
    private final int rank;
    private long allocationMark;
    private long allocated;
    private long lastAllocated;
    private boolean preluded;

    /**
     * @param options the parsed options
     * @param report  the report (prints on rank 0 only)
     * @param rank    this process's rank in the world
     */
    protected OsuTiming(OsuOptions options, OsuReport report, int rank) {
        this.options = options;
        this.report = report;
        this.rank = rank;
    }

    /**
     * Links the clock and the heap counter (their first calls) outside the counted loops;
     * the subclass calls it at the end of its constructor, once its MPI runs.
     */
    protected final void linkClock() {
        markAllocations();
        wtime();
        countAllocations();
        allocated = 0;
        lastAllocated = 0;
    }

    /** What rank 0 says when the job has {@code size} ranks, outside {@code minRanks..maxRanks}. */
    protected static String ranksMessage(String bench, int minRanks, int maxRanks, int size) {
        return bench + ": this test needs " + (minRanks == maxRanks ? "exactly " + minRanks
                : "at least " + minRanks) + " processes, not " + size;
    }

    /** {@code MPI_Wtime} of the API the program runs on. */
    protected abstract double wtime();

    /** {@code MPI_Barrier} on the world. */
    public abstract void barrier();

    /** The sum ({@code max} false) or the maximum of every rank's {@code value}, on every rank ({@code MPI_Allreduce}). */
    protected abstract long allreduce(long value, boolean max);

    /**
     * The maximum over the ranks of each of two values, valid on rank 0 ({@code MPI_Reduce} of
     * two longs to rank 0, as the C twins' {@code osu_finish}, whose ranks may share a job).
     */
    protected abstract long[] maxAtRoot(long first, long second);

    /**
     * The reduction the report makes after each size ({@code averageAcrossRanks}, an
     * {@code MPI_Reduce} to rank 0), made once per chunk of the prelude with a dummy value:
     * the JIT must have seen every call the program makes between two timed loops before
     * the first size is timed, or its first sight of one (a shared path taking a branch it
     * never took) recompiles that path while the next size is timed.
     */
    protected abstract void reportStep();

    /** Finalises MPI and frees what the run holds. */
    protected abstract void finish();

    /** The parsed options. */
    public final OsuOptions options() {
        return options;
    }

    /** The report (prints on rank 0 only). */
    public final OsuReport report() {
        return report;
    }

    /** Whether the program communicates from Java arrays ({@code -b array}). */
    public final boolean arrays() {
        return options.buffer() == OsuOptions.BufferKind.ARRAY;
    }

    /** Starts the timed part of a loop: {@code MPI_Wtime} (the heap counter is read just before). */
    public final double startClock() {
        markAllocations();
        return wtime();
    }

    /** Ends the timed part started at {@code start}; returns the seconds elapsed. */
    public final double stopClock(double start) {
        double seconds = wtime() - start;
        countAllocations();
        return seconds;
    }

    /** Reads this thread's heap counter at the start of a timed loop. */
    public final void markAllocations() {
        allocationMark = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Adds what this thread allocated since {@link #markAllocations()} to the run's count. */
    public final void countAllocations() {
        lastAllocated = THREADS.getCurrentThreadAllocatedBytes() - allocationMark;
        allocated += lastAllocated;
    }

    /**
     * OSU's point-to-point loop: runs {@code body} {@code warmup + iterations} times and
     * returns the seconds the last {@code iterations} took ({@code MPI_Wtime} read when
     * the first timed iteration starts and after the last).
     */
    public final double timeLoop(int iterations, int warmup, Runnable body) {
        double start = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) {
                start = startClock();
            }
            body.run();
        }
        return stopClock(start);
    }

    /**
     * The prelude (see {@link #PRELUDE_CHUNK}) at the first call, the settling (see
     * {@link #SETTLE_CHUNK}) at later ones: {@code body}, one step moving
     * {@code bytesPerStep}, runs through {@link #timeLoop} ({@code collective} false) or
     * {@link #timeCollective}, unreported and not counted in the allocation figures.
     * Returns the chunks run.
     */
    public final int prelude(long bytesPerStep, boolean collective, Runnable body) {
        return prelude(bytesPerStep, collective ? this::timeCollective : this::timeLoop, body);
    }

    /** A timed loop of this class: {@link #timeLoop}, {@link #timeCollective} or {@link #timeEach}. */
    @FunctionalInterface
    public interface Loop {
        /** Runs {@code body} {@code warmup + iterations} times; the loop's figure. */
        double time(int iterations, int warmup, Runnable body);
    }

    /** {@link #prelude(long, boolean, Runnable)} through the timed loop {@code loop}, the one the program then times. */
    public final int prelude(long bytesPerStep, Loop loop, Runnable body) {
        long total = allocated;
        long last = lastAllocated;
        int chunk = preluded ? SETTLE_CHUNK : PRELUDE_CHUNK;
        int steps = (int) Math.max(1, Math.min(chunk, PRELUDE_BYTES / Math.max(1, bytesPerStep)));
        int chunks = preluded
                ? chunks(steps, loop, body, 1, 1, SETTLE_MAX_CHUNKS)
                : chunks(steps, loop, body, 2, PRELUDE_MIN_CHUNKS, PRELUDE_MAX_CHUNKS);
        allocated = total;
        lastAllocated = last;
        if (!preluded) {
            report.comment("prelude: " + chunks + " chunks of " + steps + " steps before the first size");
        }
        preluded = true;
        return chunks;
    }

    /**
     * Runs chunks of {@code steps} steps, each followed by the report's reduction, a
     * barrier and a pause, until no rank's JIT compiled anything during {@code quietChunks}
     * chunks in a row, {@code least} chunks at least and {@code most} at most.
     */
    private int chunks(int steps, Loop loop, Runnable body, int quietChunks, int least, int most) {
        int each = Math.min(PRELUDE_CALL, steps);
        int chunks = 0;
        for (int quiet = 0; (quiet < quietChunks || chunks < least) && chunks < most; chunks++) {
            long compiled = compilationMillis();
            for (int done = 0; done < steps; done += each) {
                loop.time(each - each / 2, each / 2, body);
            }
            reportStep();
            barrier();
            pause();
            quiet = allreduce(compilationMillis() != compiled ? 1 : 0, true) == 0 ? quiet + 1 : 0;
        }
        return chunks;
    }

    private static long compilationMillis() {
        return COMPILER == null ? 0 : COMPILER.getTotalCompilationTime();
    }

    private static void pause() {
        try {
            Thread.sleep(PRELUDE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * OSU's collective loop: {@code warmup + iterations} times, time {@code op} alone with
     * {@code MPI_Wtime} and then barrier; returns this rank's mean over the timed
     * iterations, in microseconds.
     */
    public final double timeCollective(int iterations, int warmup, Runnable op) {
        return timeAlone(iterations, warmup, op, true);
    }

    /**
     * OSU's barrier loop: {@code warmup + iterations} times, time {@code op} alone with
     * {@code MPI_Wtime}, with nothing between two calls; returns this rank's mean over the
     * timed iterations, in microseconds.
     */
    public final double timeEach(int iterations, int warmup, Runnable op) {
        return timeAlone(iterations, warmup, op, false);
    }

    /** {@code op} timed alone, {@code warmup + iterations} times, each followed by a barrier when {@code barrier}. */
    private double timeAlone(int iterations, int warmup, Runnable op, boolean barrier) {
        double timer = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) {
                markAllocations();
            }
            double start = wtime();
            op.run();
            double stop = wtime();
            if (i >= warmup) {
                timer += stop - start;
            }
            if (barrier) {
                barrier();
            }
        }
        countAllocations();
        return timer * 1e6 / iterations;
    }

    /**
     * The validation verdict for {@code size}: sums every rank's count of wrong values;
     * if any, rank 0 reports it on standard error and every rank exits with status 1.
     */
    public final void verify(long wrong, long size) {
        long total = allreduce(wrong, false);
        if (total != 0) {
            if (rank == 0) {
                System.err.println("validation failed: " + total + " wrong values received at size " + size);
            }
            finish();
            System.exit(1);
        }
    }

    /**
     * Prints the heap bytes allocated in the timed loops, in all (JIT warm-up included: code
     * that still runs interpreted allocates) and in the last one (usually warm), the most of
     * any rank, and finalises MPI ({@link #finish()}).
     */
    @Override
    public final void close() {
        long[] most = maxAtRoot(allocated, lastAllocated);
        report.comment("java heap bytes allocated in timed loops (most of any rank): " + most[0] + " in all, "
                + most[1] + " in the last");
        finish();
    }
}
