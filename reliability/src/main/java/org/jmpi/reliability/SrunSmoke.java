package org.jmpi.reliability;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Collectives across a whole job, whatever launched it (mpirun, srun):
 * {@code SrunSmoke}. Rank 0 broadcasts a seed, every rank contributes
 * {@code seed + rank} to an allreduce and {@code rank} to an allgather, and each rank
 * prints {@code smoke rank R of N sum S ranks [..] ok} (or {@code FAILED} with what it
 * got), then exits non-zero if anything disagreed.
 */
public final class SrunSmoke {
    private SrunSmoke() {
    }

    /** Runs the job; takes no arguments. */
    public static void main(String[] args) {
        boolean ok;
        try (Mpi mpi = Mpi.init(); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            int rank = world.rank();
            int size = world.size();
            int[] seed = {rank == 0 ? 1000 : -1};
            world.bcast(seed, 0);
            int[] sum = new int[1];
            world.allreduce(new int[] {seed[0] + rank}, sum, Op.SUM);
            MemorySegment mine = arena.allocateFrom(JAVA_INT, rank);
            MemorySegment all = arena.allocate(JAVA_INT, size);
            world.allgather(mine, all, Datatype.INT);
            int[] ranks = all.toArray(JAVA_INT);
            int expected = size * 1000 + size * (size - 1) / 2;
            ok = seed[0] == 1000 && sum[0] == expected
                    && Arrays.equals(ranks, IntStream.range(0, size).toArray());
            System.out.printf("smoke rank %d of %d sum %d ranks %s %s%n", rank, size, sum[0],
                    Arrays.toString(ranks), ok ? "ok" : "FAILED (seed " + seed[0] + ", expected sum " + expected + ")");
            System.out.flush();
            world.barrier();
        }
        if (!ok) {
            System.exit(1);
        }
    }
}
