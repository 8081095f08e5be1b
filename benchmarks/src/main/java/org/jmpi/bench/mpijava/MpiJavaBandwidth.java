package org.jmpi.bench.mpijava;

import java.util.List;

import mpi.MPIException;
import mpi.Request;

import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuReport;

/**
 * OSU's {@code osu_bw} on the {@code mpi} package (twins: {@code osu_bw.c} and jmpi-api's
 * {@code org.jmpi.bench.osu.Bandwidth}, whose loop this is): rank 0 starts a window of
 * {@code iSend}s (default 64) of one buffer and waits for all ({@code Request.waitAll}),
 * rank 1 a window of {@code iRecv}s into one buffer, then replies with a 4-byte
 * acknowledgement. Bandwidth in MB/s (10^6 bytes/s) is size x window x iterations / time.
 * 100 iterations after 10 warm-up up to 8 KiB, 20 after 2 above. Each {@code iSend} and
 * {@code iRecv} returns a new {@code Request}, as the package has it. Exactly two ranks.
 *
 * <p>{@code -b direct} only. The package's {@code iSend} and {@code iRecv} take a
 * {@code java.nio.Buffer} that must be direct (Open MPI's bindings refuse any other, and so
 * does jmpi's module): a program holding its data in arrays cannot start a window of
 * nonblocking calls on them. A window of blocking calls instead would be another benchmark
 * (it serialises what the window overlaps) with no twin to compare it with, so there is no
 * {@code -b array} here.
 */
public final class MpiJavaBandwidth {
    private static final int DATA_TAG = 100;
    private static final int ACK_TAG = 101;
    private static final int ACK = 4;

    private MpiJavaBandwidth() {
    }

    /**
     * Runs the benchmark; see {@link OsuOptions} for the arguments.
     *
     * @param args the options
     * @throws MPIException if an MPI call fails
     */
    public static void main(String[] args) throws MPIException {
        try (MpiJavaRun run = MpiJavaRun.start(args, 1, 2, 2, "OSU MPI Bandwidth Test", "bw", "Bandwidth (MB/s)",
                List.of(OsuOptions.BufferKind.DIRECT))) {
            OsuOptions o = run.options();
            int rank = run.world().getRank();
            int peer = 1 - rank;
            MpiJavaPair b = new MpiJavaPair(run, Math.max(o.maxSize(), ACK));
            Request[] window = new Request[o.window()];
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int n = (int) size;
                // rank 0 receives the acknowledgement, rank 1 the data
                int received = rank == 0 ? ACK : n;
                b.prepare(Math.max(n, ACK), OsuData.seed(rank, size), OsuData.seed(peer, size));
                int iterations = o.iterationsFor(size, 100, 20);
                int warmup = o.warmupFor(size, 10, 2);
                Runnable round = MpiJavaRun.unchecked(() -> round(b, rank, n, window));
                run.prelude(size * window.length, false, round);
                run.barrier();
                double seconds = run.timeLoop(iterations, warmup, round);
                b.spoilRecv(received, OsuData.seed(peer, size));
                round(b, rank, n, window);
                run.verify(b.recvMismatches(received, OsuData.seed(peer, size)), size);
                run.report().row(size, OsuReport.megabytesPerSecond((double) size * window.length * iterations, seconds));
            }
        }
    }

    /** One window: rank 0 iSends and waits, then takes the acknowledgement; rank 1 iRecvs, waits, acknowledges. */
    private static void round(MpiJavaPair b, int rank, int n, Request[] window) throws MPIException {
        if (rank == 0) {
            for (int j = 0; j < window.length; j++) {
                window[j] = b.iSend(n, 1, DATA_TAG);
            }
            Request.waitAll(window);
            b.recv(ACK, 1, ACK_TAG);
        } else {
            for (int j = 0; j < window.length; j++) {
                window[j] = b.iRecv(n, 0, DATA_TAG);
            }
            Request.waitAll(window);
            b.send(ACK, 0, ACK_TAG);
        }
    }
}
