package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.IntBinaryOperator;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Buffers of uneven blocks with gaps between them, for the collective tests: block i
 * holds {@code value(i, k)}, every other byte holds a filler that the collectives must
 * leave untouched.
 */
final class Blocked {
    /** Elements of gap before every block of an element layout. */
    static final int GAP = 2;
    /** The filler byte. */
    static final byte FILL = 0x5A;
    private static final Datatype[] MIXED = {Datatype.INT, Datatype.LONG, Datatype.DOUBLE};

    private Blocked() {
    }

    /** Counts {@code shift + 1, shift + 2, ...}, one per rank. */
    static int[] counts(int n, int shift) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i + 1 + shift;
        }
        return c;
    }

    /** Element displacements with {@link #GAP} elements before every block. */
    static int[] displs(int[] counts) {
        int[] d = new int[counts.length];
        int at = GAP;
        for (int i = 0; i < counts.length; i++) {
            d[i] = at;
            at += counts[i] + GAP;
        }
        return d;
    }

    /** One datatype per rank pair, so peers see int, long and double blocks. */
    static Datatype type(int a, int b) {
        return MIXED[(a + b) % MIXED.length];
    }

    /** Byte displacements, each block 8-aligned after an 8-byte gap. */
    static int[] byteDispls(int[] counts, Datatype[] types) {
        int[] d = new int[counts.length];
        int at = 8;
        for (int i = 0; i < counts.length; i++) {
            d[i] = at;
            at += (int) ((counts[i] * types[i].extent() + 7) / 8 * 8) + 8;
        }
        return d;
    }

    /** Bytes up to the end of the last block plus a trailing gap of 8 bytes. */
    static long bytes(int[] counts, int[] byteDispls, Datatype[] types) {
        int last = counts.length - 1;
        return byteDispls[last] + counts[last] * types[last].extent() + 8;
    }

    /** Bytes of an int layout described by element displacements, trailing gap included. */
    static long intBytes(int[] counts, int[] displs) {
        return bytes(counts, scale(displs, 4), ints(counts.length));
    }

    /** A filled buffer of {@code bytes}. */
    static MemorySegment filled(Arena arena, long bytes) {
        return arena.allocate(bytes, 8).fill(FILL);
    }

    /** Writes int blocks at element displacements. */
    static MemorySegment write(MemorySegment seg, int[] counts, int[] displs, IntBinaryOperator value) {
        return write(seg, counts, scale(displs, 4), ints(counts.length), value);
    }

    /** Writes typed blocks at byte displacements (a double holds {@code value + 0.5}). */
    static MemorySegment write(MemorySegment seg, int[] counts, int[] byteDispls, Datatype[] types,
                               IntBinaryOperator value) {
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                long at = byteDispls[i] + k * types[i].extent();
                int v = value.applyAsInt(i, k);
                if (types[i] == Datatype.INT) {
                    seg.set(JAVA_INT, at, v);
                } else if (types[i] == Datatype.LONG) {
                    seg.set(JAVA_LONG, at, v);
                } else {
                    seg.set(JAVA_DOUBLE, at, v + 0.5);
                }
            }
        }
        return seg;
    }

    /** Asserts the int blocks hold {@code value} and every gap byte is still the filler. */
    static void check(MemorySegment seg, int[] counts, int[] displs, IntBinaryOperator value) {
        check(seg, counts, scale(displs, 4), ints(counts.length), value);
    }

    /** Asserts the typed blocks hold {@code value} and every gap byte is still the filler. */
    static void check(MemorySegment seg, int[] counts, int[] byteDispls, Datatype[] types, IntBinaryOperator value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment expected = write(filled(arena, seg.byteSize()), counts, byteDispls, types, value);
            assertArrayEquals(expected.toArray(JAVA_BYTE), seg.toArray(JAVA_BYTE));
        }
    }

    /** A segment of {@code count} ints holding {@code value(block, k)}. */
    static MemorySegment block(Arena arena, int block, int count, IntBinaryOperator value) {
        MemorySegment seg = arena.allocate(JAVA_INT, count);
        for (int k = 0; k < count; k++) {
            seg.setAtIndex(JAVA_INT, k, value.applyAsInt(block, k));
        }
        return seg;
    }

    private static int[] scale(int[] displs, int by) {
        int[] d = new int[displs.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = displs[i] * by;
        }
        return d;
    }

    private static Datatype[] ints(int n) {
        Datatype[] t = new Datatype[n];
        java.util.Arrays.fill(t, Datatype.INT);
        return t;
    }
}
