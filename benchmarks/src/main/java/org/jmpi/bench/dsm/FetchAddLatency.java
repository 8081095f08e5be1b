package org.jmpi.bench.dsm;

import org.jmpi.Op;

/**
 * ucx-dsm fetch-and-add latency, as OSU's {@code osu_fop_latency}: rank 0 atomically adds
 * 1 to a 64-bit word of rank 1's window and waits for the previous value, again and again;
 * the latency is the time per round trip (one row, size 8). Every returned value and the
 * final count are checked. C twin: {@code dsm_fadd_latency.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.FetchAddLatency</pre>
 */
public final class FetchAddLatency {
    private FetchAddLatency() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions} ({@code -b segment} only). */
    public static void main(String[] args) {
        DsmSweeps.atomicLatency(args, "OSU UCX-DSM Fetch-and-Add Latency Test", "dsm_fadd_lat", "fetch-add latency",
                (win, n) -> win.longs().fetchAndOp(1, DsmBench.TARGET, 0, Op.SUM));
    }
}
