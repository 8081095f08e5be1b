package org.jmpi.bench.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bench.OsuOptions.BufferKind;
import org.jmpi.dsm.DsmRequest;
import org.jmpi.dsm.Window;

/**
 * ucx-dsm get bandwidth, as OSU's {@code osu_get_bw}: per round rank 0 starts a window
 * ({@code -w}, default 64) of nonblocking gets of {@code size} bytes from consecutive
 * offsets of rank 1's window into consecutive local buffers, then waits for all of them;
 * bandwidth in MB/s over the timed rounds. Rank 1 fills its window with a pattern first;
 * the data is checked outside the timed loop. C twin: {@code dsm_get_bw.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.GetBandwidth -b segment</pre>
 */
public final class GetBandwidth {
    private GetBandwidth() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions}. */
    public static void main(String[] args) {
        DsmSweeps.sweep(args, "OSU UCX-DSM Get Bandwidth Test", "dsm_get_bw", true, true, GetBandwidth::run);
    }

    /** Rounds of a window of gets of {@code size} into {@code local} or arrays, then a check; the timed seconds. */
    private static double run(DsmBench b, Window win, MemorySegment local, long size, int warmup, int iterations) {
        int window = b.options.window();
        MemorySegment all = local.asSlice(0, size * window).fill((byte) 0);
        DsmRequest[] requests = new DsmRequest[window];
        if (b.options.buffer() == BufferKind.SEGMENT) {
            MemorySegment[] slices = DsmData.slices(all, size, window);
            double seconds = b.time(size, warmup, iterations, window, () -> {
                for (int j = 0; j < window; j++) {
                    requests[j] = win.rget(slices[j], DsmBench.TARGET, j * size);
                }
                DsmData.waitAll(requests);
            });
            DsmData.verify(b, all, 0, "get bandwidth", size);
            return seconds;
        }
        byte[][] arrays = DsmData.arrays(all, size, window);
        double seconds = b.time(size, warmup, iterations, window, () -> {
            for (int j = 0; j < window; j++) {
                requests[j] = win.rget(arrays[j], DsmBench.TARGET, j * size);
            }
            DsmData.waitAll(requests);
        });
        for (int j = 0; j < window; j++) {
            DsmData.verify(b, arrays[j], j * size, 0, "get bandwidth", size);
        }
        return seconds;
    }
}
