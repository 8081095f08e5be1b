package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.Op;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct load/store views of peers (same node, UCX-allocated memory) against the UCP path. */
class DirectTest {

    @MpiTest
    void allocatedWindowsAreMappedOnOneNode() {
        DsmContext ctx = TestDsm.context();
        String tls = System.getenv().getOrDefault("UCX_TLS", "all");
        if (!(tls.contains("all") || tls.contains("sm") || tls.contains("posix") || tls.contains("sysv"))) {
            // Without a shared-memory transport (the TCP-only test hosts of
            // native-scripts/test-hosts) only this rank's own window is mapped.
            try (Window w = ctx.allocate(64)) {
                for (int r = 0; r < ctx.size(); r++) {
                    assertEquals(r == ctx.rank(), w.isDirect(r), "rank " + r + " mapped over UCX_TLS=" + tls);
                }
                assertEquals(ctx.size() == 1, w.directAtomics());
            }
            return;
        }
        try (Window w = ctx.allocate(64)) {
            for (int r = 0; r < ctx.size(); r++) {
                assertTrue(w.isDirect(r), "rank " + r + " mapped");
                assertEquals(64, w.direct(r).orElseThrow().byteSize());
            }
            assertTrue(w.directAtomics());
            w.direct((ctx.rank() + 1) % ctx.size()).orElseThrow().set(JAVA_LONG, 8, ctx.rank() + 1L);
            ctx.barrier();
            int left = (ctx.rank() + ctx.size() - 1) % ctx.size();
            assertEquals(left + 1L, w.memory().get(JAVA_LONG, 8));
            ctx.barrier();
        }
        try (Window w = TestDsm.ucpContext().allocate(64)) {
            assertFalse(w.isDirect(ctx.rank()));
            assertFalse(w.directAtomics());
            assertTrue(w.direct(0).isEmpty());
        }
    }

    @MpiTest
    void directAndUcpGiveTheSameResults() {
        long[] direct = run(TestDsm.context());
        long[] ucp = run(TestDsm.ucpContext());
        assertArrayEquals(ucp, direct);
    }

    /** A fixed mix of puts, gets and atomics; returns what rank 0's part ends up holding. */
    private static long[] run(DsmContext ctx) {
        int n = ctx.size();
        int me = ctx.rank();
        try (Window w = ctx.allocate(8L * (n + 4))) {
            ctx.barrier();
            w.put(MemorySegment.ofArray(new long[] {me * 3L + 1}), (me + 1) % n, 8L * 4 + 8L * me);
            for (int i = 0; i < 100; i++) {
                w.longs().fetchAndOp(me + 1, 0, 0, Op.SUM);
            }
            w.longs().accumulate(1L << me, 0, 8, Op.BOR);
            w.longs().compareAndSwap(42, 0, 0, 16);
            w.ints().accumulate(1, 0, 24, Op.SUM);
            ctx.barrier();
            long[] out = new long[n + 4];
            w.get(out, 0, 0);
            long[] mine = new long[n];
            w.get(mine, me, 32);
            assertEquals((me + n - 1) % n * 3L + 1, mine[(me + n - 1) % n]);
            ctx.barrier();
            return out;
        }
    }
}
