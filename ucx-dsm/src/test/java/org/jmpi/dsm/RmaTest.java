package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Puts and gets between ranks, blocking and nonblocking, segments, arrays (through the
 * thread's staging buffer, a confined arena above its size, and malloc'd staging for
 * nonblocking calls) and single values.
 */
class RmaTest {

    @MpiTest
    void putRingThenReadLocally() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            int right = (me + 1) % n;
            try (Window w = ctx.allocate(64); Arena arena = Arena.ofConfined()) {
                MemorySegment src = arena.allocate(JAVA_LONG, 4);
                for (int i = 0; i < 4; i++) {
                    src.setAtIndex(JAVA_LONG, i, me * 100L + i);
                }
                w.put(right, 8, src);
                ctx.barrier();
                int left = (me + n - 1) % n;
                for (int i = 0; i < 4; i++) {
                    assertEquals(left * 100L + i, w.local().getAtIndex(JAVA_LONG, 1 + i));
                }
                assertEquals(0L, w.local().get(JAVA_LONG, 0));
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void getArraysAndTypedValues() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            try (Window w = ctx.allocate(128)) {
                w.putLong(me, 0, me + 7L);
                w.putInt(me, 8, -me);
                w.putDouble(me, 16, me + 0.25);
                w.put(me, 32, new long[] {me, me * 2L, me * 3L});
                ctx.barrier();
                int peer = (me + 1) % n;
                assertEquals(peer + 7L, w.getLong(peer, 0));
                assertEquals(-peer, w.getInt(peer, 8));
                assertEquals(peer + 0.25, w.getDouble(peer, 16));
                long[] got = new long[3];
                w.get(peer, 32, got);
                assertArrayEquals(new long[] {peer, peer * 2L, peer * 3L}, got);
                long[] async = new long[3];
                RmaRequest r = w.getAsync(peer, 32, async);
                r.waitFor();
                assertEquals(true, r.isDone());
                assertArrayEquals(got, async);
                ctx.barrier();
                w.putAsync(peer, 64, new int[] {me, -me, 0x01020304}).waitFor();
                w.putAsync(peer, 80, new byte[] {(byte) me, 9}).waitFor();
                ctx.barrier();
                int left = (me + n - 1) % n;
                int[] ints = new int[3];
                w.getAsync(me, 64, ints).waitFor();
                assertArrayEquals(new int[] {left, -left, 0x01020304}, ints);
                byte[] bytes = new byte[2];
                w.getAsync(me, 80, bytes).waitFor();
                assertArrayEquals(new byte[] {(byte) left, 9}, bytes);
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void arraysThroughTheThreadsStagingAndAboveIt() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            int right = (me + 1) % n;
            int left = (me + n - 1) % n;
            int big = (int) CallScratch.KEPT_STAGING + 24;
            try (Window w = ctx.allocate(big + 64)) {
                byte[] src = new byte[big];
                for (int i = 0; i < big; i++) {
                    src[i] = (byte) (i * 13 + me);
                }
                w.put(right, 64, src);
                w.put(right, 0, new long[] {me, 42});
                w.put(right, 19, new int[] {me, -me, 7});
                w.put(right, 35, new double[] {me + 0.5});
                ctx.barrier();
                byte[] fromLeft = w.local().asSlice(64, big).toArray(JAVA_BYTE);
                for (int i = 0; i < big; i++) {
                    assertEquals((byte) (i * 13 + left), fromLeft[i], "byte " + i);
                }
                byte[] back = new byte[big];
                w.get(right, 64, back);
                assertArrayEquals(src, back);
                long[] words = new long[2];
                w.get(right, 0, words);
                assertArrayEquals(new long[] {me, 42}, words);
                int[] ints = new int[3];
                w.get(right, 19, ints);
                assertArrayEquals(new int[] {me, -me, 7}, ints);
                double[] doubles = new double[1];
                w.get(right, 35, doubles);
                assertArrayEquals(new double[] {me + 0.5}, doubles);
                ctx.barrier();
            }
        }
    }

    @MpiTest
    void manyNonblockingArrayTransfersCompleteAndCopyBack() {
        DsmContext ctx = TestDsm.ucpContext();
        int me = ctx.rank();
        int n = ctx.size();
        int right = (me + 1) % n;
        int count = 32;
        try (Window w = ctx.allocate(count * 1024L)) {
            RmaRequest[] requests = new RmaRequest[count];
            for (int j = 0; j < count; j++) {
                int[] block = new int[256];
                Arrays.fill(block, me * 1000 + j);
                requests[j] = w.putAsync(right, j * 1024L, block);
            }
            w.flush(right);
            for (RmaRequest r : requests) {
                r.waitFor();
                assertEquals(true, r.isDone());
            }
            ctx.barrier();
            int[][] got = new int[count][256];
            for (int j = 0; j < count; j++) {
                requests[j] = w.getAsync(right, j * 1024L, got[j]);
            }
            for (int j = 0; j < count; j++) {
                requests[j].waitFor();
                int[] expected = new int[256];
                Arrays.fill(expected, me * 1000 + j);
                assertArrayEquals(expected, got[j]);
            }
            ctx.barrier();
        }
    }
}
