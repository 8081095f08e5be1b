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
                w.put(src, right, 8);
                ctx.barrier();
                int left = (me + n - 1) % n;
                for (int i = 0; i < 4; i++) {
                    assertEquals(left * 100L + i, w.memory().getAtIndex(JAVA_LONG, 1 + i));
                }
                assertEquals(0L, w.memory().get(JAVA_LONG, 0));
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
                w.longs().put(me + 7L, me, 0);
                w.ints().put(-me, me, 8);
                w.longs().put(Double.doubleToRawLongBits(me + 0.25), me, 16);
                w.put(new long[] {me, me * 2L, me * 3L}, me, 32);
                ctx.barrier();
                int peer = (me + 1) % n;
                assertEquals(peer + 7L, w.longs().get(peer, 0));
                assertEquals(-peer, w.ints().get(peer, 8));
                assertEquals(peer + 0.25, Double.longBitsToDouble(w.longs().get(peer, 16)));
                long[] got = new long[3];
                w.get(got, peer, 32);
                assertArrayEquals(new long[] {peer, peer * 2L, peer * 3L}, got);
                long[] async = new long[3];
                DsmRequest r = w.rget(async, peer, 32);
                r.waitFor();
                assertEquals(true, r.isDone());
                assertArrayEquals(got, async);
                ctx.barrier();
                w.rput(new int[] {me, -me, 0x01020304}, peer, 64).waitFor();
                w.rput(new byte[] {(byte) me, 9}, peer, 80).waitFor();
                ctx.barrier();
                int left = (me + n - 1) % n;
                int[] ints = new int[3];
                w.rget(ints, me, 64).waitFor();
                assertArrayEquals(new int[] {left, -left, 0x01020304}, ints);
                byte[] bytes = new byte[2];
                w.rget(bytes, me, 80).waitFor();
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
                w.put(src, right, 64);
                w.put(new long[] {me, 42}, right, 0);
                w.put(new int[] {me, -me, 7}, right, 19);
                w.put(new double[] {me + 0.5}, right, 35);
                ctx.barrier();
                byte[] fromLeft = w.memory().asSlice(64, big).toArray(JAVA_BYTE);
                for (int i = 0; i < big; i++) {
                    assertEquals((byte) (i * 13 + left), fromLeft[i], "byte " + i);
                }
                byte[] back = new byte[big];
                w.get(back, right, 64);
                assertArrayEquals(src, back);
                long[] words = new long[2];
                w.get(words, right, 0);
                assertArrayEquals(new long[] {me, 42}, words);
                int[] ints = new int[3];
                w.get(ints, right, 19);
                assertArrayEquals(new int[] {me, -me, 7}, ints);
                double[] doubles = new double[1];
                w.get(doubles, right, 35);
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
            DsmRequest[] requests = new DsmRequest[count];
            for (int j = 0; j < count; j++) {
                int[] block = new int[256];
                Arrays.fill(block, me * 1000 + j);
                requests[j] = w.rput(block, right, j * 1024L);
            }
            w.flush(right);
            for (DsmRequest r : requests) {
                r.waitFor();
                assertEquals(true, r.isDone());
            }
            ctx.barrier();
            int[][] got = new int[count][256];
            for (int j = 0; j < count; j++) {
                requests[j] = w.rget(got[j], right, j * 1024L);
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

    @MpiTest
    void partsOfArraysOfEveryPrimitiveType() {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int me = ctx.rank();
            int n = ctx.size();
            int right = (me + 1) % n;
            int left = (me + n - 1) % n;
            try (Window w = ctx.allocate(128); Arena arena = Arena.ofConfined()) {
                w.put(new long[] {10, 11, 12, 13, 14}, 1, 3, right, 8);
                w.put(new short[] {(short) me, -2}, right, 40);
                w.put(new char[] {'j', 'm'}, right, 44);
                w.put(new float[] {me + 0.5f}, right, 48);
                w.rput(new int[] {1, 2, 3, 4}, 2, 2, right, 56).waitFor();
                MemorySegment bytes = arena.allocate(8).fill((byte) me);
                w.rput(bytes, 4, 4, right, 64).waitFor();
                ctx.barrier();
                long[] longs = new long[5];
                w.get(longs, 1, 3, me, 8);
                assertArrayEquals(new long[] {0, 11, 12, 13, 0}, longs);
                short[] shorts = new short[2];
                w.get(shorts, me, 40);
                assertArrayEquals(new short[] {(short) left, -2}, shorts);
                char[] chars = new char[2];
                w.rget(chars, me, 44).waitFor();
                assertArrayEquals(new char[] {'j', 'm'}, chars);
                float[] floats = new float[1];
                w.get(floats, me, 48);
                assertArrayEquals(new float[] {left + 0.5f}, floats);
                int[] ints = new int[4];
                w.rget(ints, 1, 2, me, 56).waitFor();
                assertArrayEquals(new int[] {0, 3, 4, 0}, ints);
                MemorySegment got = arena.allocate(8);
                w.get(got, 2, 4, me, 64);
                assertArrayEquals(new byte[] {0, 0, (byte) left, (byte) left, (byte) left, (byte) left, 0, 0},
                        got.toArray(JAVA_BYTE));
                ctx.barrier();
            }
        }
    }
}
