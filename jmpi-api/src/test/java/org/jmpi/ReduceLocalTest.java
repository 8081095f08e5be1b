package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code MPI_Reduce_local} ({@link Op#reduceLocal}): predefined and user ops on arrays,
 * {@code Buf}s and segments, the operand order of a non-commutative op, derived types,
 * agreement with a reduction between processes, and argument checks.
 */
class ReduceLocalTest {

    @MpiTest
    void predefinedOpsCombineArraysBufsAndSegments() {
        TestMpi.mpi();
        int[] in = {1, 2, 3};
        int[] inout = {10, 20, 30};
        Op.SUM.reduceLocal(in, inout);
        assertArrayEquals(new int[] {11, 22, 33}, inout);
        assertArrayEquals(new int[] {1, 2, 3}, in, "in is only read");

        double[] d = {5, -1, 7, 2};
        double[] e = {0, 3, 3, 9};
        Op.MAX.reduceLocal(Buf.of(d, 1, 2), Buf.of(e, 2, 2));
        assertArrayEquals(new double[] {0, 3, 3, 9}, e, "max of {-1, 7} and {3, 9}");

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom(JAVA_INT, 6, 3, 5);
            MemorySegment b = arena.allocateFrom(JAVA_INT, 3, 3, 4, 99);
            Op.BAND.reduceLocal(a, b, Datatype.INT32);
            assertArrayEquals(new int[] {2, 3, 4, 99}, b.toArray(JAVA_INT), "three elements, the fourth untouched");
            long[] heap = {7, 7};
            Op.PROD.reduceLocal(Buf.of(arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_LONG, 2, 3),
                    Datatype.INT64), Buf.of(MemorySegment.ofArray(heap), Datatype.INT64));
            assertArrayEquals(new long[] {14, 21}, heap);

            MemorySegment pairs = arena.allocate(PairLayouts.DOUBLE_INT, 2);
            MemorySegment best = arena.allocate(PairLayouts.DOUBLE_INT, 2);
            setPair(pairs, 0, 1.5, 7);
            setPair(pairs, 1, 9.0, 8);
            setPair(best, 0, 2.5, 1);
            setPair(best, 1, 9.0, 2);
            Op.MINLOC.reduceLocal(pairs, best, Datatype.DOUBLE_INT);
            assertEquals(1.5, best.get(JAVA_DOUBLE, 0));
            assertEquals(7, best.get(JAVA_INT, 8));
            assertEquals(9.0, best.get(JAVA_DOUBLE, 16));
            assertEquals(2, best.get(JAVA_INT, 24), "a tie keeps the smaller index");
        }
        int[] none = {};
        Op.SUM.reduceLocal(none, new int[0]);
    }

    private static void setPair(MemorySegment pairs, int i, double value, int index) {
        pairs.set(JAVA_DOUBLE, 16L * i, value);
        pairs.set(JAVA_INT, 16L * i + 8, index);
    }

    @MpiTest
    void nonCommutativeUserOpTakesInAsTheLeftOperand() {
        TestMpi.mpi();
        // inout[i] = in[i] * 10 + inout[i]: the order is visible in the digits
        try (Op digits = Op.create((in, inout, count, type) -> {
            for (int i = 0; i < count; i++) {
                inout.setAtIndex(JAVA_INT, i, in.getAtIndex(JAVA_INT, i) * 10 + inout.getAtIndex(JAVA_INT, i));
            }
        }, false)) {
            assertTrue(!digits.isCommutative());
            int[] acc = {3, 4};
            digits.reduceLocal(new int[] {1, 2}, acc);
            assertArrayEquals(new int[] {13, 24}, acc);
            digits.reduceLocal(new int[] {5, 6}, acc);
            assertArrayEquals(new int[] {63, 84}, acc);
        }
        try (Op failing = Op.create((in, inout, count, type) -> {
            throw new ArithmeticException("no combination today");
        }, true)) {
            Op.UserFunctionException e = assertThrows(Op.UserFunctionException.class,
                    () -> failing.reduceLocal(new int[] {1}, new int[] {2}));
            assertInstanceOf(ArithmeticException.class, e.getCause());
            int[] ok = {1};
            Op.SUM.reduceLocal(new int[] {1}, ok);
            assertEquals(2, ok[0], "the failure was rethrown once and cleared");
        }
    }

    /**
     * A user op combines elements of a derived type, gaps untouched; a predefined op is
     * refused by MPI for one (both MPIs: MPI_ERR_OP).
     */
    @MpiTest
    void derivedTypesTakeAUserOp() {
        TestMpi.mpi();
        try (Datatype everyOther = Datatype.vector(3, 1, 2, Datatype.INT32);
             Op sum = Op.create((in, inout, count, type) -> {
                 for (int e = 0; e < count; e++) {
                     for (int k = 0; k < 3; k++) {
                         long at = e * type.extent() + 8L * k;
                         inout.set(JAVA_INT, at, in.get(JAVA_INT, at) + inout.get(JAVA_INT, at));
                     }
                 }
             }, true)) {
            int[] in = {1, -1, 2, -1, 3, -1, 4, -1, 5, -1, 6, -1};
            int[] inout = {10, 77, 20, 77, 30, 77, 40, 77, 50, 77, 60, 77};
            Op.SUM.reduceLocal(Buf.of(in, 0, 1, Datatype.INT32), Buf.of(inout, 0, 1, Datatype.INT32));
            assertEquals(11, inout[0]);
            try (Datatype spread = Datatype.resized(0, 24, everyOther)) {
                sum.reduceLocal(Buf.of(in, 0, 2, spread), Buf.of(inout, 0, 2, spread));
            }
            assertArrayEquals(new int[] {12, 77, 22, 77, 33, 77, 44, 77, 55, 77, 66, 77}, inout);
            MpiException e = assertThrows(MpiException.class, () -> Op.SUM.reduceLocal(Buf.of(in, 0, 1, everyOther),
                    Buf.of(inout, 0, 1, everyOther)));
            assertTrue(e.getMessage().contains("MPI_ERR_OP"), e.getMessage());
            assertEquals(12, inout[0], "the refused call changed nothing");
        }
    }

    /** Every rank's vector, combined locally in rank order, is what allreduce computes. */
    @MpiTest
    void localReductionOfAllRanksMatchesAllreduce() {
        Comm world = TestMpi.world();
        int n = 5;
        double[] mine = new double[n];
        Arrays.setAll(mine, i -> (world.rank() + 1) * 0.25 + i);
        double[] all = new double[n * world.size()];
        world.allgather(mine, all);
        double[] local = Arrays.copyOfRange(all, 0, n);
        for (int r = 1; r < world.size(); r++) {
            Op.SUM.reduceLocal(Buf.of(all, r * n, n), local);
        }
        double[] global = new double[n];
        world.allreduce(mine, global, Op.SUM);
        assertArrayEquals(global, local, 1e-12);
        int[] maxRank = {world.rank()};
        int[] seen = {-1};
        world.allreduce(maxRank, seen, Op.MAX);
        int[] acc = {0};
        for (int r = 0; r < world.size(); r++) {
            Op.MAX.reduceLocal(new int[] {r}, acc);
        }
        assertEquals(seen[0], acc[0]);
    }

    @MpiTest(np = 1)
    void badArgumentsAreRefusedBeforeMpi() {
        TestMpi.mpi();
        fails(NullPointerException.class, "in", () -> Op.SUM.reduceLocal(null, new int[1]));
        fails(NullPointerException.class, "inout", () -> Op.SUM.reduceLocal(new int[1], null));
        fails(IllegalArgumentException.class, "inout: length 2 differs from the length 3 of in",
                () -> Op.SUM.reduceLocal(new int[3], new int[2]));
        fails(IllegalArgumentException.class, "inout: count 1 differs from in's 2",
                () -> Op.SUM.reduceLocal(Buf.of(new int[4], 0, 2), Buf.of(new int[4], 0, 1)));
        fails(IllegalArgumentException.class, "inout: datatype MPI_INT differs from in's MPI_INT32_T",
                () -> Op.SUM.reduceLocal(new int[2], Buf.of(new int[2], 0, 2, Datatype.INT)));
        fails(IllegalArgumentException.class, "in", () -> Op.SUM.reduceLocal(Comm.IN_PLACE, new int[1]));
        fails(IllegalArgumentException.class, "inout", () -> Op.SUM.reduceLocal(new int[1], Comm.IN_PLACE));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment four = arena.allocate(JAVA_INT, 4);
            fails(IllegalArgumentException.class, "inout", () -> Op.SUM.reduceLocal(four, four.asReadOnly(),
                    Datatype.INT32));
            fails(IllegalArgumentException.class, "inout", () -> Op.SUM.reduceLocal(four, arena.allocate(JAVA_INT, 3),
                    Datatype.INT32));
            fails(NullPointerException.class, "type", () -> Op.SUM.reduceLocal(four, four, null));
        }
        Op closed = Op.create((in, inout, count, type) -> { }, true);
        closed.close();
        fails(IllegalStateException.class, "freed", () -> closed.reduceLocal(new int[1], new int[1]));
        // MPI's own verdict on an op that does not apply to the type
        MpiException e = assertThrows(MpiException.class, () -> Op.SUM.reduceLocal(
                Buf.of(new int[2], 0, 1, Datatype.INT_2), Buf.of(new int[2], 0, 1, Datatype.INT_2)));
        assertTrue(e.getMessage().contains("MPI_Reduce_local"), e.getMessage());
    }
}
