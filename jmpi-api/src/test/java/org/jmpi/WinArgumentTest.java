package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Misuse of windows is a Java exception naming the argument or the state, thrown before
 * any native call; the window stays usable afterwards.
 */
class WinArgumentTest {

    @MpiTest
    void creationArguments() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            fails(IllegalArgumentException.class, "bytes must not be negative", () -> Win.allocate(world, -8, 8));
            fails(IllegalArgumentException.class, "dispUnit must be positive", () -> Win.allocate(world, 8, 0));
            fails(IllegalArgumentException.class, "dispUnit must be positive", () -> Win.allocateShared(world, 8, -1));
            fails(IllegalArgumentException.class, "memory: a window needs a native segment",
                    () -> Win.create(world, MemorySegment.ofArray(new long[2]), 8));
            fails(IllegalArgumentException.class, "read-only",
                    () -> Win.create(world, arena.allocate(16).asReadOnly(), 8));
            fails(NullPointerException.class, "comm", () -> Win.allocate(null, 8, 8));
            fails(NullPointerException.class, "memory", () -> Win.create(world, null, 8));
            MemorySegment closed;
            try (Arena gone = Arena.ofConfined()) {
                closed = gone.allocate(16);
            }
            fails(IllegalStateException.class, "arena has been closed", () -> Win.create(world, closed, 8));
            Comm dup = world.dup();
            dup.close();
            fails(IllegalStateException.class, "freed", () -> Win.allocate(dup, 8, 8));
        }
        fails(NullPointerException.class, "memory", () -> Win.address(null));
        fails(IllegalArgumentException.class, "no fixed address", () -> Win.address(MemorySegment.ofArray(new int[1])));
    }

    @MpiTest
    void transferArguments() {
        Comm world = TestMpi.world();
        int n = world.size();
        try (Win win = Win.allocate(world, 32, 8); Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_LONG, 1);
            MemorySegment four = arena.allocate(JAVA_LONG, 4);
            win.memory().fill((byte) 0);
            win.fence();
            fails(IllegalArgumentException.class, "targetRank: rank " + n, () -> win.put(one, Datatype.LONG, n, 0));
            fails(IllegalArgumentException.class, "targetRank: rank -7", () -> win.get(four, Datatype.LONG, -7, 0));
            fails(IllegalArgumentException.class, "targetDisp must not be negative",
                    () -> win.put(one, Datatype.LONG, 0, -1));
            fails(IllegalArgumentException.class, "span bytes [32, 40) but the window of target rank 0 has 32 bytes",
                    () -> win.put(one, Datatype.LONG, 0, 4));
            fails(IllegalArgumentException.class, "span bytes [8, 40)", () -> win.get(four, Datatype.LONG, 0, 1));
            fails(IllegalArgumentException.class, "targetDisp", () -> win.put(one, Datatype.LONG, 0, Long.MAX_VALUE / 4));
            fails(IllegalArgumentException.class, "originCount: count must not be negative",
                    () -> win.put(four, -1, Datatype.LONG, 0, 0, 1, Datatype.LONG));
            fails(IllegalArgumentException.class, "targetCount: count must not be negative",
                    () -> win.put(four, 1, Datatype.LONG, 0, 0, -1, Datatype.LONG));
            fails(IllegalArgumentException.class, "origin: 5 x MPI_LONG needs 40 bytes",
                    () -> win.put(four, 5, Datatype.LONG, 0, 0, 5, Datatype.LONG));
            fails(IllegalArgumentException.class, "targetCount: 1 x MPI_INT hold 4 bytes of data but the origin's 1 x"
                    + " MPI_LONG hold 8", () -> win.put(one, 1, Datatype.LONG, 0, 0, 1, Datatype.INT));
            fails(IllegalArgumentException.class, "origin: 12 bytes is not a whole number",
                    () -> win.put(arena.allocate(12), Datatype.LONG, 0, 0));
            fails(IllegalArgumentException.class, "origin: a MemorySegment has no element type",
                    () -> win.put(one, 0, 0));
            fails(IllegalArgumentException.class, "origin: a java.lang.String is not a message buffer",
                    () -> win.get("one", 0, 0));
            fails(NullPointerException.class, "targetType", () -> win.put(new long[1], 0, 0, 1, null));
            fails(IllegalArgumentException.class, "targetCount: 1 x MPI_INT32_T hold 4 bytes of data but the"
                    + " origin's 1 x MPI_INT64_T hold 8", () -> win.put(new long[1], 0, 0, 1, Datatype.INT32));
            fails(IllegalArgumentException.class, "span bytes [32, 40)", () -> win.put(new long[] {1}, 0, 4));
            fails(IllegalArgumentException.class, "span bytes [24, 40)", () -> win.get(Buf.of(new long[4], 1, 2), 0, 3));
            fails(IllegalArgumentException.class, "origin is a read-only segment",
                    () -> win.get(Buf.of(four.asReadOnly(), Datatype.LONG), 0, 0));
            fails(IllegalArgumentException.class, "origin is a read-only segment",
                    () -> win.get(four.asReadOnly(), Datatype.LONG, 0, 0));
            fails(NullPointerException.class, "originType", () -> win.put(one, null, 0, 0));
            fails(NullPointerException.class, "origin", () -> win.put(null, Datatype.LONG, 0, 0));
            MemorySegment closed;
            try (Arena gone = Arena.ofConfined()) {
                closed = gone.allocate(8);
            }
            fails(IllegalStateException.class, "arena has been closed", () -> win.put(closed, Datatype.LONG, 0, 0));
            Datatype pair = Datatype.contiguous(2, Datatype.LONG);
            pair.close();
            fails(IllegalStateException.class, "has been freed", () -> win.put(four, pair, 0, 0));
            win.fence();
            assertEquals(0, win.memory().get(JAVA_LONG, 0), "nothing reached the window");
        }
    }

    @MpiTest
    void accumulateAndAtomicArguments() {
        Comm world = TestMpi.world();
        try (Win win = Win.allocate(world, 32, 8); Arena arena = Arena.ofConfined();
             Op mine = Op.create((in, inout, count, type) -> { }, true)) {
            MemorySegment one = arena.allocateFrom(JAVA_LONG, 1);
            MemorySegment result = arena.allocate(JAVA_LONG);
            win.fence();
            fails(IllegalArgumentException.class, "op: user op", () -> win.accumulate(one, Datatype.LONG, 0, 0, mine));
            fails(IllegalArgumentException.class, "op: MPI_NO_OP only goes with getAccumulate",
                    () -> win.accumulate(one, Datatype.LONG, 0, 0, Op.NO_OP));
            fails(NullPointerException.class, "op", () -> win.accumulate(one, Datatype.LONG, 0, 0, null));
            fails(NullPointerException.class, "origin",
                    () -> win.getAccumulate(null, result, Datatype.LONG, 0, 0, Op.SUM));
            fails(IllegalArgumentException.class, "result is a read-only segment",
                    () -> win.getAccumulate(one, result.asReadOnly(), Datatype.LONG, 0, 0, Op.SUM));
            fails(IllegalArgumentException.class, "targetCount: 2 x MPI_LONG hold 16 bytes of data but the origin's 1",
                    () -> win.getAccumulate(one, arena.allocate(16), Datatype.LONG, 0, 0, Op.SUM));
            fails(IllegalArgumentException.class, "type: compareAndSwap takes an integer, logical or byte type",
                    () -> win.compareAndSwap(arena.allocate(8), arena.allocate(8), result, Datatype.DOUBLE, 0, 0));
            try (Datatype pair = Datatype.contiguous(2, Datatype.INT)) {
                fails(IllegalArgumentException.class, "type: " + pair + " is derived",
                        () -> win.fetchAndOp(one, result, pair, 0, 0, Op.SUM));
            }
            fails(IllegalArgumentException.class, "result: 1 x MPI_LONG needs 8 bytes",
                    () -> win.fetchAndOp(one, arena.allocate(4), Datatype.LONG, 0, 0, Op.SUM));
            fails(NullPointerException.class, "compare",
                    () -> win.compareAndSwap(one, null, result, Datatype.LONG, 0, 0));
            fails(IllegalArgumentException.class, "span bytes [32, 40)",
                    () -> win.fetchAndOp(one, result, Datatype.LONG, 0, 4, Op.SUM));
            fails(IllegalArgumentException.class, "origin: its datatype MPI_INT32_T is not the result's MPI_INT64_T",
                    () -> win.fetchAndOp(new int[1], new long[1], 0, 0, Op.SUM));
            fails(IllegalArgumentException.class, "result: holds no element",
                    () -> win.fetchAndOp(new long[1], new long[0], 0, 0, Op.SUM));
            fails(NullPointerException.class, "compare",
                    () -> win.compareAndSwap(new long[1], null, new long[1], 0, 0));
            fails(IllegalArgumentException.class, "value: must be a int to go with layout",
                    () -> win.fetchAndOp(JAVA_INT, 1L, 0, 0, Op.SUM));
            fails(NullPointerException.class, "op", () -> win.fetchAndOp(JAVA_LONG, 1, 0, 0, null));
            fails(NullPointerException.class, "op", () -> win.fetchAndOp(one, result, Datatype.LONG, 0, 0, null));
            fails(IllegalArgumentException.class, "type: " + JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN)
                    + " has byte order BIG_ENDIAN", () -> win.fetchAndOp(JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN), 1,
                    0, 0, Op.SUM));
            mine.close();
            fails(IllegalStateException.class, "freed", () -> win.accumulate(one, Datatype.LONG, 0, 0, mine));
            win.fence();
        }
    }

    @MpiTest
    void callsThatNeedAPassiveTargetEpoch() {
        Comm world = TestMpi.world();
        try (Win win = Win.allocate(world, 32, 8); Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_LONG, 1);
            win.memory().fill((byte) 0);
            world.barrier();
            fails(IllegalStateException.class, "rput: needs a passive-target epoch on target rank 0",
                    () -> win.rput(one, Datatype.LONG, 0, 0));
            fails(IllegalStateException.class, "rget: needs a passive-target epoch",
                    () -> win.rget(arena.allocate(8), Datatype.LONG, 0, 0));
            fails(IllegalStateException.class, "rgetAccumulate: needs a passive-target epoch",
                    () -> win.rgetAccumulate(null, arena.allocate(8), Datatype.LONG, 0, 0, Op.NO_OP));
            fails(IllegalStateException.class, "fetchAndOp: needs a passive-target epoch",
                    () -> win.fetchAndOp(JAVA_LONG, 1, 0, 0, Op.SUM));
            fails(IllegalStateException.class, "compareAndSwap: needs a passive-target epoch",
                    () -> win.compareAndSwap(JAVA_INT, 1, 0, 0, 0));
            fails(IllegalStateException.class, "flush: needs a passive-target epoch", () -> win.flush(0));
            fails(IllegalStateException.class, "flushLocalAll: needs a passive-target epoch", win::flushLocalAll);
            win.lock(0, LockType.SHARED);
            fails(IllegalArgumentException.class, "targetRank: PROC_NULL has no value",
                    () -> win.fetchAndOp(JAVA_DOUBLE, 1.5, Comm.PROC_NULL, 0, Op.SUM));
            assertEquals(0.0, win.fetchAndOp(JAVA_DOUBLE, 0.0, 0, 1, Op.SUM), "adding 0.0 to a zeroed double fetches 0.0");
            fails(IllegalArgumentException.class, "op: " + Op.BAND + " is not defined on targetType " + Datatype.DOUBLE,
                    () -> win.accumulate(arena.allocateFrom(JAVA_DOUBLE, 1.5), Datatype.DOUBLE, 0, 0, Op.BAND));
            fails(IllegalArgumentException.class, "op: " + Op.MAXLOC + " is not defined on type " + Datatype.LONG,
                    () -> win.fetchAndOp(one, arena.allocate(JAVA_LONG), Datatype.LONG, 0, 0, Op.MAXLOC));
            Request put = win.rput(one, Datatype.LONG, 0, 0);
            fails(IllegalStateException.class, "a request-based one-sided operation must complete before it is closed",
                    put::close);
            put.waitFor();
            put.close();
            win.unlock(0);
            world.barrier();
        }
    }

    @MpiTest
    void epochMisuseIsRefused() {
        Comm world = TestMpi.world();
        int n = world.size();
        try (Win win = Win.allocate(world, 8, 8); Group all = win.group()) {
            fails(IllegalStateException.class, "unlock: target rank 0 is not locked", () -> win.unlock(0));
            fails(IllegalStateException.class, "unlockAll: no epoch of lockAll() is open", win::unlockAll);
            fails(IllegalStateException.class, "complete: no epoch of start() is open", win::complete);
            fails(IllegalStateException.class, "waitFor: no epoch of post() is open", win::waitFor);
            fails(IllegalStateException.class, "test: no epoch of post() is open", win::test);
            fails(IllegalArgumentException.class, "rank: " + Comm.PROC_NULL + " is not in [0, " + n + "); PROC_NULL",
                    () -> win.lock(Comm.PROC_NULL));
            fails(IllegalArgumentException.class, "rank: " + n, () -> win.flush(n));
            fails(IllegalArgumentException.class, "asserts[0]: NOCHECK is not an assertion fence accepts",
                    () -> win.fence(WinAssert.NOCHECK));
            fails(IllegalArgumentException.class, "asserts[1]: NOPUT is not an assertion lockAll accepts",
                    () -> win.lockAll(WinAssert.NOCHECK, WinAssert.NOPUT));
            fails(NullPointerException.class, "asserts[0]", () -> win.fence((WinAssert) null));
            fails(NullPointerException.class, "type", () -> win.lock(0, null));
            fails(NullPointerException.class, "group", () -> win.start(null));
            win.lock(0);
            fails(IllegalStateException.class, "lock: target rank 0 is already locked", () -> win.lock(0));
            fails(IllegalStateException.class, "lockAll: this process holds a lock(rank)", () -> win.lockAll());
            fails(IllegalStateException.class, "start: this process holds a lock(rank)", () -> win.start(all));
            fails(IllegalStateException.class, "fence: this process holds a lock(rank)", () -> win.fence());
            fails(IllegalStateException.class, "close: this process holds a lock(rank) on the window", win::close);
            win.unlock(0);
            win.lockAll();
            fails(IllegalStateException.class, "lock: an epoch of lockAll() is open; call unlockAll() first", () -> win.lock(0));
            fails(IllegalStateException.class, "lockAll: an epoch of lockAll() is already open", () -> win.lockAll());
            win.unlockAll();
            win.post(all);
            fails(IllegalStateException.class, "post: an epoch of post() is already open", () -> win.post(all));
            fails(IllegalStateException.class, "fence: an epoch of post() is open; call waitFor() first", () -> win.fence());
            win.start(all);
            fails(IllegalStateException.class, "start: an epoch of start() is already open",
                    () -> win.start(all));
            fails(IllegalStateException.class, "lock: an epoch of start() is open; call complete() first", () -> win.lock(0));
            win.complete();
            win.waitFor();
            world.barrier();
        }
    }

    /**
     * One process, so the refusals below leave no other rank waiting. The window is left
     * unfreed on purpose: freeing it would complete the put from freed memory.
     */
    @MpiTest(np = 1)
    void aClosedOriginArenaRefusesTheSynchronization() {
        Comm world = TestMpi.world();
        Win win = Win.allocate(world, 16, 8);
        try (Arena arena = Arena.ofConfined()) {
            win.fence();
            win.put(arena.allocateFrom(JAVA_LONG, 5), Datatype.LONG, 0, 0);
        }
        String refusal = "the arena of a buffer given to a one-sided call to target rank 0 was closed before the"
                + " call completed";
        fails(IllegalStateException.class, "fence: " + refusal, () -> win.fence());
        fails(IllegalStateException.class, "fence: " + refusal, () -> win.fence(WinAssert.NOSUCCEED));
        fails(IllegalStateException.class, "close: " + refusal, win::close);
        assertEquals(16, win.size(), "the window is still live");
    }

    @MpiTest
    void useAfterClose() {
        Comm world = TestMpi.world();
        Win win = Win.allocate(world, 16, 8);
        win.fence();
        win.close();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_LONG, 1);
            fails(IllegalStateException.class, "window has been freed", () -> win.put(one, Datatype.LONG, 0, 0));
            fails(IllegalStateException.class, "window has been freed", () -> win.fence());
            fails(IllegalStateException.class, "window has been freed", win::memory);
            fails(IllegalStateException.class, "window has been freed", win::model);
            fails(IllegalStateException.class, "window has been freed", () -> win.fetchAndOp(JAVA_INT, 1, 0, 0, Op.SUM));
            fails(IllegalStateException.class, "window has been freed", () -> win.lock(0));
        }
        win.close();
    }

    @MpiTest(np = {2, 4})
    void createdWindowsWatchTheirMemory() {
        Comm world = TestMpi.world();
        Arena arena = Arena.ofConfined();
        Win win = Win.create(world, arena.allocate(JAVA_DOUBLE, 2), 8);
        try (Arena scratch = Arena.ofConfined()) {
            win.fence();
            win.accumulate(scratch.allocateFrom(JAVA_DOUBLE, 1.5), Datatype.DOUBLE, 0, 1, Op.SUM);
            fails(IllegalArgumentException.class, "span bytes [16, 20)",
                    () -> win.put(scratch.allocate(JAVA_INT), Datatype.INT, 1, 2));
            win.fence();
        }
        world.barrier();
        arena.close(); // the window's memory goes while the window lives: refused from now on
        fails(IllegalStateException.class, "the arena of its memory was closed", () -> win.fence());
        fails(IllegalStateException.class, "the arena of its memory was closed", win::memory);
        win.close();
    }
}
