package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.Checks.fails;
import static org.jmpi.Checks.next;
import static org.jmpi.Checks.prev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Packing (MPI_Pack, MPI_Unpack, MPI_Pack_size): messages of several datatypes packed
 * into one buffer, sent as MPI_PACKED around a ring and unpacked in order; the packed form
 * against MPI's own (typed messages received as packed bytes and back); argument checks.
 */
class PackTest {

    @MpiTest
    void packSizesAreTheDataBytes() {
        Comm world = TestMpi.world();
        assertEquals(12, world.packSize(3, Datatype.INT32));
        assertEquals(0, world.packSize(0, Datatype.DOUBLE));
        try (Datatype column = Datatype.vector(4, 1, 4, Datatype.INT32)) {
            assertEquals(2 * 16, world.packSize(2, column));
        }
        assertEquals(world.packSize(5, Datatype.INT32) + BsendBuffer.OVERHEAD, BsendBuffer.sizeFor(5, Datatype.INT32, world));
    }

    @MpiTest
    void mixedMessagesTravelPackedAroundTheRing() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int[] header = {r, 3};
        double[] values = {r + 0.5, r + 1.5, r + 2.5};
        int[] matrix = Checks.fill(16, i -> 100 * r + i);
        try (Datatype column = Datatype.vector(4, 1, 4, Datatype.INT32)) {
            int size = world.packSize(2, Datatype.INT32) + world.packSize(3, Datatype.DOUBLE) + world.packSize(1, column);
            assertEquals(8 + 24 + 16, size);
            byte[] packed = new byte[size + 7];
            int at = world.pack(header, packed, 0);
            assertEquals(8, at);
            at = world.pack(values, packed, at);
            assertEquals(32, at);
            at = world.pack(Buf.of(matrix, 1, 1, column), packed, at);
            assertEquals(size, at);

            byte[] got = new byte[size];
            world.sendrecv(Buf.of(packed, 0, at, Datatype.PACKED), next(world), 5,
                    Buf.of(got, 0, size, Datatype.PACKED), prev(world), 5);
            int p = prev(world);
            int[] h = new int[2];
            double[] v = new double[3];
            int[] m = Checks.fill(16, i -> -1);
            int from = world.unpack(got, 0, h);
            assertEquals(8, from);
            from = world.unpack(got, from, v);
            from = world.unpack(got, from, Buf.of(m, 2, 1, column));
            assertEquals(size, from);
            assertArrayEquals(new int[] {p, 3}, h);
            assertArrayEquals(new double[] {p + 0.5, p + 1.5, p + 2.5}, v);
            for (int i = 0; i < 16; i++) {
                // column 1 of the sender lands in column 2 here; the rest is untouched
                assertEquals(i % 4 == 2 ? 100 * p + i - 1 : -1, m[i], "matrix element " + i);
            }
        }
    }

    @MpiTest
    void packedBytesAreWhatMpiSendsAndReceives() {
        Comm world = TestMpi.world();
        int r = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            // a typed message received as packed bytes unpacks to the message
            byte[] raw = new byte[12];
            world.sendrecv(new int[] {r, r * 2, r * 3}, next(world), 6, Buf.of(raw, 0, 12, Datatype.PACKED),
                    prev(world), 6);
            int[] ints = new int[3];
            assertEquals(12, world.unpack(raw, 0, ints));
            int p = prev(world);
            assertArrayEquals(new int[] {p, p * 2, p * 3}, ints);

            // packed bytes in a native segment, sent as MPI_PACKED, received as typed data
            MemorySegment packed = arena.allocate(64);
            int end = world.pack(new double[] {r, -r}, packed, 16);
            assertEquals(32, end);
            double[] typed = new double[2];
            world.sendrecv(Buf.at(packed, 16, 16, Datatype.PACKED), next(world), 7, typed, prev(world), 7);
            assertArrayEquals(new double[] {p, -p}, typed);

            // the same message packed into a byte array, a heap segment and a native segment
            int[] msg = {7, 8, 9, r};
            byte[] bytes = new byte[16];
            MemorySegment heap = MemorySegment.ofArray(new long[2]);
            MemorySegment nat = arena.allocate(16);
            assertEquals(16, world.pack(msg, bytes, 0));
            assertEquals(16, world.pack(msg, heap, 0));
            assertEquals(16, world.pack(Buf.of(arena.allocateFrom(JAVA_INT, msg), Datatype.INT32), nat, 0));
            assertArrayEquals(bytes, heap.toArray(JAVA_BYTE));
            assertArrayEquals(bytes, nat.toArray(JAVA_BYTE));
            MemorySegment back = arena.allocate(JAVA_INT, 4);
            assertEquals(16, world.unpack(heap, 0, Buf.of(back, Datatype.INT32)));
            assertArrayEquals(msg, back.toArray(JAVA_INT));
        }
    }

    @MpiTest
    void derivedTypesPackTheirDataOnly() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined();
             Datatype every3rd = Datatype.vector(3, 1, 3, Datatype.DOUBLE)) {
            MemorySegment src = arena.allocate(JAVA_DOUBLE, 9);
            for (int i = 0; i < 9; i++) {
                src.setAtIndex(JAVA_DOUBLE, i, i + world.rank() * 10);
            }
            byte[] packed = new byte[24];
            assertEquals(24, world.pack(Buf.of(src, 1, every3rd), packed, 0));
            double[] dense = new double[3];
            assertEquals(24, world.unpack(packed, 0, dense));
            assertArrayEquals(new double[] {world.rank() * 10, 3 + world.rank() * 10, 6 + world.rank() * 10}, dense);
            double[] spread = new double[9];
            java.util.Arrays.fill(spread, -1);
            assertEquals(24, world.unpack(packed, 0, Buf.of(spread, 2, 1, every3rd)));
            for (int i = 0; i < 9; i++) {
                assertEquals(i % 3 == 2 ? i - 2 + world.rank() * 10 : -1, spread[i], "element " + i);
            }
        }
    }

    @MpiTest(np = 1)
    void badArgumentsAreRefusedBeforeMpi() {
        Comm world = TestMpi.world();
        byte[] packed = new byte[10];
        fails(IllegalArgumentException.class, "position: -1 is outside the packed buffer of 10 bytes",
                () -> world.pack(new int[1], packed, -1));
        fails(IllegalArgumentException.class, "position: 11 is outside",
                () -> world.unpack(packed, 11, new int[1]));
        fails(IllegalArgumentException.class, "packed: 3 x MPI_INT32_T pack to 12 bytes, but the packed buffer has 8"
                + " from position 2", () -> world.pack(new int[3], packed, 2));
        fails(IllegalArgumentException.class, "packed: 2 x MPI_DOUBLE unpack from 16 bytes, but the packed buffer has 10",
                () -> world.unpack(packed, 0, new double[2]));
        fails(NullPointerException.class, "buf", () -> world.pack(null, packed, 0));
        fails(NullPointerException.class, "packed", () -> world.pack(new int[1], (byte[]) null, 0));
        fails(NullPointerException.class, "packed", () -> world.unpack((MemorySegment) null, 0, new int[1]));
        fails(IllegalArgumentException.class, "packed", () -> world.pack(new int[1],
                MemorySegment.ofArray(new byte[8]).asReadOnly(), 0));
        fails(IllegalArgumentException.class, "buf", () -> world.unpack(packed, 0,
                Buf.of(MemorySegment.ofArray(new int[1]).asReadOnly(), Datatype.INT32)));
        fails(IllegalArgumentException.class, "count: must not be negative", () -> world.packSize(-1, Datatype.INT));
        fails(NullPointerException.class, "type", () -> world.packSize(1, null));
        Datatype closed = Datatype.contiguous(2, Datatype.INT);
        closed.close();
        fails(IllegalStateException.class, "freed", () -> world.packSize(1, closed));
        fails(IllegalStateException.class, "freed", () -> world.pack(Buf.of(new int[2], 0, 1, closed), packed, 0));
        // nothing was written by the refused calls
        assertArrayEquals(new byte[10], packed);
        assertEquals(0, world.pack(new int[0], packed, 0));
        assertEquals(10, world.pack(new int[0], packed, 10));
    }
}
