package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived datatypes: geometry, data placement between ranks, lifetimes and argument checks. */
class DatatypeTest {
    /** {int id; 4 bytes padding; double x; long[3] v}: 36 bytes of data, extent 40. */
    private static final StructLayout RECORD = structLayout(
            JAVA_INT.withName("id"), paddingLayout(4), JAVA_DOUBLE.withName("x"),
            sequenceLayout(3, JAVA_LONG).withName("v"));
    /** {float f; char c; 2 bytes padding}. */
    private static final StructLayout INNER = structLayout(
            JAVA_FLOAT.withName("f"), JAVA_CHAR.withName("c"), paddingLayout(2));
    /** Leading, inner and trailing padding around a nested sequence of structs. */
    private static final StructLayout NESTED = structLayout(
            paddingLayout(8), JAVA_SHORT.withName("s"), paddingLayout(2),
            sequenceLayout(2, INNER).withName("in"), JAVA_BYTE.withName("b"),
            JAVA_BOOLEAN.withName("ok"), paddingLayout(2));

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int prev(Comm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    private static MemorySegment ints(Arena arena, int n, int base) {
        MemorySegment s = arena.allocate(JAVA_INT, n);
        for (int i = 0; i < n; i++) {
            s.setAtIndex(JAVA_INT, i, base + i);
        }
        return s;
    }

    @MpiTest
    void vectorSendsAColumnOfARowMajorMatrix() {
        Comm world = TestMpi.world();
        int rows = 6;
        int cols = 5;
        try (Arena arena = Arena.ofConfined();
             Datatype column = Datatype.vector(rows, 1, cols, Datatype.DOUBLE)) {
            assertEquals(rows * 8L, column.size());
            assertEquals(((rows - 1) * cols + 1) * 8L, column.extent());
            MemorySegment out = arena.allocate(JAVA_DOUBLE, rows * cols);
            MemorySegment in = arena.allocate(JAVA_DOUBLE, rows * cols);
            for (int p = 0; p < rows * cols; p++) {
                out.setAtIndex(JAVA_DOUBLE, p, world.rank() * 1000 + p);
                in.setAtIndex(JAVA_DOUBLE, p, -1);
            }
            int sendCol = world.rank() % cols;
            int recvCol = (world.rank() + 2) % cols;
            Status st = world.sendrecv(out.asSlice(sendCol * 8L, column.extent()), column, next(world), 3,
                    in.asSlice(recvCol * 8L, column.extent()), column, prev(world), 3);
            assertEquals(1, st.count(column));
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double want = j == recvCol ? prev(world) * 1000 + i * cols + prev(world) % cols : -1;
                    assertEquals(want, in.getAtIndex(JAVA_DOUBLE, i * cols + j), "element " + i + "," + j);
                }
            }
        }
    }

    @MpiTest
    void indexedLeavesTheHolesOfTheReceiverUntouched() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined();
             Datatype t = Datatype.indexed(new int[] {2, 1, 3}, new int[] {0, 4, 7}, Datatype.INT)) {
            assertEquals(24, t.size());
            assertEquals(40, t.extent());
            MemorySegment out = ints(arena, 20, world.rank() * 100);
            MemorySegment in = arena.allocate(JAVA_INT, 20).fill((byte) -1);
            world.sendrecv(out, t, next(world), 4, in, t, prev(world), 4);
            boolean[] data = new boolean[10];
            for (int i : new int[] {0, 1, 4, 7, 8, 9}) {
                data[i] = true;
            }
            for (int i = 0; i < 20; i++) {
                int want = data[i % 10] ? prev(world) * 100 + i : -1;
                assertEquals(want, in.getAtIndex(JAVA_INT, i), "int " + i);
            }
        }
    }

    @MpiTest
    void structFromLayoutSendsRecordsWithPaddingUntouched() {
        Comm world = TestMpi.world();
        int n = 7;
        long x = RECORD.byteOffset(groupElement("x"));
        long v = RECORD.byteOffset(groupElement("v"));
        try (Arena arena = Arena.ofConfined(); Datatype rec = Datatype.of(RECORD)) {
            assertEquals(36, rec.size());
            assertEquals(40, rec.extent());
            assertEquals(0, rec.lowerBound());
            MemorySegment out = arena.allocate(RECORD, n).fill((byte) 0x11);
            for (int k = 0; k < n; k++) {
                MemorySegment r = out.asSlice(k * RECORD.byteSize(), RECORD);
                r.set(JAVA_INT, 0, world.rank() * 100 + k);
                r.set(JAVA_DOUBLE, x, k + 0.5);
                r.setAtIndex(JAVA_LONG, v / 8, k);
                r.setAtIndex(JAVA_LONG, v / 8 + 1, -k);
                r.setAtIndex(JAVA_LONG, v / 8 + 2, Long.MAX_VALUE - world.rank());
            }
            MemorySegment in = arena.allocate(RECORD, n).fill((byte) 0x5A);
            Status st = world.sendrecv(out, rec, next(world), 5, in, rec, prev(world), 5);
            assertEquals(n, st.count(rec));
            int p = prev(world);
            for (int k = 0; k < n; k++) {
                MemorySegment r = in.asSlice(k * RECORD.byteSize(), RECORD);
                assertEquals(p * 100 + k, r.get(JAVA_INT, 0));
                assertEquals(0x5A5A5A5A, r.get(JAVA_INT, 4), "padding of record " + k);
                assertEquals(k + 0.5, r.get(JAVA_DOUBLE, x));
                assertEquals(k, r.getAtIndex(JAVA_LONG, v / 8));
                assertEquals(-k, r.getAtIndex(JAVA_LONG, v / 8 + 1));
                assertEquals(Long.MAX_VALUE - p, r.getAtIndex(JAVA_LONG, v / 8 + 2));
            }
            MemorySegment all = arena.allocate(RECORD, n).fill((byte) 0x5A);
            if (world.rank() == 0) {
                all.copyFrom(out);
            }
            world.bcast(all, rec, 0);
            for (int k = 0; k < n; k++) {
                assertEquals(k, all.get(JAVA_INT, k * RECORD.byteSize()));
                assertEquals(world.rank() == 0 ? 0x11111111 : 0x5A5A5A5A,
                        all.get(JAVA_INT, k * RECORD.byteSize() + 4));
            }
        }
    }

    /** Marks the bytes of {@code layout} at {@code base} that hold values. */
    private static void dataBytes(MemoryLayout layout, long base, boolean[] mask) {
        switch (layout) {
            case ValueLayout val -> {
                for (long b = 0; b < val.byteSize(); b++) {
                    mask[(int) (base + b)] = true;
                }
            }
            case SequenceLayout s -> {
                for (long i = 0; i < s.elementCount(); i++) {
                    dataBytes(s.elementLayout(), base + i * s.elementLayout().byteSize(), mask);
                }
            }
            case StructLayout s -> {
                long offset = base;
                for (MemoryLayout m : s.memberLayouts()) {
                    dataBytes(m, offset, mask);
                    offset += m.byteSize();
                }
            }
            case PaddingLayout pad -> {
            }
            case UnionLayout u -> throw new AssertionError(u);
        }
    }

    @MpiTest
    void nestedLayoutWithLeadingAndTrailingPaddingRoundTrips() {
        Comm world = TestMpi.world();
        int n = 5;
        long size = NESTED.byteSize();
        try (Arena arena = Arena.ofConfined(); Datatype t = Datatype.of(NESTED)) {
            assertEquals(32, size);
            assertEquals(16, t.size());
            assertEquals(size, t.extent());
            assertEquals(0, t.lowerBound());
            assertEquals(8, t.trueLowerBound());
            assertEquals(22, t.trueExtent());
            MemorySegment out = arena.allocate(NESTED, n);
            for (long b = 0; b < out.byteSize(); b++) {
                out.set(JAVA_BYTE, b, (byte) (b * 7 + world.rank()));
            }
            long ok = NESTED.byteOffset(groupElement("ok"));
            for (int k = 0; k < n; k++) {
                out.set(JAVA_BOOLEAN, k * size + ok, k % 2 == 0);
            }
            MemorySegment in = arena.allocate(NESTED, n).fill((byte) 0x5A);
            world.sendrecv(out, t, next(world), 6, in, t, prev(world), 6);
            boolean[] mask = new boolean[(int) size];
            dataBytes(NESTED, 0, mask);
            for (long b = 0; b < in.byteSize(); b++) {
                byte want = (byte) (b % size == ok ? (b / size % 2 == 0 ? 1 : 0)
                        : mask[(int) (b % size)] ? b * 7 + prev(world) : 0x5A);
                assertEquals(want, in.get(JAVA_BYTE, b), "byte " + b);
            }
        }
    }

    private static void subarrayRoundTrip(Datatype.Order order, int[] picked) {
        Comm world = TestMpi.world();
        int[] sizes = {6, 5};
        try (Arena arena = Arena.ofConfined();
             Datatype sub = Datatype.subarray(sizes, new int[] {2, 3}, new int[] {1, 2}, order, Datatype.INT)) {
            assertEquals(24, sub.size());
            assertEquals(120, sub.extent());
            MemorySegment grid = ints(arena, 30, world.rank() * 1000);
            MemorySegment packed = arena.allocate(JAVA_INT, 6);
            world.sendrecv(grid, sub, next(world), 7, packed, Datatype.INT, prev(world), 7);
            for (int k = 0; k < picked.length; k++) {
                assertEquals(prev(world) * 1000 + picked[k], packed.getAtIndex(JAVA_INT, k), "element " + k);
            }
            MemorySegment placed = arena.allocate(JAVA_INT, 30).fill((byte) -1);
            world.sendrecv(packed, Datatype.INT, next(world), 8, placed, sub, prev(world), 8);
            int from = (world.rank() - 2 + 2 * world.size()) % world.size();
            for (int p = 0, k = 0; p < 30; p++) {
                boolean in = k < picked.length && picked[k] == p;
                assertEquals(in ? from * 1000 + p : -1, placed.getAtIndex(JAVA_INT, p), "offset " + p);
                k += in ? 1 : 0;
            }
        }
    }

    @MpiTest
    void subarrayOfAGridInCOrder() {
        subarrayRoundTrip(Datatype.Order.C, new int[] {7, 8, 9, 12, 13, 14});
    }

    @MpiTest
    void subarrayOfAGridInFortranOrder() {
        subarrayRoundTrip(Datatype.Order.FORTRAN, new int[] {13, 14, 19, 20, 25, 26});
    }

    @MpiTest
    void resizedExtentSetsTheStrideOfCount() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined(); Datatype every3rd = Datatype.resized(0, 12, Datatype.INT)) {
            assertEquals(4, every3rd.size());
            assertEquals(12, every3rd.extent());
            MemorySegment out = ints(arena, 12, world.rank() * 100);
            MemorySegment in = arena.allocate(JAVA_INT, 4);
            Status st = world.sendrecv(out, every3rd, next(world), 9, in, Datatype.INT, prev(world), 9);
            assertEquals(4, st.count(Datatype.INT));
            for (int k = 0; k < 4; k++) {
                assertEquals(prev(world) * 100 + 3 * k, in.getAtIndex(JAVA_INT, k));
            }
            MemorySegment spread = arena.allocate(JAVA_INT, 12).fill((byte) -1);
            world.sendrecv(ints(arena, 4, world.rank() * 100), Datatype.INT, next(world), 11,
                    spread, every3rd, prev(world), 11);
            for (int i = 0; i < 12; i++) {
                assertEquals(i % 3 == 0 ? prev(world) * 100 + i / 3 : -1, spread.getAtIndex(JAVA_INT, i), "int " + i);
            }
        }
    }

    @MpiTest
    void hvectorHindexedAndBlockVariantsPickTheirElements() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined();
             Datatype hvec = Datatype.hvector(3, 2, 12, Datatype.INT);
             Datatype hidx = Datatype.hindexed(new int[] {2, 1}, new long[] {0, 16}, Datatype.INT);
             Datatype hblk = Datatype.hindexedBlock(2, new long[] {8, 0, 20}, Datatype.INT);
             Datatype iblk = Datatype.indexedBlock(1, new int[] {4, 0, 2}, Datatype.INT)) {
            check(world, arena, hvec, 32, new int[] {0, 1, 3, 4, 6, 7});
            check(world, arena, hidx, 20, new int[] {0, 1, 4});
            check(world, arena, hblk, 28, new int[] {2, 3, 0, 1, 5, 6});
            check(world, arena, iblk, 20, new int[] {4, 0, 2});
        }
    }

    /** Sends one {@code type} to the next rank; the receiver gets the ints at {@code picked}, in order. */
    private static void check(Comm world, Arena arena, Datatype type, long extent, int[] picked) {
        assertEquals(extent, type.extent(), type.toString());
        assertEquals(picked.length * 4L, type.size(), type.toString());
        MemorySegment out = ints(arena, (int) (extent / 4), world.rank() * 100);
        MemorySegment in = arena.allocate(JAVA_INT, picked.length);
        world.sendrecv(out, type, next(world), 10, in, Datatype.INT, prev(world), 10);
        for (int k = 0; k < picked.length; k++) {
            assertEquals(prev(world) * 100 + picked[k], in.getAtIndex(JAVA_INT, k), type + " element " + k);
        }
    }

    @MpiTest(np = 1)
    void geometryAndNamesOfDerivedTypes() {
        TestMpi.mpi();
        try (Datatype c = Datatype.contiguous(3, Datatype.INT);
             Datatype v = Datatype.vector(3, 2, 4, Datatype.DOUBLE);
             Datatype d = v.dup();
             Datatype r = Datatype.resized(-8, 32, Datatype.DOUBLE);
             Datatype s = Datatype.struct(new int[] {1, 2}, new long[] {0, 8}, new Datatype[] {Datatype.INT, d});
             Datatype i = Datatype.of(JAVA_INT);
             Datatype a = Datatype.of(ADDRESS);
             Datatype e = Datatype.of(sequenceLayout(0, JAVA_INT))) {
            assertEquals(12, c.size());
            assertEquals(12, c.extent());
            assertEquals(48, v.size());
            assertEquals(80, v.extent());
            assertEquals(v.size(), d.size());
            assertEquals(v.extent(), d.extent());
            assertEquals(8, r.size());
            assertEquals(-8, r.lowerBound());
            assertEquals(32, r.extent());
            assertEquals(0, r.trueLowerBound());
            assertEquals(8, r.trueExtent());
            assertEquals(4 + 2 * 48, s.size());
            assertEquals(8 + 2 * 80, s.extent());
            assertEquals(4, i.size());
            assertFalse(i.isPredefined());
            assertEquals(8, a.size());
            assertEquals(0, e.size());
            assertEquals(0, e.extent());
            assertTrue(v.toString().contains("vector") && v.toString().contains("MPI_DOUBLE"), v.toString());
            assertTrue(d.toString().startsWith("dup(vector"), d.toString());
            assertTrue(s.toString().contains("MPI_INT"), s.toString());
        }
    }

    @MpiTest(np = 1)
    void typesReachingOutsideTheirExtentAreBoundedByTheirTrueExtent() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined();
             Datatype three = Datatype.contiguous(3, Datatype.INT);
             Datatype overlapping = Datatype.resized(0, 4, three)) {
            MemorySegment twelve = arena.allocate(JAVA_INT, 3);
            // 2 elements: 2 x extent = 8 bytes, but the second element's data ends at byte 16
            fails(IllegalArgumentException.class, "touch bytes [0, 16)",
                    () -> world.send(twelve, 2, overlapping, 0, 0));
            fails(IllegalArgumentException.class, "buf",
                    () -> world.recv(twelve, 2, overlapping, 0, 0, null));
            MemorySegment sixteen = arena.allocate(JAVA_INT, 4);
            MemorySegment in = arena.allocate(JAVA_INT, 6);
            for (int i = 0; i < 4; i++) {
                sixteen.setAtIndex(JAVA_INT, i, 10 + i);
            }
            world.send(sixteen, 2, overlapping, 0, 2);
            world.recv(in, 6, Datatype.INT, 0, 2, null);
            assertEquals(10, in.getAtIndex(JAVA_INT, 0));
            assertEquals(12, in.getAtIndex(JAVA_INT, 2));
            assertEquals(11, in.getAtIndex(JAVA_INT, 3));
            assertEquals(13, in.getAtIndex(JAVA_INT, 5));
        }
    }

    @MpiTest(np = 1)
    void closeIsIdempotentAndUseAfterCloseIsRefused() {
        Comm world = TestMpi.world();
        Datatype v = Datatype.vector(2, 1, 2, Datatype.INT);
        Datatype pair = Datatype.contiguous(2, v);
        v.close();
        v.close();
        fails(IllegalStateException.class, "has been freed", v::size);
        fails(IllegalStateException.class, "has been freed", v::extent);
        fails(IllegalStateException.class, "old", () -> Datatype.contiguous(2, v));
        fails(IllegalStateException.class, "old", () -> Datatype.resized(0, 8, v));
        fails(IllegalStateException.class, "this", v::dup);
        fails(IllegalStateException.class, "types[1]",
                () -> Datatype.struct(new int[] {1, 1}, new long[] {0, 8}, new Datatype[] {Datatype.INT, v}));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = ints(arena, 6, 0);
            MemorySegment in = arena.allocate(JAVA_INT, 4);
            fails(IllegalStateException.class, "has been freed", () -> world.send(out, 1, v, 0, 0));
            world.sendrecv(out, pair, 0, 1, in, Datatype.INT, 0, 1);
            for (int k = 0; k < 4; k++) {
                assertEquals(new int[] {0, 2, 3, 5}[k], in.getAtIndex(JAVA_INT, k), "int " + k);
            }
        }
        pair.close();
        pair.close();
        Datatype.INT.close();
        assertEquals(4, Datatype.INT.size());
    }

    @Test
    void badArgumentsAreRefusedBeforeMpiIsNeeded() {
        Datatype i = Datatype.INT;
        fails(IllegalArgumentException.class, "count", () -> Datatype.contiguous(-1, i));
        fails(NullPointerException.class, "old", () -> Datatype.contiguous(1, null));
        fails(IllegalArgumentException.class, "count", () -> Datatype.vector(-2, 1, 3, i));
        fails(IllegalArgumentException.class, "blockLength", () -> Datatype.vector(2, -1, 3, i));
        fails(IllegalArgumentException.class, "blockLength", () -> Datatype.hvector(2, -1, 8, i));
        fails(NullPointerException.class, "old", () -> Datatype.hvector(2, 1, 8, null));
        fails(IllegalArgumentException.class, "displacements",
                () -> Datatype.indexed(new int[] {1, 2}, new int[] {0}, i));
        fails(IllegalArgumentException.class, "blockLengths[1]",
                () -> Datatype.indexed(new int[] {1, -2}, new int[] {0, 4}, i));
        fails(NullPointerException.class, "blockLengths", () -> Datatype.indexed(null, new int[0], i));
        fails(IllegalArgumentException.class, "byteDisplacements",
                () -> Datatype.hindexed(new int[] {1}, new long[] {0, 8}, i));
        fails(IllegalArgumentException.class, "blockLength", () -> Datatype.indexedBlock(-1, new int[] {0}, i));
        fails(NullPointerException.class, "displacements", () -> Datatype.indexedBlock(1, null, i));
        fails(NullPointerException.class, "byteDisplacements", () -> Datatype.hindexedBlock(1, null, i));
        fails(IllegalArgumentException.class, "types",
                () -> Datatype.struct(new int[] {1, 1}, new long[] {0, 8}, new Datatype[] {i}));
        fails(NullPointerException.class, "types[1]",
                () -> Datatype.struct(new int[] {1, 1}, new long[] {0, 8}, new Datatype[] {i, null}));
        fails(IllegalArgumentException.class, "byteDisplacements",
                () -> Datatype.struct(new int[] {1, 1}, new long[] {0}, new Datatype[] {i, i}));
        fails(NullPointerException.class, "old", () -> Datatype.resized(0, 8, null));
        fails(IllegalStateException.class, "MPI is not initialized", () -> Datatype.contiguous(2, i));
    }

    @Test
    void badSubarraysAreRefusedBeforeMpiIsNeeded() {
        Datatype i = Datatype.INT;
        Datatype.Order c = Datatype.Order.C;
        fails(IllegalArgumentException.class, "subsizes[1]",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {2, 5}, new int[] {0, 0}, c, i));
        fails(IllegalArgumentException.class, "subsizes[0]",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {0, 2}, new int[] {0, 0}, c, i));
        fails(IllegalArgumentException.class, "starts[0]",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {2, 2}, new int[] {3, 0}, c, i));
        fails(IllegalArgumentException.class, "starts[1]",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {2, 2}, new int[] {0, -1}, c, i));
        fails(IllegalArgumentException.class, "subsizes",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {2}, new int[] {0, 0}, c, i));
        fails(IllegalArgumentException.class, "starts",
                () -> Datatype.subarray(new int[] {4, 4}, new int[] {2, 2}, new int[] {0}, c, i));
        fails(IllegalArgumentException.class, "sizes[1]",
                () -> Datatype.subarray(new int[] {4, 0}, new int[] {2, 1}, new int[] {0, 0}, c, i));
        fails(IllegalArgumentException.class, "sizes",
                () -> Datatype.subarray(new int[0], new int[0], new int[0], c, i));
        fails(NullPointerException.class, "order",
                () -> Datatype.subarray(new int[] {4}, new int[] {2}, new int[] {0}, null, i));
        fails(NullPointerException.class, "starts",
                () -> Datatype.subarray(new int[] {4}, new int[] {2}, null, c, i));
    }

    /** MPI_Type_get_name and MPI_Type_set_name; toString keeps describing how a type was built. */
    @MpiTest
    void namesAreMpisOwn() {
        Comm world = TestMpi.world();
        assertEquals("MPI_INT", Datatype.INT.name());
        assertEquals("MPI_INT8_T", Datatype.INT8.name());
        assertEquals("MPI_DOUBLE", Datatype.DOUBLE.name());
        assertEquals("MPI_2INT", Datatype.INT_2.name());
        int max = org.jmpi.bindings.abi.MpiCalls.MPI_MAX_OBJECT_NAME() - 1;
        try (Datatype pair = Datatype.contiguous(2, Datatype.INT32)) {
            assertEquals("", pair.name(), "a derived type has no name until it is given one");
            pair.name("pair of rank " + world.rank());
            assertEquals("pair of rank " + world.rank(), pair.name());
            assertEquals("contiguous(2 x MPI_INT32_T)", pair.toString());
            pair.name("\u00e9t\u00e9");
            assertEquals("\u00e9t\u00e9", pair.name());
            pair.name("n".repeat(max));
            assertEquals("n".repeat(max), pair.name());
            fails(IllegalArgumentException.class, "name: " + (max + 1) + " UTF-8 bytes",
                    () -> pair.name("\u00e9".repeat((max + 2) / 2)));
            fails(IllegalArgumentException.class, "name: contains a NUL", () -> pair.name("a\0b"));
            fails(NullPointerException.class, "name", () -> pair.name(null));
            assertEquals("n".repeat(max), pair.name(), "refused names leave the name alone");
        }
        Datatype closed = Datatype.vector(2, 1, 2, Datatype.INT32);
        closed.close();
        fails(IllegalStateException.class, "freed", closed::name);
        fails(IllegalStateException.class, "freed", () -> closed.name("x"));
    }

    @Test
    void layoutsWithoutADatatypeAreRefused() {
        ByteOrder other = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        fails(NullPointerException.class, "layout", () -> Datatype.of(null));
        fails(IllegalArgumentException.class, "union", () -> Datatype.of(unionLayout(JAVA_INT, JAVA_FLOAT)));
        fails(IllegalArgumentException.class, "layout.u",
                () -> Datatype.of(structLayout(JAVA_INT, unionLayout(JAVA_INT, JAVA_FLOAT).withName("u"))));
        fails(IllegalArgumentException.class, "layout[].#1",
                () -> Datatype.of(sequenceLayout(2, structLayout(JAVA_LONG, unionLayout(JAVA_INT, JAVA_LONG)))));
        fails(IllegalArgumentException.class, "layout.id: value layout",
                () -> Datatype.of(structLayout(JAVA_INT.withOrder(other).withName("id"))));
        fails(IllegalArgumentException.class, "byte order", () -> Datatype.of(JAVA_DOUBLE.withOrder(other)));
    }
}
