package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.Comm;
import org.jmpi.Op;
import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.function.Executable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DSM part of the misuse catalogue (docs/bad-input.md): every case is a specific Java
 * exception whose message names the argument or the problem, thrown before anything is
 * sent; collective misuse fails on every rank instead of hanging; the rank goes on to the
 * next case.
 */
class DsmMisuseTest {

    /** Asserts that {@code call} throws {@code type} with {@code mention} in its message. */
    static <T extends Throwable> T fails(Class<T> type, String mention, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
        return e;
    }

    @MpiTest
    void accessOutsideTheWindowOrTheRanks() {
        DsmContext ctx = TestDsm.context();
        int n = ctx.size();
        try (Window w = ctx.allocate(32)) {
            fails(IndexOutOfBoundsException.class, "rank 0: offset -8, length 8 outside its window of 32 bytes",
                    () -> w.get(new long[1], 0, -8));
            fails(IndexOutOfBoundsException.class, "rank " + (n - 1) + ": offset 40, length 8",
                    () -> w.longs().fetchAndOp(1, n - 1, 40, Op.SUM));
            fails(IndexOutOfBoundsException.class, "offset 32, length 4", () -> w.ints().compareAndSwap(1, 0, 0, 32));
            fails(IndexOutOfBoundsException.class, "rank " + n + " out of range [0, " + n + ")",
                    () -> w.longs().put(1, n, 0));
            fails(IndexOutOfBoundsException.class, "rank -1 out of range", () -> w.rget(new byte[1], -1, 0));
            fails(IndexOutOfBoundsException.class, "rank " + n + " out of range", () -> w.flush(n));
            fails(IndexOutOfBoundsException.class, "rank " + (n + 3) + " out of range", () -> w.direct(n + 3));
            fails(IndexOutOfBoundsException.class, "rank -2 out of range", () -> ctx.flush(-2));
            ctx.barrier();
        }
    }

