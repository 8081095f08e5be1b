package org.jmpi.bench.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bench.OsuOptions.BufferKind;
import org.jmpi.dsm.DsmRequest;
import org.jmpi.dsm.Window;

/**
 * ucx-dsm put bandwidth, as OSU's {@code osu_put_bw} with flush: per round rank 0 starts
 * a window ({@code -w}, default 64) of nonblocking puts of {@code size} bytes to
 * consecutive offsets of rank 1's window, flushes to rank 1 and completes the requests;
 * bandwidth in MB/s over the timed rounds. What was put is read back and checked outside
 * the timed loop. C twin: {@code dsm_put_bw.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.PutBandwidth -b segment</pre>
 */
public final class PutBandwidth {
    private PutBandwidth() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions}. */
    public static void main(String[] args) {
        DsmSweeps.sweep(args, "OSU UCX-DSM Put Bandwidth Test", "dsm_put_bw", true, false, PutBandwidth::run);
    }

    /** Rounds of a window of puts of {@code size} from {@code local} or arrays, then a check; the timed seconds. */
    private static double run(DsmBench b, Window win, MemorySegment local, long size, int warmup, int iterations) {
        int window = b.options.window();
        MemorySegment all = local.asSlice(0, size * window);
        DsmData.fill(all, size);
        DsmRequest[] requests = new DsmRequest[window];
        Runnable round;
        if (b.options.buffer() == BufferKind.SEGMENT) {
            MemorySegment[] slices = DsmData.slices(all, size, window);
            round = () -> {
                for (int j = 0; j < window; j++) {
                    requests[j] = win.rput(slices[j], DsmBench.TARGET, j * size);
                }
                win.flush(DsmBench.TARGET);
                DsmData.waitAll(requests);
            };
        } else {
            byte[][] arrays = DsmData.arrays(all, size, window);
            round = () -> {
                for (int j = 0; j < window; j++) {
                    requests[j] = win.rput(arrays[j], DsmBench.TARGET, j * size);
                }
                win.flush(DsmBench.TARGET);
                DsmData.waitAll(requests);
            };
        }
        double seconds = b.time(size, warmup, iterations, window, round);
        DsmData.verifyTarget(b, win, size * window, size, "put bandwidth", size);
        return seconds;
    }
}
