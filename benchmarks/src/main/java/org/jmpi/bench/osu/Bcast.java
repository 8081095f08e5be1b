package org.jmpi.bench.osu;

import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_bcast} on jmpi (C twin: {@code osu_bcast.c}): broadcast of
 * {@code size} bytes from rank 0. Each call is timed alone and followed by a barrier; the
 * value is the mean latency averaged over the ranks, in microseconds. 1000 iterations
 * after 100 warm-up up to 8 KiB, 100 after 10 above. {@code -b segment}: a page-aligned
 * native segment ({@code MPI_CHAR}); {@code -b array}: a {@code byte[]} per size through
 * jmpi's array overload (staged in native memory). Two or more ranks.
 */
public final class Bcast {
    private static final int ROOT = 0;

    private Bcast() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 1, 2, Integer.MAX_VALUE, "OSU MPI Broadcast Latency Test", "bcast",
                "Avg Latency(us)")) {
            OsuOptions o = run.options();
            Comm world = run.world();
            int rank = world.rank();
            MemorySegment whole = run.allocate(o.maxSize());
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                MemorySegment buf;
                Runnable bcast;
                if (run.arrays()) {
                    byte[] a = new byte[n];
                    buf = MemorySegment.ofArray(a);
                    bcast = () -> world.bcast(a, ROOT);
                } else {
                    MemorySegment b = whole.asSlice(0, n);
                    buf = b;
                    bcast = () -> world.bcast(b, Datatype.CHAR, ROOT);
                }
                long seed = OsuData.seed(ROOT, size);
                if (rank == ROOT) {
                    OsuData.fill(buf, n, seed);
                } else {
                    OsuData.spoil(buf, n, seed);
                }
                int iterations = o.iterationsFor(size, 1000, 100);
                int warmup = o.warmupFor(size, 100, 10);
                run.prelude(size, true, bcast);
                world.barrier();
                double latency = run.timeCollective(iterations, warmup, bcast);
                if (rank != ROOT) {
                    OsuData.spoil(buf, n, seed);
                }
                bcast.run();
                run.verify(OsuData.mismatches(buf, n, seed), size);
                run.report().row(size, run.averageAcrossRanks(latency));
                world.barrier();
            }
        }
    }
}
