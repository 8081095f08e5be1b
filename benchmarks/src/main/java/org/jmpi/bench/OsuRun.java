package org.jmpi.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One run of an OSU-style program on jmpi-api: MPI, page-aligned buffers, the timing
 * clock ({@code MPI_Wtime}) and the average across ranks, each done the way
 * {@code osu_common.h} does it for the C twins; the loops, the prelude, the validation and
 * the heap count are {@link OsuTiming}'s.
 */
public final class OsuRun extends OsuTiming {
    private final Mpi mpi;
    private final Comm world;
    private final Arena arena = Arena.ofConfined();
    /** Two longs in and out of the final reduction; their first halves, one value, for the others. */
    private final MemorySegment pairIn = arena.allocate(JAVA_LONG, 2);
    private final MemorySegment pairOut = arena.allocate(JAVA_LONG, 2);
    private final MemorySegment in = pairIn.asSlice(0, 8);
    private final MemorySegment out = pairOut.asSlice(0, 8);

    private OsuRun(Mpi mpi, OsuOptions options, String title, String bench, String column) {
        super(options, new OsuReport(mpi.world().rank() == 0, title, bench, options.buffer().label(), column),
                mpi.world().rank());
        this.mpi = mpi;
        this.world = mpi.world();
        linkClock();
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
                System.err.println(ranksMessage(bench, minRanks, maxRanks, size));
            }
            mpi.close();
            System.exit(1);
        }
        return new OsuRun(mpi, options, title, bench, column);
    }

    /** {@code MPI_COMM_WORLD}. */
    public Comm world() {
        return world;
    }

    /** A zeroed native buffer of {@code bytes}, aligned to {@link #ALIGNMENT}, freed when the run closes. */
    public MemorySegment allocate(long bytes) {
        return arena.allocate(bytes, ALIGNMENT);
    }

    @Override
    protected double wtime() {
        return Mpi.wtime();
    }

    @Override
    public void barrier() {
        world.barrier();
    }

    @Override
    protected long allreduce(long value, boolean max) {
        in.set(JAVA_LONG, 0, value);
        world.allreduce(in, out, Datatype.LONG, max ? Op.MAX : Op.SUM);
        return out.get(JAVA_LONG, 0);
    }

    /** The average of every rank's {@code value} ({@code MPI_Reduce} sum to rank 0, divided by the size); valid on rank 0. */
    public double averageAcrossRanks(double value) {
        in.set(JAVA_DOUBLE, 0, value);
        world.reduce(in, out, Datatype.DOUBLE, Op.SUM, 0);
        return out.get(JAVA_DOUBLE, 0) / world.size();
    }

    @Override
    protected void reportStep() {
        averageAcrossRanks(0);
    }

    @Override
    protected long[] maxAtRoot(long first, long second) {
        pairIn.setAtIndex(JAVA_LONG, 0, first);
        pairIn.setAtIndex(JAVA_LONG, 1, second);
        world.reduce(pairIn, pairOut, Datatype.LONG, Op.MAX, 0);
        return new long[] {pairOut.getAtIndex(JAVA_LONG, 0), pairOut.getAtIndex(JAVA_LONG, 1)};
    }

    @Override
    protected void finish() {
        arena.close();
        mpi.close();
    }
}
