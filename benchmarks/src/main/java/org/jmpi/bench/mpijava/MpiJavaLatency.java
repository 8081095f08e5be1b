package org.jmpi.bench.mpijava;

import mpi.MPIException;

import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;

/**
 * OSU's {@code osu_latency} on the {@code mpi} package (twins: {@code osu_latency.c} and
 * jmpi-api's {@code org.jmpi.bench.osu.Latency}, whose loop this is): ping-pong of blocking
 * {@code send} and {@code recv} of {@code MPI.BYTE} between ranks 0 and 1; the latency is
 * half the mean round trip, in microseconds. 10000 iterations after 100 warm-up up to
 * 8 KiB, 1000 after 10 above. {@code -b direct} (the default): page-aligned direct byte
 * buffers; {@code -b array}: {@code byte[]}s. Exactly two ranks:
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.mpijava.MpiJavaLatency -b direct</pre>
 */
public final class MpiJavaLatency {
    private static final int TAG = 1;

    private MpiJavaLatency() {
    }

    /**
     * Runs the benchmark; see {@link OsuOptions} for the arguments.
     *
     * @param args the options
     * @throws MPIException if an MPI call fails
     */
    public static void main(String[] args) throws MPIException {
        try (MpiJavaRun run = MpiJavaRun.start(args, 1, 2, 2, "OSU MPI Latency Test", "latency", "Latency (us)",
                MpiJavaRun.DIRECT_AND_ARRAY)) {
            OsuOptions o = run.options();
            int rank = run.world().getRank();
            int peer = 1 - rank;
            MpiJavaPair b = new MpiJavaPair(run, o.maxSize());
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                b.prepare(n, OsuData.seed(rank, size), OsuData.seed(peer, size));
                int iterations = o.iterationsFor(size, 10000, 1000);
                int warmup = o.warmupFor(size, 100, 10);
                Runnable pingPong = MpiJavaRun.unchecked(() -> pingPong(b, rank, n));
                run.prelude(size, false, pingPong);
                run.barrier();
                double seconds = run.timeLoop(iterations, warmup, pingPong);
                b.spoilRecv(n, OsuData.seed(peer, size));
                pingPong(b, rank, n);
                run.verify(b.recvMismatches(n, OsuData.seed(peer, size)), size);
                run.report().row(size, seconds * 1e6 / (2.0 * iterations));
            }
        }
    }

    /** One round trip: rank 0 sends then receives, rank 1 receives then sends. */
    private static void pingPong(MpiJavaPair b, int rank, int n) throws MPIException {
        if (rank == 0) {
            b.send(n, 1, TAG);
            b.recv(n, 1, TAG);
        } else {
            b.recv(n, 0, TAG);
            b.send(n, 0, TAG);
        }
    }
}
