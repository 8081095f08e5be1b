package org.jmpi.bench.osu;

import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Op;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;
import org.jmpi.bench.OsuRun;

/**
 * OSU's {@code osu_allreduce} on jmpi (C twin: {@code osu_allreduce.c}): {@code MPI_SUM}
 * of {@code size / 4} floats, from 4 bytes up. Each call is timed alone and followed by a
 * barrier; the value is the mean latency averaged over the ranks, in microseconds. 1000
 * iterations after 100 warm-up up to 8 KiB, 100 after 10 above (OSU's collective
 * defaults). {@code -b segment}: page-aligned native segments; {@code -b array}: a
 * {@code float[]} pair per size through jmpi's array overload (staged in native memory).
 * Two or more ranks.
 */
public final class Allreduce {
    private Allreduce() {
    }

    /** Runs the benchmark; see {@link OsuOptions} for the arguments. */
    public static void main(String[] args) {
        try (OsuRun run = OsuRun.start(args, 4, 2, Integer.MAX_VALUE, "OSU MPI Allreduce Latency Test", "allreduce",
                "Avg Latency(us)")) {
            OsuOptions o = run.options();
            Comm world = run.world();
            int rank = world.rank();
            int ranks = world.size();
            MemorySegment sendBuf = run.allocate(o.maxSize() / 4 * 4);
            MemorySegment recvBuf = run.allocate(o.maxSize() / 4 * 4);
            for (long size = o.minSize(); size <= o.maxSize(); size *= 2) {
                int count = (int) (size / 4);
                MemorySegment send;
                MemorySegment recv;
                Runnable allreduce;
                if (run.arrays()) {
                    float[] s = new float[count];
                    float[] r = new float[count];
                    send = MemorySegment.ofArray(s);
                    recv = MemorySegment.ofArray(r);
                    allreduce = () -> world.allreduce(s, r, Op.SUM);
                } else {
                    send = sendBuf.asSlice(0, count * 4L);
                    recv = recvBuf.asSlice(0, count * 4L);
                    MemorySegment s = send;
                    MemorySegment r = recv;
                    allreduce = () -> world.allreduce(s, r, Datatype.FLOAT, Op.SUM);
                }
                OsuData.fillFloats(send, count, rank);
                OsuData.spoilFloats(recv, count);
                int iterations = o.iterationsFor(size, 1000, 100);
                int warmup = o.warmupFor(size, 100, 10);
                run.prelude(size, true, allreduce);
                world.barrier();
                double latency = run.timeCollective(iterations, warmup, allreduce);
                OsuData.spoilFloats(recv, count);
                allreduce.run();
                run.verify(OsuData.sumMismatches(recv, count, ranks), size);
                run.report().row(count * 4L, run.averageAcrossRanks(latency));
                world.barrier();
            }
        }
    }
}
