package org.jmpi.bench.osu;

import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_latency} on jmpi (C twin: {@code osu_latency.c}): ping-pong of
 * blocking send and receive between ranks 0 and 1; the latency is half the mean round
 * trip, in microseconds. 10000 iterations after 100 warm-up up to 8 KiB, 1000 after 10
 * above. Run on exactly two ranks:
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.osu.Latency -b segment</pre>
 */
public final class Latency {
    private static final int TAG = 1;

    private Latency() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 1, 2, 2, "OSU MPI Latency Test", "latency", "Latency (us)")) {
            OsuOptions o = run.options();
            int rank = run.world().rank();
            int peer = 1 - rank;
            PairBuffers b = new PairBuffers(run, o.maxSize());
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                b.prepare(n, OsuData.seed(rank, size), OsuData.seed(peer, size));
                int iterations = o.iterationsFor(size, 10000, 1000);
                int warmup = o.warmupFor(size, 100, 10);
                Runnable pingPong = () -> pingPong(b, rank, n);
                run.prelude(size, false, pingPong);
                run.world().barrier();
                double seconds = run.timeLoop(iterations, warmup, pingPong);
                b.spoilRecv(n, OsuData.seed(peer, size));
                pingPong(b, rank, n);
                run.verify(b.recvMismatches(n, OsuData.seed(peer, size)), size);
                run.report().row(size, seconds * 1e6 / (2.0 * iterations));
            }
        }
    }

    /** One round trip: rank 0 sends then receives, rank 1 receives then sends. */
    private static void pingPong(PairBuffers b, int rank, int n) {
        if (rank == 0) {
            b.send(n, 1, TAG);
            b.recv(n, 1, TAG);
        } else {
            b.recv(n, 0, TAG);
            b.send(n, 0, TAG);
        }
    }
}
