package org.jmpi.bench.osu;

import java.lang.foreign.MemorySegment;

import org.jmpi.Buf;
import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_alltoall} on jmpi (C twin: {@code osu_alltoall.c}): every rank sends
 * {@code size} bytes to every rank. Each call is timed alone and followed by a barrier;
 * the value is the mean latency averaged over the ranks, in microseconds. 1000 iterations
 * after 100 warm-up up to 8 KiB, 100 after 10 above. {@code -b segment}: page-aligned
 * native segments ({@code MPI_CHAR}). {@code -b array}: a {@code byte[]} pair, each side
 * a {@code Buf} of {@code size} bytes per rank; jmpi stages the arrays in its per-thread
 * native memory around each call (never pinning them), inside the timed region. Two or
 * more ranks.
 */
public final class Alltoall {
    private Alltoall() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 1, 2, Integer.MAX_VALUE, "OSU MPI All-to-All Personalized Exchange"
                + " Latency Test", "alltoall", "Avg Latency(us)")) {
            OsuOptions o = run.options();
            Comm world = run.world();
            int rank = world.rank();
            int ranks = world.size();
            long total = o.maxSize() * ranks;
            MemorySegment sendBuf = run.allocate(total);
            MemorySegment recvBuf = run.allocate(total);
            byte[] sendArray = run.arrays() ? new byte[Math.toIntExact(total)] : null;
            byte[] recvArray = run.arrays() ? new byte[Math.toIntExact(total)] : null;
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int bytes = (int) (size * ranks);
                MemorySegment send = sendBuf.asSlice(0, bytes);
                MemorySegment recv = recvBuf.asSlice(0, bytes);
                Runnable alltoall;
                MemorySegment data;
                MemorySegment received;
                if (run.arrays()) {
                    data = MemorySegment.ofArray(sendArray);
                    received = MemorySegment.ofArray(recvArray);
                    Buf out = Buf.of(sendArray, 0, (int) size);
                    Buf in = Buf.of(recvArray, 0, (int) size);
                    alltoall = () -> world.alltoall(out, in);
                } else {
                    data = send;
                    received = recv;
                    alltoall = () -> world.alltoall(send, recv, Datatype.CHAR);
                }
                for (int peer = 0; peer < ranks; peer++) {
                    OsuData.fill(data.asSlice(peer * size), size, OsuData.blockSeed(rank, peer, size));
                }
                spoilReceived(received, size, ranks, rank);
                int iterations = o.iterationsFor(size, 1000, 100);
                int warmup = o.warmupFor(size, 100, 10);
                run.prelude(bytes, true, alltoall);
                world.barrier();
                double latency = run.timeCollective(iterations, warmup, alltoall);
                spoilReceived(received, size, ranks, rank);
                alltoall.run();
                long wrong = 0;
                for (int peer = 0; peer < ranks; peer++) {
                    wrong += OsuData.mismatches(received.asSlice(peer * size), size, OsuData.blockSeed(peer, rank, size));
                }
                run.verify(wrong, size);
                run.report().row(size, run.averageAcrossRanks(latency));
                world.barrier();
            }
        }
    }

    /** Spoils every block of {@code received} for what its peer must send to {@code rank}. */
    private static void spoilReceived(MemorySegment received, long size, int ranks, int rank) {
        for (int peer = 0; peer < ranks; peer++) {
            OsuData.spoil(received.asSlice(peer * size), size, OsuData.blockSeed(peer, rank, size));
        }
    }
}
