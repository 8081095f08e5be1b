package org.jmpi.bench.dsm;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import com.sun.management.ThreadMXBean;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.Request;
import org.jmpi.bench.OsuOptions;
import org.jmpi.dsm.DsmContext;

/**
 * What every ucx-dsm benchmark shares, the same as the C twins' {@code dsm_common.h}:
 * MPI at {@link org.jmpi.ThreadLevel#SINGLE}, exactly two ranks, a {@link DsmContext} in
 * UCP mode (no direct load/store, so puts, gets and atomics go through
 * {@code ucp_put_nbx}/{@code ucp_get_nbx}/{@code ucp_atomic_op_nbx}), OSU's one-sided
 * defaults, the timed loop, and the steps' barrier during which the target progresses its
 * worker. Rank {@value #ORIGIN} measures on rank {@value #TARGET}'s part of a window.
 */
final class DsmBench implements AutoCloseable {
    /** The rank that issues the operations and prints. */
    static final int ORIGIN = 0;
    /** The rank whose window is accessed. */
    static final int TARGET = 1;
    /** OSU's one-sided latency defaults (OMB 7): iterations and warm-up, small and above 8 KiB. */
    static final int LAT_ITERATIONS = 10_000;
    static final int LAT_ITERATIONS_LARGE = 1_000;
    static final int LAT_WARMUP = 100;
    static final int LAT_WARMUP_LARGE = 10;
    /** OSU's bandwidth defaults (OMB 7): rounds of a window of operations, small and above 8 KiB. */
    static final int BW_ITERATIONS = 100;
    static final int BW_ITERATIONS_LARGE = 20;
    static final int BW_WARMUP = 10;
    static final int BW_WARMUP_LARGE = 2;
    /**
     * Operations run untimed at the first size before the measured sizes (the C twins do
     * the same): OSU's warm-up of 100 is far below what the JIT needs, and the atomics have
     * a single size. They run as up to {@link #PRELUDE_CALLS} calls of the benchmark's
     * timed loop, so that the JIT compiles the loop's method itself (a loop entered a few
     * times only runs interpreted until on-stack replacement), moving at most
     * {@link #PRELUDE_BYTES}; then the origin pauses {@link #PRELUDE_PAUSE_MILLIS} so the
     * JIT's background compilations finish before anything is timed.
     */
    static final int PRELUDE = 200_000;
    static final int PRELUDE_CALLS = 5_000;
    static final long PRELUDE_BYTES = 256L << 20;
    static final int PRELUDE_PAUSE_MILLIS = 200;

    /** System property that turns on the allocation report of the timed loops. */
    static final String ALLOCATION_PROPERTY = "jmpi.bench.allocation";
    private static final boolean ALLOCATION = Boolean.getBoolean(ALLOCATION_PROPERTY);
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    final OsuOptions options;
    final Mpi mpi;
    final Comm world;
    final DsmContext ctx;
    final boolean origin;
    private boolean preluding;

    private DsmBench(OsuOptions options, Mpi mpi, DsmContext ctx) {
        this.options = options;
        this.mpi = mpi;
        this.world = mpi.world();
        this.ctx = ctx;
        this.origin = ctx.rank() == ORIGIN;
    }

    /**
     * Parses the options, initialises MPI and creates the context; prints what is wrong
     * and exits with status 2 on bad options or a rank count other than two.
     *
     * @param minimum      the smallest message size the benchmark supports
     * @param arrayAllowed whether {@code -b array} makes sense for the benchmark
     */
    static DsmBench start(String[] args, long minimum, boolean arrayAllowed) {
        OsuOptions options;
        try {
            options = OsuOptions.parse(args, minimum);
            if (!arrayAllowed && options.buffer() == OsuOptions.BufferKind.ARRAY) {
                throw new IllegalArgumentException("-b: this benchmark has no buffer; only segment applies");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return null;
        }
        Mpi mpi = Mpi.init();
        int size = mpi.world().size();
        if (size != 2) {
            if (mpi.world().rank() == 0) {
                System.err.println("this benchmark needs exactly 2 ranks, not " + size);
            }
            mpi.close();
            System.exit(2);
        }
        return new DsmBench(options, mpi, DsmContext.create(mpi.world(), false));
    }

    /**
     * Ends a step: both ranks enter a nonblocking barrier (a blocking and a nonblocking
     * barrier do not match); the origin waits for it, the target progresses its worker
     * until it completes.
     */
    void sync() {
        try (Request r = world.ibarrier()) {
            if (origin) {
                r.waitFor();
                return;
            }
            while (true) {
                ctx.progress();
                if (r.test()) {
                    break;
                }
            }
        }
    }

    /**
     * Runs {@code step} {@code warmup + iterations} times and returns the seconds
     * ({@link Mpi#wtime()}) of the last {@code iterations}, as OSU's loops do. A step is one
     * operation (latency) or one round of {@code perStep} operations (bandwidth). With
     * {@code -D}{@value #ALLOCATION_PROPERTY}{@code =true} the bytes this thread allocated
     * per operation are printed to stderr, outside the prelude (the loops should allocate
     * none). In one run of a program every step is of one class, so the JIT inlines it.
     */
    double time(long size, int warmup, int iterations, int perStep, Runnable step) {
        long before = ALLOCATION ? THREADS.getCurrentThreadAllocatedBytes() : 0;
        double start = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            if (i == warmup) {
                start = Mpi.wtime();
            }
            step.run();
        }
        double end = Mpi.wtime();
        if (ALLOCATION && !preluding) {
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            System.err.printf(Locale.ROOT, "# allocation: size %d: %.1f bytes per operation%n", size,
                    (double) bytes / ((long) (warmup + iterations) * perStep));
        }
        return end - start;
    }

    /** A benchmark's timed loop, as the prelude calls it. */
    @FunctionalInterface
    interface Loop {
        /** Runs {@code warmup} untimed and {@code iterations} timed steps. */
        void run(int warmup, int iterations);
    }

    /**
     * Runs the prelude for steps of {@code perStep} operations of {@code size} bytes:
     * {@code loop} is called up to {@link #PRELUDE_CALLS} times for {@link #PRELUDE}
     * operations in all (fewer when large), each call half warm-up and half timed steps so
     * that every path of the loop is compiled, then the thread pauses.
     */
    void prelude(long size, int perStep, Loop loop) {
        preluding = true;
        long steps = Math.max(1, Math.min(PRELUDE, Math.max(1, PRELUDE_BYTES / size)) / perStep);
        int calls = (int) Math.min(PRELUDE_CALLS, steps);
        int each = (int) (steps / calls);
        for (int c = 0; c < calls; c++) {
            loop.run(each / 2, each - each / 2);
        }
        preluding = false;
        try {
            Thread.sleep(PRELUDE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints {@code message} and aborts the job with status 3 (corrupted data). */
    void fail(String message) {
        System.err.println(message);
        System.err.flush();
        mpi.abort(3);
    }

    /** Waits for both ranks, then closes the context and MPI. */
    @Override
    public void close() {
        sync();
        ctx.close();
        mpi.close();
    }
}
