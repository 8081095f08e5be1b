package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Collectives over the intercommunicator of {@link IntercommTest} between A = {world rank
 * 0} and B = {the others}: the root's group passes {@link Comm#ROOT} / {@link Comm#PROC_NULL},
 * buffers hold one block per remote process, and each group gets the other's data.
 */
class IntercommCollectiveTest {

    private static int[] ints(MemorySegment seg) {
        return seg.toArray(JAVA_INT);
    }

    @MpiTest(np = {2, 4})
    void bcastAndReduceBothWays() {
        try (IntercommTest.Pair p = IntercommTest.Pair.open(); Arena arena = Arena.ofConfined()) {
            Comm world = p.world();
            Comm local = p.local();
            Comm inter = p.inter();
            boolean a = p.a();
            int m = p.bSize();
            int[] fromA = a ? new int[] {11, 22} : new int[2];
            inter.bcast(fromA, a ? Comm.ROOT : 0);
            assertArrayEquals(new int[] {11, 22}, fromA);
            int[] fromB = {a ? 0 : 33 + m};
            inter.bcast(fromB, a ? 0 : local.rank() == 0 ? Comm.ROOT : Comm.PROC_NULL);
            if (a || local.rank() == 0) {
                assertArrayEquals(new int[] {33 + m}, fromB);
            }
            MemorySegment toA = a ? arena.allocate(JAVA_INT, 2) : null;
            inter.reduce(a ? null : arena.allocateFrom(JAVA_INT, world.rank(), 1), toA, Datatype.INT, Op.SUM,
                    a ? Comm.ROOT : 0);
            if (a) {
                assertArrayEquals(new int[] {m * (m + 1) / 2, m}, ints(toA));
            }
            boolean bRoot = !a && local.rank() == 0;
            MemorySegment toB = bRoot ? arena.allocate(JAVA_INT, 2) : null;
            inter.reduce(a ? arena.allocateFrom(JAVA_INT, 5, 6) : null, toB, Datatype.INT, Op.SUM,
                    a ? 0 : bRoot ? Comm.ROOT : Comm.PROC_NULL);
            if (bRoot) {
                assertArrayEquals(new int[] {5, 6}, ints(toB));
            }
            MemorySegment nb = arena.allocateFrom(JAVA_INT, a ? 77 : 0);
            inter.ibcast(nb, Datatype.INT, a ? Comm.ROOT : 0).waitFor();
            assertArrayEquals(new int[] {77}, ints(nb));
        }
    }

    @MpiTest(np = {2, 4})
    void gatherAndScatterWithRemoteBlocks() {
        try (IntercommTest.Pair p = IntercommTest.Pair.open(); Arena arena = Arena.ofConfined()) {
            Comm world = p.world();
            Comm local = p.local();
            Comm inter = p.inter();
            boolean a = p.a();
            int m = p.bSize();
            MemorySegment all = a ? arena.allocate(JAVA_INT, 2L * m) : null;
            inter.gather(a ? null : arena.allocateFrom(JAVA_INT, world.rank(), world.rank() * world.rank()), all, Datatype.INT, a ? Comm.ROOT : 0);
            if (a) {
                assertArrayEquals(Checks.fill(2 * m, k -> k % 2 == 0 ? k / 2 + 1 : (k / 2 + 1) * (k / 2 + 1)),
                        ints(all));
            }
            MemorySegment one = a ? null : arena.allocate(JAVA_INT);
            inter.scatter(a ? arena.allocateFrom(JAVA_INT, Checks.fill(m, j -> 100 + j)) : null, one, Datatype.INT,
                    a ? Comm.ROOT : 0);
            if (!a) {
                assertArrayEquals(new int[] {100 + local.rank()}, ints(one));
            }
            int[] counts = Checks.fill(m, j -> j + 1);
            int[] displs = Checks.fill(m, j -> j * (j + 1) / 2);
            MemorySegment uneven = a ? arena.allocate(JAVA_INT, m * (m + 1) / 2) : null;
            inter.igatherv(a ? null : arena.allocateFrom(JAVA_INT, Checks.fill(local.rank() + 1, k -> world.rank())), uneven,
                    a ? counts : null, a ? displs : null, Datatype.INT, a ? Comm.ROOT : 0).waitFor();
            if (a) {
                // block j (j + 1 values) comes from B's process j, world rank j + 1
                int[] expected = new int[m * (m + 1) / 2];
                for (int j = 0; j < m; j++) {
                    Arrays.fill(expected, displs[j], displs[j] + counts[j], j + 1);
                }
                assertArrayEquals(expected, ints(uneven));
            }
            boolean bRoot = !a && local.rank() == 0;
            MemorySegment three = a ? arena.allocate(JAVA_INT, 3) : null;
            inter.scatterv(bRoot ? arena.allocateFrom(JAVA_INT, 1, 2, 3) : null, bRoot ? new int[] {3} : null,
                    bRoot ? new int[] {0} : null, three, Datatype.INT, a ? 0 : bRoot ? Comm.ROOT : Comm.PROC_NULL);
            if (a) {
                assertArrayEquals(new int[] {1, 2, 3}, ints(three));
            }
        }
    }