    @MpiTest
    void misalignedWordsAndSignals() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(32)) {
            fails(IllegalArgumentException.class, "offset: 4 at rank 0 is not aligned to 8 bytes",
                    () -> w.longs().fetchAndOp(1, 0, 4, Op.SUM));
            fails(IllegalArgumentException.class, "offset: 2 at rank 0 is not aligned to 4 bytes",
                    () -> w.ints().accumulate(1, 0, 2, Op.SUM));
            fails(IllegalArgumentException.class, "offset: 12 at rank 0 is not aligned to 8 bytes",
                    () -> w.longs().get(0, 12));
            fails(IllegalArgumentException.class, "offset: 20 at rank 0 is not aligned to 8 bytes",
                    () -> w.putWithSignal(MemorySegment.ofArray(new byte[1]), 0, 0, 20, 1, SignalOp.ADD));
            fails(IllegalArgumentException.class, "offset: 1 at rank " + ctx.rank() + " is not aligned to 8 bytes",
                    () -> w.waitUntil(1, Cmp.EQ, 0, Duration.ZERO));
            ctx.barrier();
        }
    }

    @MpiTest
    void buffersAndOpsUcxCannotTake() {
        DsmContext ctx = TestDsm.context();
        int me = ctx.rank();
        try (Window w = ctx.allocate(64)) {
            fails(IllegalArgumentException.class, "src: a java.lang.String is neither a MemorySegment nor an array",
                    () -> w.put("text", me, 0));
            fails(IllegalArgumentException.class, "dst: a boolean[] is neither", () -> w.get(new boolean[1], me, 0));
            fails(IndexOutOfBoundsException.class, "src: elements [2, 2 + 3) outside [0, 4)",
                    () -> w.put(new long[4], 2, 3, me, 0));
            fails(IndexOutOfBoundsException.class, "dst: elements [-1, -1 + 1) outside [0, 4)",
                    () -> w.rget(new int[4], -1, 1, me, 0));
            fails(IllegalArgumentException.class, "op: MPI_MAX is not a UCX atomic",
                    () -> w.longs().fetchAndOp(1, me, 0, Op.MAX));
            fails(IllegalArgumentException.class, "op: MPI_NO_OP only reads, so it needs fetchAndOp",
                    () -> w.ints().accumulate(1, me, 0, Op.NO_OP));
            fails(NullPointerException.class, "op", () -> w.longs().accumulate(1, me, 0, null));
            assertEquals(0, w.longs().get(me, 0));
            ctx.barrier();
        }
    }

    @MpiTest
    void unusableBuffers() throws Exception {
        DsmContext ctx = TestDsm.context();
        int me = ctx.rank();
        try (Window w = ctx.allocate(64)) {
            MemorySegment closed;
            try (Arena arena = Arena.ofConfined()) {
                closed = arena.allocate(16, 8);
            }
            fails(IllegalStateException.class, "src: the segment's arena has been closed", () -> w.put(closed, me, 0));
            fails(IllegalStateException.class, "dst: the segment's arena has been closed",
                    () -> w.rget(closed, me, 0));
            fails(NullPointerException.class, "src", () -> w.rput((MemorySegment) null, me, 0));
            fails(NullPointerException.class, "dst", () -> w.get((long[]) null, me, 0));
            fails(IllegalArgumentException.class, "dst: segment is read-only",
                    () -> w.get(MemorySegment.ofArray(new long[2]).asReadOnly(), me, 0));
            try (Arena mine = Arena.ofConfined()) {
                MemorySegment confined = mine.allocate(16, 8);
                AtomicReference<Throwable> seen = new AtomicReference<>();
                Thread.ofPlatform().start(() -> {
                    try {
                        w.get(confined, me, 0);
                    } catch (Throwable t) {
                        seen.set(t);
                    }
                }).join();
                assertTrue(seen.get() instanceof WrongThreadException, String.valueOf(seen.get()));
                assertTrue(seen.get().getMessage().contains("dst: the segment belongs to a confined arena of another"),
                        seen.get().getMessage());
            }
            ctx.barrier();
        }
    }

    @MpiTest
    void collectiveMisuseFailsOnEveryRank() {
        DsmContext ctx = TestDsm.context();
        int n = ctx.size();
        fails(IllegalArgumentException.class, "bytes: every rank must allocate the same positive size",
                () -> ctx.allocate(-16));
        if (n > 1) {
            fails(IllegalArgumentException.class, "ranks asked for [64, 72",
                    () -> ctx.allocate(64 + 8L * ctx.rank()));
        }
        MemorySegment closed;
        try (Arena arena = Arena.ofConfined()) {
            closed = arena.allocate(64, 8);
        }
        fails(IllegalArgumentException.class, "segment: rank 0 passed a null, heap, read-only, empty or closed segment",
                () -> ctx.register(ctx.rank() == 0 ? closed : Arena.ofAuto().allocate(64, 8)));
        fails(IllegalArgumentException.class, "segment: rank " + (n - 1) + " passed",
                () -> ctx.register(ctx.rank() == n - 1 ? MemorySegment.ofArray(new long[8]) : Arena.ofAuto().allocate(8, 8)));
        fails(IllegalArgumentException.class, "length: negative -3",
                () -> GlobalLongArray.create(ctx, -3, Distribution.BLOCK));
        try (Window w = ctx.allocate(8)) {
            assertEquals(8, w.targetSize(n - 1));
        }
    }

    @MpiTest
    void contextsAndWindowsAfterClose() {
        fails(NullPointerException.class, "comm", () -> DsmContext.create(null));
        Comm dup = TestDsm.world().dup();
        dup.close();
        fails(IllegalStateException.class, "has been freed", () -> DsmContext.create(dup));

        DsmContext ctx = DsmContext.create(TestDsm.world(), false);
        Window open = ctx.allocate(16);
        Window shut = ctx.allocate(16);
        GlobalLongArray array = GlobalLongArray.create(ctx, 4L * ctx.size(), Distribution.CYCLIC);
        fails(IndexOutOfBoundsException.class, "index " + 4L * ctx.size() + " out of range",
                () -> array.get(4L * ctx.size()));
        ctx.barrier();
        shut.close();
        fails(IllegalStateException.class, "window is closed", () -> shut.longs().put(1, 0, 0));
        fails(IllegalStateException.class, "window is closed", shut::memory);
        ctx.close();
        fails(IllegalStateException.class, "DSM context is closed", () -> ctx.allocate(8));
        fails(IllegalStateException.class, "DSM context is closed", ctx::createLock);
        fails(IllegalStateException.class, "DSM context is closed", ctx::barrier);
        fails(IllegalStateException.class, "closed", () -> open.longs().fetchAndOp(1, 0, 0, Op.SUM));
        fails(IllegalStateException.class, "closed", () -> array.set(0, 1));
        open.close();
        array.close();
    }

    @MpiTest
    void lockMisuse() {
        DsmContext ctx = TestDsm.context();
        DsmLock lock = ctx.createLock();
        try (DsmLock.Held held = lock.acquire()) {
            fails(IllegalStateException.class, "holds it already; DsmLock is not reentrant", lock::acquire);
            fails(IllegalStateException.class, "not reentrant", lock::tryAcquire);
            held.close();
            held.close(); // idempotent: the second release must not release the next holder's turn
        }
        ctx.barrier();
        if (ctx.rank() == 0) {
            DsmLock.Held again = lock.tryAcquire();
            assertNotNull(again, "the lock is free after one release per acquire");
            ctx.barrier();
            again.close();
        } else {
            ctx.barrier();
        }
        ctx.barrier();
        lock.close();
        fails(IllegalStateException.class, "lock: closed", lock::acquire);
        fails(IllegalStateException.class, "lock: closed", lock::tryAcquire);

        DsmLock other = ctx.createLock();
        DsmLock.Held held = ctx.rank() == 0 ? other.acquire() : null;
        ctx.barrier();
        other.close();
        if (held != null) {
            fails(IllegalStateException.class, "lock: closed while held; nothing to release", held::close);
        }
    }

    @MpiTest
    void waitsThatTimeOut() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(16)) {
            DsmTimeoutException e = fails(DsmTimeoutException.class,
                    "word at offset 8 of rank " + ctx.rank() + " was 0, not ",
                    () -> w.waitUntil(8, Cmp.EQ, 1, Duration.ofMillis(50)));
            assertTrue(e.getMessage().contains("after PT0.05S"), e.getMessage());
            fails(IllegalArgumentException.class, "timeout: negative", () -> w.waitUntil(0, Cmp.EQ, 0,
                    Duration.ofSeconds(-1)));
            fails(NullPointerException.class, "cmp", () -> w.waitUntil(0, null, 0, Duration.ZERO));
            assertEquals(0, w.waitUntil(0, Cmp.EQ, 0, Duration.ZERO));
            w.memory().set(JAVA_LONG, 8, 3);
            assertEquals(3, w.waitUntil(8, Cmp.GE, 2, Duration.ofSeconds(5)));
            ctx.barrier();
        }
    }
}
