package org.jmpi.bench.osu;

import org.jmpi.Request;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuReport;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_bibw} on jmpi (C twin: {@code osu_bibw.c}): both ranks post a window
 * of irecvs (default 64), then a window of isends, and wait for the sends and then the
 * receives. Bandwidth in MB/s counts both directions: 2 x size x window x iterations /
 * time. 100 iterations after 10 warm-up up to 8 KiB, 20 after 2 above. The requests are
 * created once and reused. With {@code -b array} the windows take the arrays themselves
 * (see {@link PairBuffers}). Exactly two ranks.
 */
public final class BiBandwidth {
    private BiBandwidth() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 1, 2, 2, "OSU MPI Bi-Directional Bandwidth Test", "bibw",
                "Bandwidth (MB/s)")) {
            OsuOptions o = run.options();
            int rank = run.world().rank();
            int peer = 1 - rank;
            // as OSU: rank 0 sends with tag 100 and receives tag 10, rank 1 the other way round
            int sendTag = rank == 0 ? 100 : 10;
            int recvTag = rank == 0 ? 10 : 100;
            PairBuffers b = new PairBuffers(run, o.maxSize());
            Request[] sends = new Request[o.window()];
            Request[] recvs = new Request[o.window()];
            for (int j = 0; j < sends.length; j++) {
                sends[j] = new Request();
                recvs[j] = new Request();
            }
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                b.prepare(n, OsuData.seed(rank, size), OsuData.seed(peer, size));
                int iterations = o.iterationsFor(size, 100, 20);
                int warmup = o.warmupFor(size, 10, 2);
                Runnable round = () -> round(b, peer, n, sendTag, recvTag, sends, recvs);
                run.prelude(2 * size * sends.length, false, round);
                run.world().barrier();
                double seconds = run.timeLoop(iterations, warmup, round);
                b.spoilRecv(n, OsuData.seed(peer, size));
                round(b, peer, n, sendTag, recvTag, sends, recvs);
                run.verify(b.recvMismatches(n, OsuData.seed(peer, size)), size);
                run.report().row(size, OsuReport.megabytesPerSecond(2.0 * size * sends.length * iterations, seconds));
            }
        }
    }

    /** One window each way: irecvs, isends, wait for the sends, wait for the receives. */
    private static void round(PairBuffers b, int peer, int n, int sendTag, int recvTag, Request[] sends,
                              Request[] recvs) {
        for (Request r : recvs) {
            b.irecv(n, peer, recvTag, r);
        }
        for (Request r : sends) {
            b.isend(n, peer, sendTag, r);
        }
        Request.waitAll(sends);
        Request.waitAll(recvs);
    }
}
