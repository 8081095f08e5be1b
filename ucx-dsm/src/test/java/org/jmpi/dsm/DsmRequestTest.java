package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape {@link DsmRequest} shares with {@link org.jmpi.Request}: futures completed by
 * the progress thread (or {@link DsmContext#progress()}) whose dependents run elsewhere,
 * {@code test}, and {@code close} in try-with-resources completing the transfer.
 */
class DsmRequestTest {
    private static final int BYTES = 1 << 20;

    /** Fills this rank's part with a pattern of the rank, then barriers. */
    private static void pattern(DsmContext ctx, Window w) {
        w.memory().fill((byte) (ctx.rank() + 1));
        ctx.barrier();
    }

    @MpiTest
    void futuresCompleteWithoutWaitingAndRunDependentsOffTheProgressThread() throws Exception {
        DsmContext ctx = TestDsm.ucpContext();
        int peer = (ctx.rank() + 1) % ctx.size();
        try (Window w = ctx.allocate(BYTES); Arena arena = Arena.ofConfined()) {
            pattern(ctx, w);
            MemorySegment dst = arena.allocate(BYTES);
            DsmRequest r = w.rget(dst, peer, 0);
            CompletableFuture<Void> f = r.future();
            if (r != ctx.completedRequest()) {
                assertSame(f, r.future(), "the same future every time");
            }
            AtomicReference<String> ranOn = new AtomicReference<>();
            f.thenRun(() -> ranOn.set(Thread.currentThread().getName())).get(30, TimeUnit.SECONDS);
            assertTrue(r.isDone() && r.test());
            assertFalse(ranOn.get().startsWith("jmpi-dsm-progress"), "dependent ran on " + ranOn.get());
            assertEquals((byte) (peer + 1), dst.get(JAVA_BYTE, BYTES - 1));
            r.close();
            r.close();
            ctx.barrier();
        }
    }

    @MpiTest
    void withoutAProgressThreadProgressCompletesTheFutures() throws Exception {
        System.setProperty(DsmContext.PROGRESS_PROPERTY, "false");
        DsmContext ctx;
        try {
            ctx = DsmContext.create(TestDsm.world(), false);
        } finally {
            System.clearProperty(DsmContext.PROGRESS_PROPERTY);
        }
        int peer = (ctx.rank() + 1) % ctx.size();
        try (ctx; Window w = ctx.allocate(BYTES)) {
            pattern(ctx, w);
            byte[] dst = new byte[BYTES];
            CompletableFuture<Void> f = w.rget(dst, peer, 0).future();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!f.isDone() && System.nanoTime() < deadline) {
                ctx.progress();
            }
            f.get(1, TimeUnit.SECONDS);
            assertEquals((byte) (peer + 1), dst[BYTES - 1]);
            ctx.barrier();
        }
    }

    @MpiTest
    void closingCompletesTheTransfer() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int peer = (ctx.rank() + 1) % ctx.size();
            try (Window w = ctx.allocate(BYTES)) {
                pattern(ctx, w);
                long[] dst = new long[BYTES / 8];
                long word = 0x0101010101010101L * (peer + 1);
                try (DsmRequest r = w.rget(dst, peer, 0)) {
                    if (r.isDone()) {
                        assertEquals(word, dst[0], "a get that is done has its data");
                    }
                }
                assertEquals(word, dst[0]);
                assertEquals(word, dst[dst.length - 1]);
                int[] src = new int[] {ctx.rank(), 42};
                try (DsmRequest r = w.rput(src, peer, 8)) {
                    while (!r.test()) {
                        Thread.onSpinWait();
                    }
                }
                ctx.barrier();
                int[] back = new int[2];
                w.get(back, ctx.rank(), 8);
                assertArrayEquals(new int[] {(ctx.rank() + ctx.size() - 1) % ctx.size(), 42}, back);
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void transfersToMappedPartsShareOneCompletedRequest() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(64)) {
            DsmRequest a = w.rput(new long[] {1}, ctx.rank(), 0);
            DsmRequest b = w.rget(new long[1], ctx.rank(), 8);
            assertSame(a, b);
            assertTrue(a.isDone() && a.test() && a.future().isDone());
            a.waitFor();
            a.close();
            ctx.barrier();
        }
    }
}
