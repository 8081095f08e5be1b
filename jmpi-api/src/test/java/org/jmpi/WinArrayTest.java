package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One-sided calls on Java arrays and {@link Buf}s: an origin is copied when the call is
 * made, fetched data reach the array at the synchronization (or request completion)
 * that completes the call, never before; and the value atomics take their width from
 * the layout, not from a literal's Java type.
 */
class WinArrayTest {
    private static final int SLOTS = 8;

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static Win zeroed(Comm world) {
        Win win = Win.allocate(world, 8L * SLOTS, Long.BYTES);
        win.memory().fill((byte) 0);
        world.barrier();
        return win;
    }

    @MpiTest
    void arraysUnderFence() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int t = next(world);
        try (Win win = zeroed(world)) {
            long[] mine = {100L + r, 200L + r};
            win.fence();
            win.put(mine, t, 0);
            Arrays.fill(mine, -1); // the put copied the array: this changes nothing at the target
            win.accumulate(Buf.of(new long[] {5, 7, 9}, 1, 2), t, 2, Op.SUM);
            win.fence();
            long[] got = new long[4];
            win.get(got, t, 0);
            assertArrayEquals(new long[4], got, "a get's data arrive at the synchronization, not before");
            win.fence();
            assertArrayEquals(new long[] {100L + r, 200L + r, 7, 9}, got);

            long[] old = new long[2];
            long[] sum = {1000, 2000};
            win.getAccumulate(sum, old, t, 2, Op.SUM);
            win.fence();
            assertArrayEquals(new long[] {7, 9}, old);
            long[] strided = {-1, -1, -1};
            try (Datatype everyOther = Datatype.vector(2, 1, 2, Datatype.INT64)) {
                win.get(Buf.of(strided, 1, 2), t, 0, 1, everyOther); // slots 0 and 2 into elements 1 and 2
                win.fence();
            }
            assertArrayEquals(new long[] {-1, 100L + r, 1007}, strided, "the Buf's elements only");
            long[] after = new long[2];
            win.getAccumulate(null, after, t, 2, Op.NO_OP);
            win.fence();
            assertArrayEquals(new long[] {1007, 2009}, after);
        }
    }

    @MpiTest
    void arraysUnderLocksArriveAtFlushAndUnlock() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int t = next(world);
        try (Win win = zeroed(world)) {
            win.lock(t, LockType.SHARED);
            win.put(new long[] {40L + r}, t, 5);
            win.flush(t);
            long[] got = {-1};
            win.get(got, t, 5);
            assertEquals(-1, got[0]);
            win.flush(t);
            assertEquals(40L + r, got[0], "flush completes the get and fills the array");
            double[] d = new double[1];
            win.get(Buf.of(MemorySegment.ofArray(d), Datatype.DOUBLE), t, 5); // a heap segment in a Buf
            MemorySegment heap = MemorySegment.ofArray(new long[2]);
            win.get(heap, Datatype.LONG, t, 5); // and in the segment form
            win.unlock(t);
            assertEquals(Double.longBitsToDouble(40L + r), d[0]);
            assertEquals(40L + r, heap.getAtIndex(JAVA_LONG, 0));
            assertEquals(0, heap.getAtIndex(JAVA_LONG, 1), "the slot after it was zero");
            world.barrier();

            win.lockAll();
            long[] fetched = new long[1];
            win.fetchAndOp(new long[] {1L << r}, fetched, 0, 6, Op.BOR);
            win.flushAll();
            assertEquals(0, fetched[0] & (1L << r), "no one set my bit before me");
            world.barrier();
            win.fetchAndOp(null, fetched, 0, 6, Op.NO_OP);
            win.unlockAll();
            assertEquals((1L << world.size()) - 1, fetched[0]);
            world.barrier();
        }
    }

    @MpiTest
    void requestBasedCallsFillArraysWhenTheyComplete() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int t = next(world);
        try (Win win = zeroed(world)) {
            win.lockAll();
            long[] two = {3 + r, 4 + r};
            Request put = win.rput(two, t, 1);
            two[0] = -1; // copied at the call
            put.waitFor();
            win.flush(t);
            long[] got = new long[2];
            Request get = win.rget(got, t, 1);
            assertArrayEquals(new long[2], got, "an rget's data arrive when its request completes, not before");
            get.waitFor();
            assertArrayEquals(new long[] {3 + r, 4 + r}, got);
            long[] old = new long[1];
            win.rgetAccumulate(new long[] {9}, old, t, 2, Op.REPLACE).waitFor();
            assertEquals(4 + r, old[0]);
            int[] pair = {-3, -3};
            win.rgetAccumulate(null, Buf.of(pair, 1, 1), t, 1, 1, Datatype.INT32, Op.NO_OP).waitFor();
            assertArrayEquals(new int[] {-3, 3 + r}, pair, "the low half of slot 1, into element 1 only");
            win.raccumulate(new long[] {1}, 0, 7, Op.SUM).waitFor();
            win.unlockAll();
            world.barrier();
            if (r == 0) {
                win.lock(0, LockType.SHARED);
                win.sync();
                assertEquals(world.size(), win.memory().getAtIndex(JAVA_LONG, 7));
                win.unlock(0);
            }
            world.barrier();
        }
    }

    @MpiTest
    void procNullTargetsLeaveArraysAlone() {
        Comm world = TestMpi.world();
        try (Win win = zeroed(world)) {
            long[] into = {77};
            win.fence();
            win.put(new long[] {1}, Comm.PROC_NULL, 0);
            win.get(into, Comm.PROC_NULL, 0);
            win.fence();
            assertEquals(77, into[0]);
            assertEquals(0, win.memory().get(JAVA_LONG, 0));
        }
    }

    /**
     * The trap this replaces: {@code win.fetchAndOp(1, 0, 0, Op.SUM)} on a window of longs
     * picked the {@code int} overload, an MPI_INT operation on half of the 64-bit counter.
     * The layout names the width; the int literal widens to the long it takes.
     */
    @MpiTest
    void valueAtomicsTakeTheirWidthFromTheLayout() {
        Comm world = TestMpi.world();
        int n = world.size();
        try (Win win = zeroed(world)) {
            if (world.rank() == 0) {
                win.memory().setAtIndex(JAVA_LONG, 0, -1L);
                win.memory().setAtIndex(JAVA_LONG, 1, 0xFFFF_FFFFL);
            }
            world.barrier();
            win.lockAll();
            long old = win.fetchAndOp(JAVA_LONG, 1, 0, 0, Op.SUM);
            long high = win.fetchAndOp(JAVA_LONG, 1, 0, 1, Op.SUM);
            int small = win.fetchAndOp(JAVA_INT, 1, 0, 4, Op.SUM);
            win.unlockAll();
            world.barrier();
            assertTrue(old >= -1 && old <= n - 2, "a 64-bit counter of -1 fetches -1, 0, ...: fetched " + old);
            assertTrue(high >= 0xFFFF_FFFFL && high < 0xFFFF_FFFFL + n, "fetched " + high);
            assertTrue(small >= 0 && small < n, "fetched " + small);
            if (world.rank() == 0) {
                win.lock(0);
                win.sync();
                assertEquals(n - 1L, win.memory().getAtIndex(JAVA_LONG, 0), "-1 + n, all 64 bits carried");
                assertEquals(0xFFFF_FFFFL + n, win.memory().getAtIndex(JAVA_LONG, 1), "past 2^32");
                assertEquals(n, win.memory().getAtIndex(JAVA_INT, 8), "the 32-bit element at byte 32");
                assertEquals(0, win.memory().getAtIndex(JAVA_INT, 9), "its neighbour untouched");
                win.unlock(0);
            }
            world.barrier();
            win.lockAll();
            long before = win.fetchAndOp(JAVA_LONG, -1, 0, 2, Op.SUM);
            win.unlockAll();
            world.barrier();
            if (world.rank() == 0) {
                assertEquals(-(long) n, win.memory().getAtIndex(JAVA_LONG, 2), "adding int -1 n times, 64-bit");
            }
            assertTrue(before <= 0 && before > -n, "fetched " + before);
            world.barrier();
            if (WinRmaTest.casRefused(win)) {
                return;
            }
            win.lock(0);
            long seen = win.compareAndSwap(JAVA_LONG, 5, n - 1, 0, 0);
            win.unlock(0);
            world.barrier();
            int[] swaps = {seen == n - 1 ? 1 : 0};
            world.allreduce(swaps, Op.SUM);
            assertEquals(1, swaps[0], "one rank saw n - 1 and swapped; the others saw 5");
            assertTrue(seen == n - 1 || seen == 5, "fetched " + seen);
            if (world.rank() == 0) {
                win.lock(0);
                win.sync();
                assertEquals(5, win.memory().getAtIndex(JAVA_LONG, 0));
                win.unlock(0);
            }
            world.barrier();
        }
    }
}
