package org.jmpi.bench.dsm;

/**
 * ucx-dsm compare-and-swap latency, as OSU's {@code osu_cas_latency}: each round rank 0
 * swaps a 64-bit word of rank 1's window from its current count {@code n} to {@code n + 1}
 * and waits for the previous value; the latency is the time per round trip (one row,
 * size 8). Every swap must succeed and the final value must be the number of rounds. C
 * twin: {@code dsm_cas_latency.c}.
 * <pre>native-scripts/jmpirun --bind-to core -np 2 org.jmpi.bench.dsm.CompareSwapLatency</pre>
 */
public final class CompareSwapLatency {
    private CompareSwapLatency() {
    }

    /** Entry point of both ranks; options as {@link org.jmpi.bench.OsuOptions} ({@code -b segment} only). */
    public static void main(String[] args) {
        DsmSweeps.atomicLatency(args, "OSU UCX-DSM Compare-and-Swap Latency Test", "dsm_cas_lat",
                "compare-and-swap latency", (win, n) -> win.longs().compareAndSwap(n + 1, n, DsmBench.TARGET, 0));
    }
}
