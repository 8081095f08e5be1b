package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predefined and user-defined reduction ops, checked by the values every rank ends with. */
class ReductionOpTest {

    /** Rank r's int operand i for the arithmetic ops. */
    private static int intOperand(int r, int i) {
        return switch (i) {
            case 0 -> 3 * r - 5;
            case 1 -> 7 - r * r;
            case 2 -> r + 1;
            default -> (r % 2 == 0 ? -1 : 1) * (r + 2);
        };
    }

    @MpiTest
    void arithmeticOpsOnIntLongAndDouble() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int root = n - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_INT, 4);
            for (int i = 0; i < 4; i++) {
                send.setAtIndex(JAVA_INT, i, intOperand(me, i));
            }
            MemorySegment recv = arena.allocate(JAVA_INT, 4);
            for (Op op : new Op[] {Op.MAX, Op.MIN, Op.SUM, Op.PROD}) {
                int[] expected = new int[4];
                for (int i = 0; i < 4; i++) {
                    int acc = intOperand(0, i);
                    for (int r = 1; r < n; r++) {
                        int v = intOperand(r, i);
                        acc = op == Op.MAX ? Math.max(acc, v) : op == Op.MIN ? Math.min(acc, v)
                                : op == Op.SUM ? acc + v : acc * v;
                    }
                    expected[i] = acc;
                }
                world.allreduce(send, recv, Datatype.INT, op);
                assertArrayEquals(expected, recv.toArray(JAVA_INT), "allreduce " + op);
                recv.fill((byte) 0);
                world.reduce(send, me == root ? recv : null, Datatype.INT, op, root);
                if (me == root) {
                    assertArrayEquals(expected, recv.toArray(JAVA_INT), "reduce " + op);
                }
            }
            // 64-bit: values beyond int range, products of halves exact in binary.
            MemorySegment longs = arena.allocate(JAVA_LONG, 2);
            longs.setAtIndex(JAVA_LONG, 0, (1L << 40) * (me + 1));
            longs.setAtIndex(JAVA_LONG, 1, -(1L << 35) + me);
            world.allreduce(longs, Datatype.INT64, Op.SUM);
            assertEquals((1L << 40) * n * (n + 1) / 2, longs.getAtIndex(JAVA_LONG, 0));
            assertEquals(-(1L << 35) * n + (long) n * (n - 1) / 2, longs.getAtIndex(JAVA_LONG, 1));
            double[] d = {0.5 * (me + 1), -me - 0.25, me * 0.125};
            double[] max = new double[3];
            world.allreduce(d, max, Op.MAX);
            assertArrayEquals(new double[] {0.5 * n, -0.25, (n - 1) * 0.125}, max);
            double[] min = new double[3];
            world.allreduce(d, min, Op.MIN);
            assertArrayEquals(new double[] {0.5, -n + 1 - 0.25, 0}, min);
            double[] prod = {0.5 * (me + 1)};
            world.allreduce(prod, Op.PROD);
            double fact = 1;
            for (int r = 1; r <= n; r++) {
                fact *= 0.5 * r;
            }
            assertEquals(fact, prod[0]);
        }
    }

    @MpiTest
    void logicalOpsOnIntAndBool() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        // element 0: true everywhere; 1: true except on rank 0; 2: true on even ranks; 3: false everywhere
        int[] mine = {-(me + 1), me * 5, me % 2 == 0 ? 7 : 0, 0};
        boolean[][] truth = new boolean[4][n];
        for (int r = 0; r < n; r++) {
            truth[0][r] = true;
            truth[1][r] = r != 0;
            truth[2][r] = r % 2 == 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocateFrom(JAVA_INT, mine);
            MemorySegment recv = arena.allocate(JAVA_INT, 4);
            MemorySegment bools = arena.allocate(JAVA_BYTE, 4);
            MemorySegment boolsOut = arena.allocate(JAVA_BYTE, 4);
            for (int i = 0; i < 4; i++) {
                bools.set(JAVA_BYTE, i, (byte) (mine[i] != 0 ? 1 : 0));
            }
            for (Op op : new Op[] {Op.LAND, Op.LOR, Op.LXOR}) {
                int[] expected = new int[4];
                for (int i = 0; i < 4; i++) {
                    boolean acc = truth[i][0];
                    for (int r = 1; r < n; r++) {
                        acc = op == Op.LAND ? acc && truth[i][r] : op == Op.LOR ? acc || truth[i][r]
                                : acc ^ truth[i][r];
                    }
                    expected[i] = acc ? 1 : 0;
                }
                world.allreduce(send, recv, Datatype.INT, op);
                for (int i = 0; i < 4; i++) {
                    // a logical op leaves 0 or 1; at np=1 MPI copies the operand unchanged
                    assertEquals(expected[i] != 0, recv.getAtIndex(JAVA_INT, i) != 0, op + " int element " + i);
                    if (n > 1) {
                        assertEquals(expected[i], recv.getAtIndex(JAVA_INT, i), op + " int element " + i);
                    }
                }
                world.reduce(bools, me == 0 ? boolsOut : null, Datatype.C_BOOL, op, 0);
                if (me == 0) {
                    for (int i = 0; i < 4; i++) {
                        assertEquals(expected[i], boolsOut.get(JAVA_BYTE, i), op + " C_BOOL element " + i);
                    }
                }
            }
        }
    }

    @MpiTest
    void bitwiseOpsOnInt64AndUint8() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        long word = 0xF0F0_0000_0000_000FL | (1L << (8 + me)) | ((long) me << 20);
        byte b = (byte) (0x81 | (1 << (1 + me)));
        long and = -1;
        long or = 0;
        long xor = 0;
        int band = 0xFF;
        int bor = 0;
        int bxor = 0;
        for (int r = 0; r < n; r++) {
            long w = 0xF0F0_0000_0000_000FL | (1L << (8 + r)) | ((long) r << 20);
            int v = (0x81 | (1 << (1 + r))) & 0xFF;
            and &= w;
            or |= w;
            xor ^= w;
            band &= v;
            bor |= v;
            bxor ^= v;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_LONG);
            send.set(JAVA_LONG, 0, word);
            MemorySegment recv = arena.allocate(JAVA_LONG);
            world.allreduce(send, recv, Datatype.INT64, Op.BAND);
            assertEquals(and, recv.get(JAVA_LONG, 0));
            world.allreduce(send, recv, Datatype.INT64, Op.BOR);
            assertEquals(or, recv.get(JAVA_LONG, 0));
            world.allreduce(send, recv, Datatype.INT64, Op.BXOR);
            assertEquals(xor, recv.get(JAVA_LONG, 0));
            MemorySegment bytes = arena.allocate(JAVA_BYTE, 3);
            bytes.fill(b);
            MemorySegment out = arena.allocate(JAVA_BYTE, 3);
            Op[] ops = {Op.BAND, Op.BOR, Op.BXOR};
            int[] expected = {band, bor, bxor};
            for (int k = 0; k < 3; k++) {
                world.reduce(bytes, me == 0 ? out : null, Datatype.UINT8, ops[k], 0);
                if (me == 0) {
                    for (int i = 0; i < 3; i++) {
                        assertEquals(expected[k], out.get(JAVA_BYTE, i) & 0xFF, ops[k] + " element " + i);
                    }
                }
            }
        }
    }

    /** A MINLOC/MAXLOC pair type: its C struct layout and how to write and read its value. */
    private record Pair(Datatype type, ValueLayout value, long extent, long indexOffset) {
        void set(MemorySegment seg, long element, int v, int index) {
            long at = element * extent;
            switch (value) {
                case ValueLayout.OfDouble l -> seg.set(l, at, v);
                case ValueLayout.OfFloat l -> seg.set(l, at, v);
                case ValueLayout.OfLong l -> seg.set(l, at, v);
                case ValueLayout.OfShort l -> seg.set(l, at, (short) v);
                case ValueLayout.OfInt l -> seg.set(l, at, v);
                default -> throw new AssertionError(value);
            }
            seg.set(JAVA_INT, at + indexOffset, index);
        }

        long value(MemorySegment seg, long element) {
            long at = element * extent;
            return switch (value) {
                case ValueLayout.OfDouble l -> (long) seg.get(l, at);
                case ValueLayout.OfFloat l -> (long) seg.get(l, at);
                case ValueLayout.OfLong l -> seg.get(l, at);
                case ValueLayout.OfShort l -> seg.get(l, at);
                case ValueLayout.OfInt l -> seg.get(l, at);
                default -> throw new AssertionError(value);
            };
        }

        int index(MemorySegment seg, long element) {
            return seg.get(JAVA_INT, element * extent + indexOffset);
        }
    }

    /** Rank r's value in element e of the MINLOC/MAXLOC test: ties in elements 0, 1 and 3. */
    private static int locValue(int r, int e) {
        return switch (e) {
            case 0 -> r % 2;          // min 0 at ranks 0, 2; max 1 at ranks 1, 3
            case 1 -> 42;             // all equal: lowest index for both
            case 2 -> 10 - 3 * r;     // unique: min at the last rank, max at rank 0
            default -> r == 0 ? -7 : Math.min(r, 2) * 5 - 3; // 2 and 7 tie at ranks 2, 3
        };
    }

    @MpiTest
    void minlocAndMaxlocOnEveryPairType() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        Pair[] pairs = {
            new Pair(Datatype.DOUBLE_INT, JAVA_DOUBLE, 16, 8),
            new Pair(Datatype.INT_2, JAVA_INT, 8, 4),
            new Pair(Datatype.LONG_INT, JAVA_LONG, 16, 8),
            new Pair(Datatype.FLOAT_INT, JAVA_FLOAT, 8, 4),
            new Pair(Datatype.SHORT_INT, JAVA_SHORT, 8, 4),
        };
        int elements = 4;
        try (Arena arena = Arena.ofConfined()) {
            for (Pair p : pairs) {
                assertEquals(p.extent(), p.type().extent(), p.type() + " extent");
                MemorySegment send = arena.allocate(p.extent() * elements, 8);
                for (int e = 0; e < elements; e++) {
                    p.set(send, e, locValue(me, e), 100 + me);
                }
                MemorySegment recv = arena.allocate(p.extent() * elements, 8);
                for (Op op : new Op[] {Op.MINLOC, Op.MAXLOC}) {
                    recv.fill((byte) 0);
                    if (op == Op.MINLOC) {
                        world.allreduce(send, recv, p.type(), op);
                    } else {
                        world.reduce(send, me == 0 ? recv : null, p.type(), op, 0);
                        if (me != 0) {
                            continue;
                        }
                    }
                    for (int e = 0; e < elements; e++) {
                        int best = locValue(0, e);
                        int at = 0;
                        for (int r = 1; r < n; r++) {
                            int v = locValue(r, e);
                            if (op == Op.MINLOC ? v < best : v > best) {
                                best = v;
                                at = r;
                            }
                        }
                        String what = op + " " + p.type() + " element " + e;
                        assertEquals(best, p.value(recv, e), what + " value");
                        assertEquals(100 + at, p.index(recv, e), what + " index");
                    }
                }
            }
        }
    }

    /** Element with the larger absolute value; on equal magnitudes the larger value (commutative). */
    private static long absMax(long a, long b) {
        long x = Math.abs(a);
        long y = Math.abs(b);
        return x != y ? (x > y ? a : b) : Math.max(a, b);
    }

    private static long absOperand(int r, int i) {
        return switch (i) {
            case 0 -> r % 2 == 0 ? -(r + 3L) : r + 3L;
            case 1 -> r == 1 ? -9 : 9;                  // equal magnitudes: +9 wins
            case 2 -> (long) (r - 2) * (1L << 40);
            default -> -1L - r * r;
        };
    }

    @MpiTest
    void commutativeUserOpAbsMax() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        AtomicReference<Datatype> seenType = new AtomicReference<>();
        AtomicInteger badSizes = new AtomicInteger();
        try (Op op = Op.create((in, inout, count, type) -> {
            seenType.set(type);
            if (in.byteSize() != 8L * count || inout.byteSize() != 8L * count) {
                badSizes.incrementAndGet();
            }
            for (int i = 0; i < count; i++) {
                inout.setAtIndex(JAVA_LONG, i, absMax(in.getAtIndex(JAVA_LONG, i), inout.getAtIndex(JAVA_LONG, i)));
            }
        }, true); Arena arena = Arena.ofConfined()) {
            assertTrue(op.isCommutative());
            assertFalse(op.isPredefined());
            long[] expected = new long[4];
            long[] mine = new long[4];
            for (int i = 0; i < 4; i++) {
                mine[i] = absOperand(me, i);
                expected[i] = absOperand(0, i);
                for (int r = 1; r < n; r++) {
                    expected[i] = absMax(expected[i], absOperand(r, i));
                }
            }
            MemorySegment send = arena.allocateFrom(JAVA_LONG, mine);
            MemorySegment recv = arena.allocate(JAVA_LONG, 4);
            world.allreduce(send, recv, Datatype.INT64, op);
            assertArrayEquals(expected, recv.toArray(JAVA_LONG));
            // Java arrays: the heap path must not use a critical downcall for a user op.
            long[] out = new long[4];
            world.allreduce(mine.clone(), out, op);
            assertArrayEquals(expected, out);
            long[] inPlace = mine.clone();
            world.allreduce(inPlace, op);
            assertArrayEquals(expected, inPlace);
            long[] rooted = new long[4];
            world.reduce(MemorySegment.ofArray(mine), me == n - 1 ? MemorySegment.ofArray(rooted) : null,
                    Datatype.INT64, op, n - 1);
            if (me == n - 1) {
                assertArrayEquals(expected, rooted);
            }
            assertEquals(0, badSizes.get(), "segments sized count * 8");
            if (seenType.get() != null) {
                assertSame(Datatype.INT64, seenType.get());
            }
            if (n > 1) {
                // allreduce combines on every rank of these algorithms at n > 1; check it ran somewhere
                MemorySegment ran = arena.allocate(JAVA_INT);
                ran.set(JAVA_INT, 0, seenType.get() != null ? 1 : 0);
                world.allreduce(ran, Datatype.INT, Op.SUM);
                assertTrue(ran.get(JAVA_INT, 0) > 0, "the user function ran on some rank");
            }
        }
    }

    /** The affine map x -> a x + b of rank r, element e (int arithmetic, wrapping). */
    private static int[] affine(int r, int e) {
        return new int[] {(r % 3) + 2 + e, 5 * r - 3 + 11 * e};
    }

    /** {@code f} then {@code g}: x -> g(f(x)). Associative, not commutative. */
    private static int[] then(int[] f, int[] g) {
        return new int[] {g[0] * f[0], g[0] * f[1] + g[1]};
    }

    /** The composition of ranks from..to-1 in rank order, element e. */
    private static int[] composed(int from, int to, int e) {
        int[] acc = affine(from, e);
        for (int r = from + 1; r < to; r++) {
            acc = then(acc, affine(r, e));
        }
        return acc;
    }

    /** Composes affine maps stored as MPI_2INT pairs {a, b}: inout = in then inout. */
    private static final Op.UserFunction COMPOSE = (in, inout, count, type) -> {
        if (type != Datatype.INT_2) {
            throw new IllegalArgumentException("expected MPI_2INT, got " + type);
        }
        for (int i = 0; i < count; i++) {
            int[] f = {in.getAtIndex(JAVA_INT, 2L * i), in.getAtIndex(JAVA_INT, 2L * i + 1)};
            int[] g = {inout.getAtIndex(JAVA_INT, 2L * i), inout.getAtIndex(JAVA_INT, 2L * i + 1)};
            int[] h = then(f, g);
            inout.setAtIndex(JAVA_INT, 2L * i, h[0]);
            inout.setAtIndex(JAVA_INT, 2L * i + 1, h[1]);
        }
    };

    private static void assertComposed(int from, int to, MemorySegment seg, int elements, String what) {
        for (int e = 0; e < elements; e++) {
            assertArrayEquals(composed(from, to, e),
                    new int[] {seg.getAtIndex(JAVA_INT, 2L * e), seg.getAtIndex(JAVA_INT, 2L * e + 1)},
                    what + " element " + e);
        }
    }

    @MpiTest
    void nonCommutativeUserOpComposesInRankOrder() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int elements = 3;
        if (n > 1) {
            assertFalse(java.util.Arrays.equals(then(affine(0, 0), affine(1, 0)), then(affine(1, 0), affine(0, 0))),
                    "the test maps do not commute");
        }
        try (Op op = Op.create(COMPOSE, false); Arena arena = Arena.ofConfined()) {
            assertFalse(op.isCommutative());
            MemorySegment send = arena.allocate(JAVA_INT, 2L * elements);
            for (int e = 0; e < elements; e++) {
                int[] f = affine(me, e);
                send.setAtIndex(JAVA_INT, 2L * e, f[0]);
                send.setAtIndex(JAVA_INT, 2L * e + 1, f[1]);
            }
            MemorySegment recv = arena.allocate(JAVA_INT, 2L * elements);
            world.allreduce(send, recv, Datatype.INT_2, op);
            assertComposed(0, n, recv, elements, "allreduce");
            MemorySegment inPlace = arena.allocate(JAVA_INT, 2L * elements).copyFrom(send);
            world.allreduce(inPlace, Datatype.INT_2, op);
            assertComposed(0, n, inPlace, elements, "allreduce in place");
            for (int root : new int[] {0, n - 1, n / 2}) {
                recv.fill((byte) 0);
                world.reduce(send, me == root ? recv : null, Datatype.INT_2, op, root);
                if (me == root) {
                    assertComposed(0, n, recv, elements, "reduce to " + root);
                }
            }
            world.scan(send, recv, Datatype.INT_2, op);
            assertComposed(0, me + 1, recv, elements, "scan");
            recv.fill((byte) 0);
            world.exscan(send, recv, Datatype.INT_2, op);
            if (me > 0) {
                assertComposed(0, me, recv, elements, "exscan");
            }
        }
    }

    @MpiTest
    void nonCommutativeUserOpOnDerivedType() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        // 2x2 matrices of longs, row-major, one matrix per element of a contiguous(4, INT64) type
        AtomicInteger wrongTypes = new AtomicInteger();
        AtomicInteger badSizes = new AtomicInteger();
        try (Arena arena = Arena.ofConfined();
             Datatype matrix = Datatype.contiguous(4, Datatype.INT64);
             Op op = Op.create((in, inout, count, type) -> {
                 if (type != matrix) {
                     wrongTypes.incrementAndGet();
                 }
                 if (in.byteSize() != 32L * count || inout.byteSize() != 32L * count) {
                     badSizes.incrementAndGet();
                 }
                 for (int m = 0; m < count; m++) {
                     long[] p = multiply(in.asSlice(32L * m, 32).toArray(JAVA_LONG),
                             inout.asSlice(32L * m, 32).toArray(JAVA_LONG));
                     MemorySegment.copy(p, 0, inout, JAVA_LONG, 32L * m, 4);
                 }
             }, false)) {
            assertEquals(32, matrix.extent());
            int count = 2;
            MemorySegment send = arena.allocate(JAVA_LONG, 4L * count);
            for (int m = 0; m < count; m++) {
                MemorySegment.copy(matrixOf(me, m), 0, send, JAVA_LONG, 32L * m, 4);
            }
            MemorySegment recv = arena.allocate(JAVA_LONG, 4L * count);
            world.allreduce(send, recv, matrix, op);
            MemorySegment scanned = arena.allocate(JAVA_LONG, 4L * count);
            world.scan(send, scanned, matrix, op);
            for (int m = 0; m < count; m++) {
                long[] all = matrixOf(0, m);
                long[] prefix = matrixOf(0, m);
                for (int r = 1; r < n; r++) {
                    all = multiply(all, matrixOf(r, m));
                    if (r <= me) {
                        prefix = multiply(prefix, matrixOf(r, m));
                    }
                }
                assertArrayEquals(all, recv.asSlice(32L * m, 32).toArray(JAVA_LONG), "allreduce matrix " + m);
                assertArrayEquals(prefix, scanned.asSlice(32L * m, 32).toArray(JAVA_LONG), "scan matrix " + m);
            }
            assertEquals(0, wrongTypes.get(), "the function gets the derived Datatype itself");
            assertEquals(0, badSizes.get(), "segments sized count * extent");
        }
    }

    private static long[] matrixOf(int r, int m) {
        return new long[] {1 + r + m, 2 - r, r * m + 1, 3 + m};
    }

    private static long[] multiply(long[] x, long[] y) {
        return new long[] {
            x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3],
            x[2] * y[0] + x[3] * y[2], x[2] * y[1] + x[3] * y[3],
        };
    }

    @MpiTest
    void throwingUserOpFailsTheCompletionOfANonblockingReduction() {
        Comm world = TestMpi.world();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<RuntimeException> toThrow = new AtomicReference<>();
        try (Op op = Op.create((in, inout, count, type) -> {
            calls.incrementAndGet();
            RuntimeException t = toThrow.get();
            if (t != null) {
                throw t;
            }
            for (int i = 0; i < count; i++) {
                inout.setAtIndex(JAVA_INT, i, in.getAtIndex(JAVA_INT, i) + inout.getAtIndex(JAVA_INT, i));
            }
        }, true); Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_INT, 2);
            MemorySegment recv = arena.allocate(JAVA_INT, 2);
            send.setAtIndex(JAVA_INT, 1, world.rank());
            RuntimeException boom = new IllegalArgumentException("boom");
            toThrow.set(boom);
            Request r = world.iallreduce(send, recv, Datatype.INT, op);
            Op.UserFunctionException caught = null;
            try {
                r.waitFor();
            } catch (Op.UserFunctionException e) {
                caught = e;
            }
            assertTrue(r.isDone());
            if (calls.get() > 0) {
                assertNotNull(caught, "the function threw during the wait");
                assertSame(boom, caught.getCause());
            } else {
                assertNull(caught);
            }
            toThrow.set(null);
            world.iallreduce(send, recv, Datatype.INT, op).waitFor();
            int n = world.size();
            assertEquals(n * (n - 1) / 2, recv.getAtIndex(JAVA_INT, 1));
        }
    }

    @MpiTest
    void throwingUserOpFailsTheCallAndTheNextWorks() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Throwable> toThrow = new AtomicReference<>();
        try (Op op = Op.create((in, inout, count, type) -> {
            calls.incrementAndGet();
            Throwable t = toThrow.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            for (int i = 0; i < count; i++) {
                inout.setAtIndex(JAVA_INT, i, in.getAtIndex(JAVA_INT, i) + inout.getAtIndex(JAVA_INT, i));
            }
        }, true); Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_INT, 3);
            MemorySegment recv = arena.allocate(JAVA_INT, 3);
            MemorySegment ran = arena.allocate(JAVA_INT);
            Throwable[] failures = {new IllegalStateException("boom on rank " + me), new AssertionError("bad")};
            String[] calls4 = {"allreduce", "reduce", "scan", "int[] allreduce"};
            for (Throwable failure : failures) {
                for (String call : calls4) {
                    toThrow.set(failure);
                    calls.set(0);
                    Op.UserFunctionException caught = null;
                    try {
                        switch (call) {
                            case "allreduce" -> world.allreduce(send, recv, Datatype.INT, op);
                            case "reduce" -> world.reduce(send, me == 0 ? recv : null, Datatype.INT, op, 0);
                            case "scan" -> world.scan(send, recv, Datatype.INT, op);
                            default -> world.allreduce(new int[3], new int[3], op);
                        }
                    } catch (Op.UserFunctionException e) {
                        caught = e;
                    }
                    if (calls.get() > 0) {
                        assertNotNull(caught, call + ": the function ran and threw, so the call must throw");
                        assertSame(failure, caught.getCause(), call);
                        assertTrue(caught.getMessage().contains("user op"), caught.getMessage());
                    } else {
                        assertNull(caught, call + ": the function did not run here");
                    }
                    // Somewhere it ran whenever there is more than one rank.
                    ran.set(JAVA_INT, 0, calls.get() > 0 ? 1 : 0);
                    world.allreduce(ran, Datatype.INT, Op.SUM);
                    if (n > 1) {
                        assertTrue(ran.get(JAVA_INT, 0) > 0, call + ": the function ran on some rank");
                    }
                    // The failure is cleared: the same op now works, with the right data.
                    toThrow.set(null);
                    for (int i = 0; i < 3; i++) {
                        send.setAtIndex(JAVA_INT, i, me * 10 + i);
                    }
                    world.allreduce(send, recv, Datatype.INT, op);
                    for (int i = 0; i < 3; i++) {
                        assertEquals(10 * n * (n - 1) / 2 + n * i, recv.getAtIndex(JAVA_INT, i), call);
                    }
                    // And so does any other collective.
                    world.allreduce(ran, Datatype.INT, Op.SUM);
                }
            }
        }
    }

    @MpiTest
    void closedOpIsRefusedAndCloseIsIdempotent() {
        Comm world = TestMpi.world();
        Op op = Op.create((in, inout, count, type) -> { }, false);
        assertFalse(op.isCommutative());
        op.close();
        op.close();
        assertThrows(IllegalStateException.class, op::isCommutative);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_INT);
            seg.set(JAVA_INT, 0, 4);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> world.allreduce(seg, Datatype.INT, op));
            assertTrue(e.getMessage().contains("freed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> world.allreduce(new int[1], new int[1], op));
            assertThrows(IllegalStateException.class, () -> world.reduce(seg, seg, Datatype.INT, op, 0));
            assertThrows(IllegalStateException.class, () -> world.scan(seg, seg, Datatype.INT, op));
            assertEquals(4, seg.get(JAVA_INT, 0), "a refused call leaves the data alone");
            // Predefined ops ignore close().
            Op.SUM.close();
            assertTrue(Op.SUM.isPredefined());
            assertTrue(Op.SUM.isCommutative());
            world.allreduce(seg, Datatype.INT, Op.SUM);
            assertEquals(4 * world.size(), seg.get(JAVA_INT, 0));
        }
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Op.create(null, true));
        assertEquals("fn", npe.getMessage());
    }
}
