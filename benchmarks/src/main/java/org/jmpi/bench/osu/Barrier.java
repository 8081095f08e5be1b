package org.jmpi.bench.osu;

import org.jmpi.Comm;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_barrier} on jmpi (C twin: {@code osu_barrier.c}): each barrier timed
 * alone with {@code MPI_Wtime}; the value (printed for size 0) is the mean latency
 * averaged over the ranks, in microseconds. 1000 iterations after 100 warm-up (OSU's
 * collective defaults; {@code -i} and {@code -x} override, {@code -m} is ignored). A
 * barrier moves no data, so only {@code -b segment} applies. Two or more ranks.
 */
public final class Barrier {
    private Barrier() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        if (OsuOptions.parse(args, 1).buffer() != OsuOptions.BufferKind.SEGMENT) {
            throw new IllegalArgumentException("-b: a barrier moves no data; only -b segment applies");
        }
        try (OsuRun run = OsuRun.start(args, 1, 2, Integer.MAX_VALUE, "OSU MPI Barrier Latency Test", "barrier",
                "Avg Latency(us)")) {
            OsuOptions o = run.options();
            Comm world = run.world();
            int iterations = o.iterationsFor(0, 1000, 100);
            int warmup = o.warmupFor(0, 100, 10);
            run.prelude(0, run::timeEach, world::barrier);
            double latency = run.timeEach(iterations, warmup, world::barrier);
            world.barrier();
            run.report().row(0, run.averageAcrossRanks(latency));
        }
    }
}
