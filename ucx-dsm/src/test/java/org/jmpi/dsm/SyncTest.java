package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Barrier visibility, the distributed lock, put-with-signal and waiting on local words. */
class SyncTest {

    @MpiTest
    void lockGivesMutualExclusion() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            try (DsmLock lock = ctx.createLock(); Window w = ctx.allocate(8)) {
                for (int i = 0; i < 50; i++) {
                    try (DsmLock.Held held = lock.acquire()) {
                        long v = w.longs().get(0, 0);
                        Thread.yield();
                        w.longs().put(v + 1, 0, 0);
                        w.flush(0);
                    }
                }
                ctx.barrier();
                assertEquals(50L * ctx.size(), w.longs().get(0, 0));
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void tryAcquireWhenFree() {
        DsmContext ctx = TestDsm.context();
        try (DsmLock lock = ctx.createLock()) {
            if (ctx.rank() == 0) {
                DsmLock.Held held = lock.tryAcquire();
                assertNotNull(held);
                held.close();
                held.close();
            }
            ctx.barrier();
            try (DsmLock.Held held = lock.acquire()) {
                assertNotNull(held);
            }
            ctx.barrier();
        }
    }

    @MpiTest
    void putWithSignalDeliversDataFirst() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            int right = (me + 1) % n;
            int left = (me + n - 1) % n;
            int words = 512;
            try (Window w = ctx.allocate(8 + 8L * words); Arena arena = Arena.ofConfined()) {
                ctx.barrier();
                for (int round = 1; round <= 3; round++) {
                    MemorySegment src = arena.allocate(JAVA_LONG, words);
                    for (int i = 0; i < words; i++) {
                        src.setAtIndex(JAVA_LONG, i, round * 1_000_000L + me * 1000L + i);
                    }
                    w.putWithSignal(src, right, 8, 0, round, SignalOp.SET);
                    w.waitUntil(0, Cmp.GE, round, Duration.ofSeconds(30));
                    for (int i = 0; i < words; i++) {
                        assertEquals(round * 1_000_000L + left * 1000L + i, w.memory().getAtIndex(JAVA_LONG, 1 + i));
                    }
                    ctx.barrier();
                }
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void signalAddCountsEveryRank() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(64)) {
            ctx.barrier();
            w.putWithSignal(MemorySegment.ofArray(new long[] {ctx.rank() + 1L}), 0, 8 + 8L * ctx.rank(), 0, 1,
                    SignalOp.ADD);
            if (ctx.rank() == 0) {
                assertEquals(ctx.size(), w.waitUntil(0, Cmp.EQ, ctx.size(), Duration.ofSeconds(30)));
                for (int r = 0; r < ctx.size(); r++) {
                    assertEquals(r + 1L, w.memory().getAtIndex(JAVA_LONG, 1 + r));
                }
                assertTrue(w.test(0, Cmp.EQ, ctx.size()));
                assertFalse(w.test(0, Cmp.LT, 0));
            }
            ctx.barrier();
        }
    }

    @MpiTest
    void waitUntilTimesOut() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(16)) {
            assertThrows(DsmTimeoutException.class, () -> w.waitUntil(8, Cmp.NE, 0, Duration.ofMillis(50)));
            assertThrows(IllegalArgumentException.class, () -> w.waitUntil(4, Cmp.EQ, 0, Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> w.waitUntil(0, Cmp.EQ, 0, Duration.ofSeconds(-1)));
            assertThrows(NullPointerException.class, () -> w.waitUntil(0, null, 0, Duration.ZERO));
            ctx.barrier();
        }
    }

    @MpiTest
    void barrierMakesPutsVisible() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int n = ctx.size();
            try (Window w = ctx.allocate(8L * n)) {
                for (int r = 0; r < n; r++) {
                    w.longs().put(ctx.rank() * 10L + r, r, 8L * ctx.rank());
                }
                ctx.barrier();
                for (int r = 0; r < n; r++) {
                    assertEquals(r * 10L + ctx.rank(), w.memory().getAtIndex(JAVA_LONG, r));
                }
                ctx.barrier();
            }
        }
    }
}
