package org.jmpi.bench.mpijava;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.CodeSource;
import java.util.List;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuReport;
import org.jmpi.bench.OsuTiming;

/**
 * One run of an OSU-style program on the {@code mpi} package (the API of Open MPI's Java
 * bindings): {@code MPI.Init}, {@code MPI.wtime}, page-aligned direct buffers and the
 * reductions of the run's own bookkeeping, through that package alone; the loops, the
 * prelude, the validation and the heap count are {@link OsuTiming}'s, the same code as the
 * jmpi-api programs'. The program runs on whichever implementation of the package is on
 * the class path: jmpi's module {@code jmpi-mpi-java}, or Open MPI's own JNI bindings
 * ({@code mpi.jar} with {@code libmpi_java.so}). It names no jmpi-api type, so neither
 * does the class path of the second need jmpi.
 *
 * <p>The header's {@code impl} is the system property {@value #IMPL_PROPERTY}: {@code mpi}
 * (the default, jmpi's module) or {@code jni} (the runner sets it when the program runs on
 * Open MPI's bindings); a comment line names where the {@code mpi.MPI} class came from.
 */
public final class MpiJavaRun extends OsuTiming {
    /** The system property naming the implementation of package {@code mpi}: {@code mpi} or {@code jni}. */
    public static final String IMPL_PROPERTY = "jmpi.bench.impl";
    /** The buffer kinds of programs that take arrays: direct buffers (the default) and arrays. */
    public static final List<OsuOptions.BufferKind> DIRECT_AND_ARRAY =
            List.of(OsuOptions.BufferKind.DIRECT, OsuOptions.BufferKind.ARRAY);

    private final Intracomm world;
    private final long[] in = new long[1];
    private final long[] out = new long[1];
    private final double[] valueIn = new double[1];
    private final double[] valueOut = new double[1];

    /** A step of a timed loop: calls that may throw the package's checked {@link MPIException}. */
    @FunctionalInterface
    public interface Step {
        /**
         * Runs the step.
         *
         * @throws MPIException if an MPI call fails
         */
        void run() throws MPIException;
    }

    private MpiJavaRun(OsuOptions options, OsuReport report, int rank) {
        super(options, report, rank);
        this.world = MPI.COMM_WORLD;
        linkClock();
    }

    /**
     * Parses {@code args} (see {@link OsuOptions}; {@code -b} one of {@code kinds}, the first
     * the default), initialises MPI ({@code MPI.Init}) and prints the header. With fewer
     * than {@code minRanks} or more than {@code maxRanks} ranks, rank 0 says so and every
     * rank exits with status 1, as OSU does.
     *
     * @throws MPIException if MPI cannot start
     */
    public static MpiJavaRun start(String[] args, long minimumSize, int minRanks, int maxRanks, String title,
                                   String bench, String column, List<OsuOptions.BufferKind> kinds)
            throws MPIException {
        OsuOptions options = OsuOptions.parse(args, minimumSize, kinds);
        String impl = implementation();
        MPI.Init(args);
        int rank = MPI.COMM_WORLD.getRank();
        int size = MPI.COMM_WORLD.getSize();
        if (size < minRanks || size > maxRanks) {
            if (rank == 0) {
                System.err.println(ranksMessage(bench, minRanks, maxRanks, size));
            }
            MPI.Finalize();
            System.exit(1);
        }
        String on = impl.equals("jni") ? "Open MPI's JNI bindings" : "jmpi";
        OsuReport report = new OsuReport(rank == 0, title + " (package mpi on " + on + ", Java)", impl, bench,
                options.buffer().label(), column);
        report.comment("package mpi from " + origin());
        return new MpiJavaRun(options, report, rank);
    }

    /** The implementation named by {@value #IMPL_PROPERTY}: {@code mpi} unless set; anything but mpi or jni is refused. */
    static String implementation() {
        String impl = System.getProperty(IMPL_PROPERTY, "mpi");
        if (!impl.equals("mpi") && !impl.equals("jni")) {
            throw new IllegalArgumentException("-D" + IMPL_PROPERTY + " must be mpi or jni, not " + impl);
        }
        return impl;
    }

    private static String origin() {
        CodeSource source = MPI.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : source.getLocation().toString();
    }

    /** {@code MPI.COMM_WORLD}. */
    public Intracomm world() {
        return world;
    }

    /**
     * {@code step} as a {@link Runnable} for the timed loops: an {@link MPIException} it
     * throws comes out as an IllegalStateException carrying it, which ends the program.
     */
    public static Runnable unchecked(Step step) {
        return () -> {
            try {
                step.run();
            } catch (MPIException e) {
                throw failed(e);
            }
        };
    }

    private static IllegalStateException failed(MPIException e) {
        return new IllegalStateException("MPI call failed: " + e.getMessage(), e);
    }

    /**
     * A zeroed direct byte buffer of {@code bytes} in native byte order whose first byte is
     * aligned to {@link #ALIGNMENT}, as OSU's buffers: a slice of one from {@code MPI.newByteBuffer}.
     */
    public static ByteBuffer allocate(int bytes) {
        ByteBuffer raw = MPI.newByteBuffer(Math.addExact(bytes, (int) ALIGNMENT));
        long address = MemorySegment.ofBuffer(raw).address();
        int skip = (int) ((ALIGNMENT - address % ALIGNMENT) % ALIGNMENT);
        return raw.slice(skip, bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    protected double wtime() {
        try {
            return MPI.wtime();
        } catch (MPIException e) {
            throw failed(e);
        }
    }

    @Override
    public void barrier() {
        try {
            world.barrier();
        } catch (MPIException e) {
            throw failed(e);
        }
    }

    @Override
    protected long allreduce(long value, boolean max) {
        in[0] = value;
        try {
            world.allReduce(in, out, 1, MPI.LONG, max ? MPI.MAX : MPI.SUM);
        } catch (MPIException e) {
            throw failed(e);
        }
        return out[0];
    }

    /**
     * The average of every rank's {@code value} ({@code MPI_Reduce} sum to rank 0, divided by the size); valid on rank 0.
     *
     * @throws MPIException if the reduction fails
     */
    public double averageAcrossRanks(double value) throws MPIException {
        valueIn[0] = value;
        world.reduce(valueIn, valueOut, 1, MPI.DOUBLE, MPI.SUM, 0);
        return valueOut[0] / world.getSize();
    }

    @Override
    protected void reportStep() {
        try {
            averageAcrossRanks(0);
        } catch (MPIException e) {
            throw failed(e);
        }
    }

    @Override
    protected long[] maxAtRoot(long first, long second) {
        long[] pair = {first, second};
        long[] most = new long[2];
        try {
            world.reduce(pair, most, 2, MPI.LONG, MPI.MAX, 0);
        } catch (MPIException e) {
            throw failed(e);
        }
        return most;
    }

    @Override
    protected void finish() {
        try {
            MPI.Finalize();
        } catch (MPIException e) {
            throw failed(e);
        }
    }
}
