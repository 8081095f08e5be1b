package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.Op;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contexts and windows close exactly once, in any order, and refuse use afterwards. */
class LifecycleTest {

    @MpiTest
    void contextFacts() {
        try (DsmContext ctx = DsmContext.create(TestDsm.world())) {
            assertEquals(TestDsm.world().rank(), ctx.rank());
            assertEquals(TestDsm.world().size(), ctx.size());
            assertTrue(ctx.multiThreaded(), "UCX granted UCS_THREAD_MODE_MULTI");
            ctx.barrier();
        }
    }

    @MpiTest
    void windowsClosedAfterTheirContext() {
        DsmContext ctx = DsmContext.create(TestDsm.world());
        Window a = ctx.allocate(64);
        Window b = ctx.allocate(64);
        MemorySegment view = a.memory();
        MemorySegment peer = a.direct((ctx.rank() + 1) % ctx.size()).orElse(view);
        ctx.barrier();
        ctx.close();
        ctx.close();
        assertTrue(a.isClosed() && b.isClosed());
        assertThrows(IllegalStateException.class, () -> a.longs().put(1, 0, 0));
        assertThrows(IllegalStateException.class, () -> a.longs().fetchAndOp(1, 0, 0, Op.SUM));
        assertThrows(IllegalStateException.class, () -> b.get(new long[1], 0, 0));
        assertThrows(IllegalStateException.class, a::memory);
        assertThrows(IllegalStateException.class, () -> view.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, () -> peer.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, ctx::flush);
        assertThrows(IllegalStateException.class, () -> ctx.allocate(8));
        a.close();
        b.close();
        a.close();
    }

    @MpiTest
    void windowsClosedBeforeAndInterleaved() {
        DsmContext ctx = DsmContext.create(TestDsm.world());
        try (Arena arena = Arena.ofConfined()) {
            Window a = ctx.allocate(64);
            Window b = ctx.register(arena.allocate(16 + 8L * ctx.rank(), 8));
            Window c = ctx.allocate(8);
            assertEquals(16 + 8L * (ctx.size() - 1), b.targetSize(ctx.size() - 1));
            b.longs().put(5, (ctx.rank() + 1) % ctx.size(), 8);
            ctx.barrier();
            assertEquals(5L, b.memory().get(JAVA_LONG, 8));
            ctx.barrier();
            b.close();
            assertThrows(IllegalStateException.class, () -> b.longs().put(1, 0, 0));
            a.longs().put(1, 0, 0);
            ctx.barrier();
            a.close();
            ctx.close();
            c.close();
            b.close();
            assertThrows(IllegalStateException.class, () -> c.longs().get(0, 0));
        }
    }

    @MpiTest
    void pendingRequestsSurviveClose() {
        DsmContext ctx = DsmContext.create(TestDsm.world(), false);
        Window w = ctx.allocate(1024);
        DsmRequest r = w.rput(new long[128], (ctx.rank() + 1) % ctx.size(), 0);
        ctx.barrier();
        ctx.close();
        try {
            r.waitFor();
        } catch (UcxException e) {
            // a request cancelled by close may report it
        }
        assertTrue(r.isDone());
        w.close();
    }

    /**
     * Puts and gets on mapped memory take no lock: a window closed while another thread
     * copies into it or out of it stops that thread with an IllegalStateException (the
     * mapping's arena is closed before it is unmapped), never a crash. The thread targets
     * this rank, whose part is always mapped, so no peer's close is involved.
     */
    @MpiTest
    void copiesRacingWithCloseEndInAnException() throws Exception {
        DsmContext ctx = DsmContext.create(TestDsm.world());
        int me = ctx.rank();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment src = arena.allocate(4096, 8);
            MemorySegment dst = arena.allocate(4096, 8);
            src.fill((byte) 7);
            for (int round = 0; round < 20; round++) {
                Window w = ctx.allocate(4096);
                AtomicLong copies = new AtomicLong();
                AtomicReference<Throwable> ended = new AtomicReference<>();
                Thread copier = Thread.ofPlatform().start(() -> {
                    try {
                        while (true) {
                            w.put(src, me, 0);
                            w.get(dst, me, 0);
                            copies.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        ended.set(t);
                    }
                });
                while (copies.get() < 100 && copier.isAlive()) {
                    Thread.onSpinWait();
                }
                w.close();
                copier.join(10_000);
                assertFalse(copier.isAlive(), "the copying thread ended");
                assertTrue(ended.get() instanceof IllegalStateException, () -> "ended by " + ended.get());
                assertTrue(copies.get() >= 100, "copies before the close: " + copies.get());
            }
            assertEquals((byte) 7, dst.get(JAVA_BYTE, 4095));
        }
        ctx.barrier();
        ctx.close();
    }
}
