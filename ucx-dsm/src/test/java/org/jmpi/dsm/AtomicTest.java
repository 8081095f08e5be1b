package org.jmpi.dsm;

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
                    long before = w.fetchAdd(0, 0, 1);
                    seen = Math.max(seen, before);
                    w.addInt(n - 1, 8, 2);
                }
                ctx.barrier();
                if (ctx.rank() == 0) {
                    assertEquals(1000L * n, w.local().get(java.lang.foreign.ValueLayout.JAVA_LONG, 0));
                }
                assertEquals(1000L * n, w.atomicGet(0, 0));
                assertEquals(2000 * n, w.fetchAddInt(n - 1, 8, 0));
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
                w.fetchAdd(0, 0, 1);
            }
            w.put(ctx.size() - 1, 8, new long[] {1});
            ctx.barrier();
            assertEquals(100L * ctx.size(), w.atomicGet(0, 0));
            assertEquals(16 + 8L * (ctx.size() - 1), w.size(ctx.size() - 1));
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
                    w.putLong(0, 8, i);
                    finished = 0;
                    for (int r = 1; r < n; r++) {
                        finished += (long) word.getVolatile(done.local(), 8L * r);
                    }
                }
                assertEquals(50L * (n - 1), w.atomicGet(0, 0));
            } else {
                for (int i = 0; i < 50; i++) {
                    w.fetchAdd(0, 0, 1);
                }
                done.putLong(0, 8L * me, 1);
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
                        w.fetchAdd(0, 0, 1);
                        u.add(0, 0, 1);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            ctx.barrier();
            TestDsm.ucpContext().barrier();
            assertEquals(600L * ctx.size(), w.atomicGet(0, 0));
            assertEquals(600L * ctx.size(), u.atomicGet(0, 0));
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
                w.putLong(me, 0, 10);
                ctx.barrier();
                assertEquals(10L, w.swap(peer, 0, 20));
                assertEquals(20L, w.compareAndSwap(peer, 0, 20, 30));
                assertEquals(30L, w.compareAndSwap(peer, 0, 99, 40));
                ctx.barrier();
                // every rank sets its own bit in rank 0's mask, then clears the bit again with xor
                w.or(0, 16, 1L << me);
                w.orInt(0, 24, 1 << me);
                ctx.barrier();
                long all = (1L << n) - 1;
                assertEquals(all, w.atomicGet(0, 16));
                assertEquals((int) all, w.fetchOrInt(0, 24, 0));
                ctx.barrier();
                w.xor(0, 16, 1L << me);
                w.fetchXorInt(0, 24, 1 << me);
                ctx.barrier();
                assertEquals(0L, w.fetchAnd(0, 16, -1L));
                assertEquals(0, w.fetchAndInt(0, 24, -1));
                assertEquals(7, w.swapInt(me, 32, 7) + 7);
                assertEquals(7, w.compareAndSwapInt(me, 32, 7, 8));
                assertEquals(8, w.getInt(me, 32));
                ctx.barrier();
            }
        }
    }
}
