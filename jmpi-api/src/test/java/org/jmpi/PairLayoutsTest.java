package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import org.jmpi.test.MpiTest;

import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The MINLOC/MAXLOC pair layouts match the MPI's pair datatypes: each layout's size is the
 * datatype's extent and its members are where MPI reads and writes them, checked by
 * reductions through the layouts' VarHandles on native segments.
 */
class PairLayoutsTest {
    /** Pairs per rank; the last one has the same value on every rank (a tie). */
    private static final int M = 6;
    private static final Datatype[] TYPES = {Datatype.FLOAT_INT, Datatype.DOUBLE_INT, Datatype.LONG_INT,
        Datatype.INT_2, Datatype.SHORT_INT};

    /** The value of pair {@code i} on rank {@code r} of {@code n}: a permutation of 0..n-1, then a tie. */
    private static int value(int r, int i, int n) {
        return i == M - 1 ? 42 : (r + i) % n;
    }

    /** {@code v} boxed as the carrier of the layout's value member (short, int, long, float or double). */
    private static Object carrier(StructLayout layout, int v) {
        Class<?> c = ((java.lang.foreign.ValueLayout) layout.select(PathElement.groupElement(PairLayouts.VALUE)))
                .carrier();
        return c == short.class ? (Object) (short) v : c == int.class ? (Object) v : c == long.class
                ? (Object) (long) v : c == float.class ? (Object) (float) v : (Object) (double) v;
    }

    @MpiTest
    void sizesMatchTheMpisExtents() {
        TestMpi.mpi();
        for (Datatype t : TYPES) {
            StructLayout l = PairLayouts.of(t);
            assertEquals(t.extent(), l.byteSize(), t + " extent");
            assertEquals(0, t.lowerBound(), t + " lower bound");
            long data = l.select(PathElement.groupElement(PairLayouts.VALUE)).byteSize()
                    + l.select(PathElement.groupElement(PairLayouts.INDEX)).byteSize();
            assertEquals(t.size(), data, t + " size: the value and the index, no padding");
        }
        assertSame(PairLayouts.DOUBLE_INT, PairLayouts.of(Datatype.DOUBLE_INT));
        fails(IllegalArgumentException.class, "MPI_LONG_DOUBLE_INT has no layout",
                () -> PairLayouts.of(Datatype.LONG_DOUBLE_INT));
        fails(IllegalArgumentException.class, "MPI_INT is not a MINLOC/MAXLOC pair type",
                () -> PairLayouts.of(Datatype.INT));
        fails(NullPointerException.class, "pair", () -> PairLayouts.of(null));
    }

    @MpiTest
    void minlocAndMaxlocThroughTheLayouts() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        for (Datatype t : TYPES) {
            StructLayout l = PairLayouts.of(t);
            VarHandle value = l.arrayElementVarHandle(PathElement.groupElement(PairLayouts.VALUE));
            VarHandle index = l.arrayElementVarHandle(PathElement.groupElement(PairLayouts.INDEX));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mine = arena.allocate(l, M);
                for (int i = 0; i < M; i++) {
                    value.set(mine, 0L, (long) i, carrier(l, value(r, i, n)));
                    index.set(mine, 0L, (long) i, 10 * r + 1);
                }
                MemorySegment min = arena.allocate(l, M);
                MemorySegment max = arena.allocate(l, M);
                world.allreduce(mine, min, t, Op.MINLOC);
                world.allreduce(mine, max, t, Op.MAXLOC);
                for (int i = 0; i < M - 1; i++) {
                    int minRank = ((n - i) % n + n) % n;
                    int maxRank = ((n - 1 - i) % n + n) % n;
                    assertEquals(carrier(l, 0), value.get(min, 0L, (long) i), t + " min value " + i);
                    assertEquals(10 * minRank + 1, (int) index.get(min, 0L, (long) i), t + " min index " + i);
                    assertEquals(carrier(l, n - 1), value.get(max, 0L, (long) i), t + " max value " + i);
                    assertEquals(10 * maxRank + 1, (int) index.get(max, 0L, (long) i), t + " max index " + i);
                }
                assertEquals(carrier(l, 42), value.get(min, 0L, (long) M - 1), t + " tie");
                assertEquals(1, (int) index.get(min, 0L, (long) M - 1), t + ": a tie takes the lowest index");
                assertEquals(1, (int) index.get(max, 0L, (long) M - 1), t + ": MAXLOC too");
            }
        }
    }
}
