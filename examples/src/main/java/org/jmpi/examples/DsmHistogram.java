package org.jmpi.examples;

import java.util.SplittableRandom;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.dsm.DsmContext;
import org.jmpi.dsm.Distribution;
import org.jmpi.dsm.GlobalLongArray;

/**
 * A distributed histogram on remote fetch-add: the bins are a global array spread
 * cyclically over the ranks; every rank draws values and increments their bins wherever
 * they live, then after a barrier rank 0 prints the bins and checks that they add up:
 * {@code native-scripts/jmpirun --oversubscribe -np 4 org.jmpi.examples.DsmHistogram}.
 */
public final class DsmHistogram {
    private static final int BINS = 16;
    private static final int VALUES_PER_RANK = 20_000;

    private DsmHistogram() {
    }

    /** Entry point of every rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init()) {
            Comm world = mpi.world();
            try (DsmContext ctx = DsmContext.create(world);
                 GlobalLongArray bins = GlobalLongArray.create(ctx, BINS, Distribution.CYCLIC)) {
                SplittableRandom random = new SplittableRandom(42 + ctx.rank());
                long remote = 0;
                for (int i = 0; i < VALUES_PER_RANK; i++) {
                    double g = (random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3;
                    int bin = Math.min(BINS - 1, (int) (g * BINS));
                    bins.fetchAdd(bin, 1);
                    if (bins.owner(bin) != ctx.rank()) {
                        remote++;
                    }
                }
                System.out.printf("rank %d: %d of %d increments went to other ranks%n",
                        ctx.rank(), remote, VALUES_PER_RANK);
                bins.sync();
                if (ctx.rank() == 0) {
                    long total = 0;
                    long max = 1;
                    long[] counts = new long[BINS];
                    bins.getRange(0, counts, 0, BINS);
                    for (long c : counts) {
                        total += c;
                        max = Math.max(max, c);
                    }
                    for (int b = 0; b < BINS; b++) {
                        System.out.printf("bin %2d (rank %d) %7d %s%n", b, bins.owner(b), counts[b],
                                "#".repeat((int) (50 * counts[b] / max)));
                    }
                    long expected = (long) VALUES_PER_RANK * ctx.size();
                    System.out.printf("total %d, expected %d: %s%n", total, expected,
                            total == expected ? "OK" : "MISMATCH");
                    if (total != expected) {
                        mpi.abort(1);
                    }
                }
                bins.sync();
            }
        }
    }
}
