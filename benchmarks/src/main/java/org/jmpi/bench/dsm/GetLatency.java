package org.jmpi.bench.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bench.OsuOptions.BufferKind;
import org.jmpi.dsm.Window;

/**
 * ucx-dsm get latency, as OSU's {@code osu_get_latency}: rank 0 gets {@code size} bytes
 * from offset 0 of rank 1's window (a blocking get: get + wait), again and again; the
 * latency is the time per get. Rank 1 fills its window with a pattern first; the last
 * get's data is checked outside the timed loop. C twin: {@code dsm_get_latency.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.GetLatency -b segment</pre>
 */
public final class GetLatency {
    private GetLatency() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions}. */
    public static void main(String[] args) {
        DsmSweeps.sweep(args, "OSU UCX-DSM Get Latency Test", "dsm_get_lat", false, true, GetLatency::run);
    }

    /** Gets {@code size} bytes into {@code local} or an array, then checks them; the timed seconds. */
    private static double run(DsmBench b, Window win, MemorySegment local, long size, int warmup, int iterations) {
        MemorySegment dst = local.asSlice(0, size).fill((byte) 0);
        if (b.options.buffer() == BufferKind.SEGMENT) {
            double seconds = b.time(size, warmup, iterations, 1, () -> win.get(dst, DsmBench.TARGET, 0));
            DsmData.verify(b, dst, 0, "get latency", size);
            return seconds;
        }
        byte[] array = new byte[(int) size];
        double seconds = b.time(size, warmup, iterations, 1, () -> win.get(array, DsmBench.TARGET, 0));
        DsmData.verify(b, array, 0, 0, "get latency", size);
        return seconds;
    }
}
