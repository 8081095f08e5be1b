package org.jmpi.bench.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bench.OsuOptions.BufferKind;
import org.jmpi.dsm.Window;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * ucx-dsm put latency, as OSU's {@code osu_put_latency} with flush: rank 0 puts
 * {@code size} bytes at offset 0 of rank 1's window and flushes to rank 1, again and
 * again; the latency is the time per put + flush. The last put's data is read back and
 * checked outside the timed loop. C twin: {@code dsm_put_latency.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.PutLatency -b segment</pre>
 */
public final class PutLatency {
    private PutLatency() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions}. */
    public static void main(String[] args) {
        DsmSweeps.sweep(args, "OSU UCX-DSM Put Latency Test", "dsm_put_lat", false, false, PutLatency::run);
    }

    /** Puts pattern {@code size} from {@code local} or an array, then checks the target; the timed seconds. */
    private static double run(DsmBench b, Window win, MemorySegment local, long size, int warmup, int iterations) {
        MemorySegment src = local.asSlice(0, size);
        DsmData.fill(src, size);
        Runnable put;
        if (b.options.buffer() == BufferKind.SEGMENT) {
            put = () -> {
                win.put(src, DsmBench.TARGET, 0);
                win.flush(DsmBench.TARGET);
            };
        } else {
            byte[] array = src.toArray(JAVA_BYTE);
            put = () -> {
                win.put(array, DsmBench.TARGET, 0);
                win.flush(DsmBench.TARGET);
            };
        }
        double seconds = b.time(size, warmup, iterations, 1, put);
        DsmData.verifyTarget(b, win, size, size, "put latency", size);
        return seconds;
    }
}
