package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        MemorySegment view = a.local();
        MemorySegment peer = a.direct((ctx.rank() + 1) % ctx.size()).orElse(view);
        ctx.barrier();
        ctx.close();
        ctx.close();
        assertTrue(a.isClosed() && b.isClosed());
        assertThrows(IllegalStateException.class, () -> a.putLong(0, 0, 1));
        assertThrows(IllegalStateException.class, () -> a.fetchAdd(0, 0, 1));
        assertThrows(IllegalStateException.class, () -> b.get(0, 0, new long[1]));
        assertThrows(IllegalStateException.class, a::local);
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
            assertEquals(16 + 8L * (ctx.size() - 1), b.size(ctx.size() - 1));
            b.putLong((ctx.rank() + 1) % ctx.size(), 8, 5);
            ctx.barrier();
            assertEquals(5L, b.local().get(JAVA_LONG, 8));
            ctx.barrier();
            b.close();
            assertThrows(IllegalStateException.class, () -> b.putLong(0, 0, 1));
            a.putLong(0, 0, 1);
            ctx.barrier();
            a.close();
            ctx.close();
            c.close();
            b.close();
            assertThrows(IllegalStateException.class, () -> c.getLong(0, 0));
        }
    }

    @MpiTest
    void pendingRequestsSurviveClose() {
        DsmContext ctx = DsmContext.create(TestDsm.world(), false);
        Window w = ctx.allocate(1024);
        RmaRequest r = w.putAsync((ctx.rank() + 1) % ctx.size(), 0, new long[128]);
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
}
