package org.jmpi.bench.mpijava;

import java.lang.foreign.MemorySegment;
import java.nio.FloatBuffer;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuOptions;

/**
 * OSU's {@code osu_allreduce} on the {@code mpi} package (twins: {@code osu_allreduce.c}
 * and jmpi-api's {@code org.jmpi.bench.osu.Allreduce}, whose loop this is):
 * {@code allReduce} with {@code MPI.SUM} of {@code size / 4} {@code MPI.FLOAT}s, from 4
 * bytes up. Each call is timed alone and followed by a barrier; the value is the mean
 * latency averaged over the ranks, in microseconds. 1000 iterations after 100 warm-up up to
 * 8 KiB, 100 after 10 above (OSU's collective defaults). {@code -b direct} (the default):
 * float views of page-aligned direct byte buffers in native order; {@code -b array}: a
 * {@code float[]} pair per size. Two or more ranks.
 */
public final class MpiJavaAllreduce {
    private MpiJavaAllreduce() {
    }

    /**
     * Runs the benchmark; see {@link OsuOptions} for the arguments.
     *
     * @param args the options
     * @throws MPIException if an MPI call fails
     */
    public static void main(String[] args) throws MPIException {
        try (MpiJavaRun run = MpiJavaRun.start(args, 4, 2, Integer.MAX_VALUE, "OSU MPI Allreduce Latency Test",
                "allreduce", "Avg Latency(us)", MpiJavaRun.DIRECT_AND_ARRAY)) {
            OsuOptions o = run.options();
            Intracomm world = run.world();
            int rank = world.getRank();
            int ranks = world.getSize();
            int maxCount = Math.toIntExact(o.maxSize() / 4);
            FloatBuffer sendBuf = run.arrays() ? null : MpiJavaRun.allocate(maxCount * 4).asFloatBuffer();
            FloatBuffer recvBuf = run.arrays() ? null : MpiJavaRun.allocate(maxCount * 4).asFloatBuffer();
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
                    allreduce = MpiJavaRun.unchecked(() -> world.allReduce(s, r, count, MPI.FLOAT, MPI.SUM));
                } else {
                    send = MemorySegment.ofBuffer(sendBuf);
                    recv = MemorySegment.ofBuffer(recvBuf);
                    allreduce = MpiJavaRun.unchecked(() -> world.allReduce(sendBuf, recvBuf, count, MPI.FLOAT, MPI.SUM));
                }
                OsuData.fillFloats(send, count, rank);
                OsuData.spoilFloats(recv, count);
                int iterations = o.iterationsFor(size, 1000, 100);
                int warmup = o.warmupFor(size, 100, 10);
                run.prelude(size, true, allreduce);
                run.barrier();
                double latency = run.timeCollective(iterations, warmup, allreduce);
                OsuData.spoilFloats(recv, count);
                allreduce.run();
                run.verify(OsuData.sumMismatches(recv, count, ranks), size);
                run.report().row(count * 4L, run.averageAcrossRanks(latency));
                run.barrier();
            }
        }
    }
}