    @MpiTest(np = {2, 4})
    void everyoneGetsTheOtherGroupsData() {
        try (IntercommTest.Pair p = IntercommTest.Pair.open(); Arena arena = Arena.ofConfined()) {
            Comm world = p.world();
            Comm local = p.local();
            Comm inter = p.inter();
            boolean a = p.a();
            int m = p.bSize();
            int r = inter.remoteSize();
            int l = local.rank();
            inter.barrier();
            int[] sums = new int[2];
            inter.allreduce(new int[] {world.rank(), 1}, sums, Op.SUM);
            assertArrayEquals(a ? new int[] {m * (m + 1) / 2, m} : new int[] {0, 1}, sums);
            MemorySegment gathered = arena.allocate(JAVA_INT, r);
            inter.allgather(arena.allocateFrom(JAVA_INT, world.rank()), gathered, Datatype.INT);
            assertArrayEquals(Checks.fill(r, i -> p.remoteWorld(i)), ints(gathered));
            MemorySegment swapped = arena.allocate(JAVA_INT, r);
            MemorySegment blocks = arena.allocateFrom(JAVA_INT, Checks.fill(r, j -> world.rank() * 100 + j));
            inter.ialltoall(blocks, swapped, Datatype.INT).waitFor();
            assertArrayEquals(Checks.fill(r, i -> p.remoteWorld(i) * 100 + l), ints(swapped));
            int[] counts = a ? Checks.fill(m, i -> i + 1) : new int[] {1};
            int[] displs = a ? Checks.fill(m, i -> i * (i + 1) / 2) : new int[] {0};
            MemorySegment v = arena.allocate(JAVA_INT, Arrays.stream(counts).sum());
            inter.allgatherv(arena.allocateFrom(JAVA_INT, Checks.fill(l + 1, k -> world.rank())), v, counts, displs, Datatype.INT);
            int[] expected = new int[Arrays.stream(counts).sum()];
            for (int i = 0; i < r; i++) {
                Arrays.fill(expected, displs[i], displs[i] + counts[i], p.remoteWorld(i));
            }
            assertArrayEquals(expected, ints(v));
            reduceScatterBlock(inter, arena, a, m, l);
        }
    }

    /**
     * Reduce-scatter-block across the groups: each sends {@code size()} blocks of its receive
     * count (A: 1 x m, B: m x 1), so A gets B's vectors summed and B process j gets element j of A's.
     */
    private static void reduceScatterBlock(Comm inter, Arena arena, boolean a, int m, int l) {
        MemorySegment send = arena.allocateFrom(JAVA_INT, Checks.fill(m, k -> a ? k + 1 : 10 * (l + 1) + k));
        MemorySegment recv = arena.allocate(JAVA_INT, a ? m : 1);
        inter.reduceScatterBlock(send, recv, Datatype.INT, Op.SUM);
        int[] expected = a ? Checks.fill(m, k -> 10 * m * (m + 1) / 2 + m * k) : new int[] {l + 1};
        assertArrayEquals(expected, ints(recv));
    }

    @MpiTest(np = {2, 4})
    void countArraysHaveOneEntryPerRemoteProcess() {
        try (IntercommTest.Pair p = IntercommTest.Pair.open(); Arena arena = Arena.ofConfined()) {
            Comm inter = p.inter();
            int r = inter.remoteSize();
            MemorySegment buf = arena.allocate(JAVA_INT, 8);
            Checks.fails(IllegalArgumentException.class, "counts: length " + (r + 1)
                    + " differs from the remote group size " + r,
                    () -> inter.allgatherv(buf.asSlice(0, 4), buf, new int[r + 1], new int[r + 1], Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "counts: length " + (r + 2),
                    () -> inter.gatherv(null, buf, new int[r + 2], new int[r + 2], Datatype.INT, Comm.ROOT));
            if (r > 1) {
                Checks.fails(IllegalArgumentException.class, "recv: " + (2 * r + 1) + " elements do not split into "
                        + r, () -> inter.gather(null, buf.asSlice(0, 4L * (2 * r + 1)), Datatype.INT, Comm.ROOT));
            }
            Checks.fails(IllegalArgumentException.class, "send: IN_PLACE is not accepted on an intercommunicator",
                    () -> inter.gather(Comm.IN_PLACE, buf, Datatype.INT, Comm.ROOT));
            Checks.fails(IllegalArgumentException.class, "root: " + r + " is neither",
                    () -> inter.scatterv(buf, new int[r], new int[r], buf, Datatype.INT, r));
            inter.barrier();
        }
    }
}
