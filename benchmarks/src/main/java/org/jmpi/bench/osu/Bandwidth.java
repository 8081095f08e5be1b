package org.jmpi.bench.osu;

import org.jmpi.Request;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuReport;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_bw} on jmpi (C twin: {@code osu_bw.c}): rank 0 starts a window of
 * isends (default 64) of one buffer and waits for all, rank 1 a window of irecvs into one
 * buffer, then replies with a 4-byte acknowledgement. Bandwidth in MB/s (10^6 bytes/s) is
 * size x window x iterations / time. 100 iterations after 10 warm-up up to 8 KiB, 20
 * after 2 above. The requests are created once and reused. With {@code -b array} the
 * window takes the arrays themselves (see {@link PairBuffers}). Exactly two ranks.
 */
public final class Bandwidth {
    private static final int DATA_TAG = 100;
    private static final int ACK_TAG = 101;
    private static final int ACK = 4;

    private Bandwidth() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 1, 2, 2, "OSU MPI Bandwidth Test", "bw", "Bandwidth (MB/s)")) {
            OsuOptions o = run.options();
            int rank = run.world().rank();
            int peer = 1 - rank;
            PairBuffers b = new PairBuffers(run, Math.max(o.maxSize(), ACK));
            Request[] window = new Request[o.window()];
            for (int j = 0; j < window.length; j++) {
                window[j] = new Request();
            }
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                // rank 0 receives the acknowledgement, rank 1 the data
                int received = rank == 0 ? ACK : n;
                b.prepare(Math.max(n, ACK), OsuData.seed(rank, size), OsuData.seed(peer, size));
                int iterations = o.iterationsFor(size, 100, 20);
                int warmup = o.warmupFor(size, 10, 2);
                Runnable round = () -> round(b, rank, n, window);
                run.prelude(size * window.length, false, round);
                run.world().barrier();
                double seconds = run.timeLoop(iterations, warmup, round);
                b.spoilRecv(received, OsuData.seed(peer, size));
                round(b, rank, n, window);
                run.verify(b.recvMismatches(received, OsuData.seed(peer, size)), size);
                run.report().row(size, OsuReport.megabytesPerSecond((double) size * window.length * iterations, seconds));
            }
        }
    }

    /** One window: rank 0 isends and waits, then takes the acknowledgement; rank 1 irecvs, waits, acknowledges. */
    private static void round(PairBuffers b, int rank, int n, Request[] window) {
        if (rank == 0) {
            for (Request r : window) {
                b.isend(n, 1, DATA_TAG, r);
            }
            Request.waitAll(window);
            b.recv(ACK, 1, ACK_TAG);
        } else {
            for (Request r : window) {
                b.irecv(n, 0, DATA_TAG, r);
            }
            Request.waitAll(window);
            b.send(ACK, 0, ACK_TAG);
        }
    }
}
