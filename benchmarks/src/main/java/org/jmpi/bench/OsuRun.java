package org.jmpi.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One run of an OSU-style program: MPI, the parsed options, the report, page-aligned
 * buffers, the timing clock ({@code MPI_Wtime}), the average across ranks, the
 * validation verdict and the collective timing loop, each done the way
 * {@code osu_common.h} does it for the C twins.
 *
 * <p>The Java side also counts the heap bytes its thread allocates inside the timed
 * loops (between {@link #startClock()} and {@link #stopClock(double)}, and in
 * {@link #timeCollective}) and prints the largest count over the ranks as a comment line
 * when the run closes, so an allocating API path shows in the results.
 */
public final class OsuRun implements AutoCloseable {
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

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean() != null
            && ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()
            ? ManagementFactory.getCompilationMXBean() : null;

    private final Mpi mpi;
    private final Comm world;
    private final OsuOptions options;
    private final OsuReport report;
    private final Arena arena = Arena.ofConfined();
    /** Two longs in and out of the final reduction; their first halves, one value, for the others. */
    private final MemorySegment pairIn = arena.allocate(JAVA_LONG, 2);
    private final MemorySegment pairOut = arena.allocate(JAVA_LONG, 2);
    private final MemorySegment in = pairIn.asSlice(0, 8);
    private final MemorySegment out = pairOut.asSlice(0, 8);
    private long allocationMark;
    private long allocated;
    private long lastAllocated;
    private boolean preluded;

    private OsuRun(Mpi mpi, OsuOptions options, String title, String bench, String column) {
        this.mpi = mpi;
        this.world = mpi.world();
        this.options = options;
        this.report = new OsuReport(world.rank() == 0, title, bench, options.buffer().label(), column);
        // first calls link the downcall and the counter: keep that out of the counted loops
        markAllocations();
        Mpi.wtime();
        countAllocations();
        allocated = 0;
        lastAllocated = 0;
    }

    /**
     * Parses {@code args} (see {@link OsuOptions}), initialises MPI and prints the header.
     * With fewer than {@code minRanks} or more than {@code maxRanks} ranks, rank 0 says
     * so and every rank exits with status 1, as OSU does.
     */
    public static OsuRun start(String[] args, long minimumSize, int minRanks, int maxRanks,
                               String title, String bench, String column) {
        OsuOptions options = OsuOptions.parse(args, minimumSize);
        Mpi mpi = Mpi.init();
        int size = mpi.world().size();
        if (size < minRanks || size > maxRanks) {
            if (mpi.world().rank() == 0) {
                System.err.println(bench + ": this test needs " + (minRanks == maxRanks ? "exactly " + minRanks
                        : "at least " + minRanks) + " processes, not " + size);
            }
            mpi.close();
            System.exit(1);
        }
        return new OsuRun(mpi, options, title, bench, column);
    }

    /** The parsed options. */
    public OsuOptions options() {
        return options;
    }

    /** {@code MPI_COMM_WORLD}. */
    public Comm world() {
        return world;
    }

    /** The report (prints on rank 0 only). */
    public OsuReport report() {
        return report;
    }

    /** Whether the Java side communicates from Java arrays ({@code -b array}). */
    public boolean arrays() {
        return options.buffer() == OsuOptions.BufferKind.ARRAY;
    }

    /** A zeroed native buffer of {@code bytes}, aligned to {@link #ALIGNMENT}, freed when the run closes. */
    public MemorySegment allocate(long bytes) {
        return arena.allocate(bytes, ALIGNMENT);
    }

    /** Starts the timed part of a loop: {@code MPI_Wtime} (the heap counter is read just before). */
    public double startClock() {
        markAllocations();
        return Mpi.wtime();
    }

    /** Ends the timed part started at {@code start}; returns the seconds elapsed. */
    public double stopClock(double start) {
        double seconds = Mpi.wtime() - start;
        countAllocations();
        return seconds;
    }

    /** Reads this thread's heap counter at the start of a timed loop. */
    public void markAllocations() {
        allocationMark = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Adds what this thread allocated since {@link #markAllocations()} to the run's count. */
    public void countAllocations() {
        lastAllocated = THREADS.getCurrentThreadAllocatedBytes() - allocationMark;
        allocated += lastAllocated;
    }

    /**
     * OSU's point-to-point loop: runs {@code body} {@code warmup + iterations} times and
     * returns the seconds the last {@code iterations} took ({@code MPI_Wtime} read when
     * the first timed iteration starts and after the last).
     */
    public double timeLoop(int iterations, int warmup, Runnable body) {
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
     * The prelude (see {@link #PRELUDE_CHUNK}), once per run (later calls do nothing):
     * {@code body}, one step moving {@code bytesPerStep}, runs through {@link #timeLoop}
     * ({@code collective} false) or {@link #timeCollective}, unreported and not counted in
     * the allocation figures. Returns the chunks run.
     */
    public int prelude(long bytesPerStep, boolean collective, Runnable body) {
        if (preluded) {
            return 0;
        }
        preluded = true;
        long total = allocated;
        long last = lastAllocated;
        int steps = (int) Math.max(1, Math.min(PRELUDE_CHUNK, PRELUDE_BYTES / Math.max(1, bytesPerStep)));
        int each = Math.min(PRELUDE_CALL, steps);
        int chunks = 0;
        for (int quiet = 0; (quiet < 2 || chunks < PRELUDE_MIN_CHUNKS) && chunks < PRELUDE_MAX_CHUNKS; chunks++) {
            long compiled = compilationMillis();
            for (int done = 0; done < steps; done += each) {
                if (collective) {
                    timeCollective(each - each / 2, each / 2, body);
                } else {
                    timeLoop(each - each / 2, each / 2, body);
                }
            }
            world.barrier();
            pause();
            in.set(JAVA_LONG, 0, compilationMillis() != compiled ? 1 : 0);
            world.allreduce(in, out, Datatype.LONG, Op.MAX);
            quiet = out.get(JAVA_LONG, 0) == 0 ? quiet + 1 : 0;
        }
        allocated = total;
        lastAllocated = last;
        report.comment("prelude: " + chunks + " chunks of " + steps + " steps before the first size");
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
    public double timeCollective(int iterations, int warmup, Runnable op) {
        double timer = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) {
                markAllocations();
            }
            double start = Mpi.wtime();
            op.run();
            double stop = Mpi.wtime();
            if (i >= warmup) {
                timer += stop - start;
            }
            world.barrier();
        }
        countAllocations();
        return timer * 1e6 / iterations;
    }

    /** The average of every rank's {@code value} ({@code MPI_Reduce} sum to rank 0, divided by the size); valid on rank 0. */
    public double averageAcrossRanks(double value) {
        in.set(JAVA_DOUBLE, 0, value);
        world.reduce(in, out, Datatype.DOUBLE, Op.SUM, 0);
        return out.get(JAVA_DOUBLE, 0) / world.size();
    }

    /**
     * The validation verdict for {@code size}: sums every rank's count of wrong values;
     * if any, rank 0 reports it on standard error and every rank exits with status 1.
     */
    public void verify(long wrong, long size) {
        in.set(JAVA_LONG, 0, wrong);
        world.allreduce(in, out, Datatype.LONG, Op.SUM);
        long total = out.get(JAVA_LONG, 0);
        if (total != 0) {
            if (world.rank() == 0) {
                System.err.println("validation failed: " + total + " wrong values received at size " + size);
            }
            mpi.close();
            System.exit(1);
        }
    }

    /**
     * Prints the heap bytes allocated in the timed loops, in all (JIT warm-up included: code
     * that still runs interpreted allocates) and in the last one (usually warm), the most of
     * any rank, and finalizes MPI.
     */
    @Override
    public void close() {
        pairIn.setAtIndex(JAVA_LONG, 0, allocated);
        pairIn.setAtIndex(JAVA_LONG, 1, lastAllocated);
        world.reduce(pairIn, pairOut, Datatype.LONG, Op.MAX, 0);
        report.comment("java heap bytes allocated in timed loops (most of any rank): "
                + pairOut.getAtIndex(JAVA_LONG, 0) + " in all, " + pairOut.getAtIndex(JAVA_LONG, 1) + " in the last");
        arena.close();
        mpi.close();
    }
}
