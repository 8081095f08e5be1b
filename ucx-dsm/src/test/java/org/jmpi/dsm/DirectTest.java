package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;

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
            assertEquals(left + 1L, w.local().get(JAVA_LONG, 8));
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
            w.put((me + 1) % n, 8L * 4 + 8L * me, MemorySegment.ofArray(new long[] {me * 3L + 1}));
            for (int i = 0; i < 100; i++) {
                w.fetchAdd(0, 0, me + 1);
            }
            w.or(0, 8, 1L << me);
            w.compareAndSwap(0, 16, 0, 42);
            w.addInt(0, 24, 1);
            ctx.barrier();
            long[] out = new long[n + 4];
            w.get(0, 0, out);
            long[] mine = new long[n];
            w.get(me, 32, mine);
            assertEquals((me + n - 1) % n * 3L + 1, mine[(me + n - 1) % n]);
            ctx.barrier();
            return out;
        }
    }
}
