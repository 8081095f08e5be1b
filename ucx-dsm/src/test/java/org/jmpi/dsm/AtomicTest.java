package org.jmpi.dsm;

import org.jmpi.Op;
import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Remote atomics on 32- and 64-bit words, through CPU atomics where mapped and UCP otherwise. */
class AtomicTest {

    @MpiTest
    void fetchAddFromEveryRankSumsExactly() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int n = ctx.size();
            try (Window w = ctx.allocate(64)) {
                ctx.barrier();
                long seen = 0;
                for (int i = 0; i < 1000; i++) {
                    long before = w.longs().fetchAndOp(1, 0, 0, Op.SUM);
                    seen = Math.max(seen, before);
                    w.ints().accumulate(2, n - 1, 8, Op.SUM);
                }
                ctx.barrier();
                if (ctx.rank() == 0) {
                    assertEquals(1000L * n, w.memory().get(java.lang.foreign.ValueLayout.JAVA_LONG, 0));
                }
                assertEquals(1000L * n, w.longs().fetchAndOp(0, 0, 0, Op.NO_OP));
                assertEquals(2000 * n, w.ints().fetchAndOp(0, n - 1, 8, Op.SUM));
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void atomicsOnRegisteredMemoryProgressInTheBackground() {
        DsmContext ctx = TestDsm.context();
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            Window w = ctx.register(arena.allocate(16 + 8L * ctx.rank(), 8));
            for (int i = 0; i < 100; i++) {
                w.longs().fetchAndOp(1, 0, 0, Op.SUM);
            }
            w.put(new long[] {1}, ctx.size() - 1, 8);
            ctx.barrier();
            assertEquals(100L * ctx.size(), w.longs().fetchAndOp(0, 0, 0, Op.NO_OP));
            assertEquals(16 + 8L * (ctx.size() - 1), w.targetSize(ctx.size() - 1));
            ctx.barrier();
            w.close();
        }
    }

    @MpiTest
    void registeredAtomicsCompleteWhileTheOwnerKeepsIssuingOperations() {
        DsmContext ctx = TestDsm.ucpContext();
        int me = ctx.rank();
        int n = ctx.size();
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared();
             Window done = ctx.allocate(8L * n);
             Window w = ctx.register(arena.allocate(16, 8))) {
            ctx.barrier();
            if (me == 0) {
                // Rank 0 stays in operations that need no progress; its progress thread must
                // still serve the peers' emulated atomics on its registered word.
                java.lang.invoke.VarHandle word = java.lang.foreign.ValueLayout.JAVA_LONG.varHandle();
                long finished = 0;
                for (long i = 0; finished < n - 1; i++) {
                    w.longs().put(i, 0, 8);
                    finished = 0;
                    for (int r = 1; r < n; r++) {
                        finished += (long) word.getVolatile(done.memory(), 8L * r);
                    }
                }
                assertEquals(50L * (n - 1), w.longs().fetchAndOp(0, 0, 0, Op.NO_OP));
            } else {
                for (int i = 0; i < 50; i++) {
                    w.longs().fetchAndOp(1, 0, 0, Op.SUM);
                }
                done.longs().put(1, 0, 8L * me);
                done.flush(0);
            }
            ctx.barrier();
        }
    }

    @MpiTest
    void threadsShareAContext() throws Exception {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(8); Window u = TestDsm.ucpContext().allocate(8)) {
            ctx.barrier();
            Thread[] threads = new Thread[3];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        w.longs().fetchAndOp(1, 0, 0, Op.SUM);
                        u.longs().accumulate(1, 0, 0, Op.SUM);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            ctx.barrier();
            TestDsm.ucpContext().barrier();
            assertEquals(600L * ctx.size(), w.longs().fetchAndOp(0, 0, 0, Op.NO_OP));
            assertEquals(600L * ctx.size(), u.longs().fetchAndOp(0, 0, 0, Op.NO_OP));
            ctx.barrier();
        }
    }

    @MpiTest
    void swapCompareAndSwapAndBitwise() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            try (Window w = ctx.allocate(64)) {
                int peer = (me + 1) % n;
                w.longs().put(10, me, 0);
                ctx.barrier();
                assertEquals(10L, w.longs().fetchAndOp(20, peer, 0, Op.REPLACE));
                assertEquals(20L, w.longs().compareAndSwap(30, 20, peer, 0));
                assertEquals(30L, w.longs().compareAndSwap(40, 99, peer, 0));
                ctx.barrier();
                // every rank sets its own bit in rank 0's mask, then clears the bit again with xor
                w.longs().accumulate(1L << me, 0, 16, Op.BOR);
                w.ints().accumulate(1 << me, 0, 24, Op.BOR);
                ctx.barrier();
                long all = (1L << n) - 1;
                assertEquals(all, w.longs().fetchAndOp(0, 0, 16, Op.NO_OP));
                assertEquals((int) all, w.ints().fetchAndOp(0, 0, 24, Op.BOR));
                ctx.barrier();
                w.longs().accumulate(1L << me, 0, 16, Op.BXOR);
                w.ints().fetchAndOp(1 << me, 0, 24, Op.BXOR);
                ctx.barrier();
                assertEquals(0L, w.longs().fetchAndOp(-1L, 0, 16, Op.BAND));
                assertEquals(0, w.ints().fetchAndOp(-1, 0, 24, Op.BAND));
                assertEquals(7, w.ints().fetchAndOp(7, me, 32, Op.REPLACE) + 7);
                assertEquals(7, w.ints().compareAndSwap(8, 7, me, 32));
                assertEquals(8, w.ints().get(me, 32));
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void theViewFixesTheWidthNotTheLiteral() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            try (Window w = ctx.allocate(16)) {
                w.longs().put(0xFFFF_FFFFL, me, 0);
                w.ints().put(-1, me, 8);
                w.ints().put(7, me, 12);
                // the literal 1 is an int, but the 64-bit view adds it to all 64 bits: the carry
                // reaches the high half, where a 32-bit add would have wrapped to 0
                assertEquals(0xFFFF_FFFFL, w.longs().fetchAndOp(1, me, 0, Op.SUM));
                assertEquals(0x1_0000_0000L, w.longs().get(me, 0));
                // the 32-bit view wraps, and leaves the neighbouring int alone
                assertEquals(-1, w.ints().fetchAndOp(1, me, 8, Op.SUM));
                assertEquals(0, w.ints().get(me, 8));
                assertEquals(7, w.ints().get(me, 12));
                w.ints().accumulate(5, me, 12, Op.REPLACE);
                assertEquals(5, w.ints().fetchAndOp(0, me, 12, Op.NO_OP));
                ctx.barrier();
            }
        }
    }
}
