package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.IntBinaryOperator;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.CollectiveVariantsTest.pair;
import static org.jmpi.CollectiveVariantsTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every in-place collective ({@link Comm#IN_PLACE}), checked by the values every rank
 * ends with. Each scenario runs blocking here and nonblocking ({@code nb}) in
 * {@link NonblockingCollectiveTest}.
 */
class InPlaceCollectiveTest {
    private static final int BLOCK = 2;

    /** Counts with only block {@code i} kept, to write one rank's own block. */
    private static int[] only(int[] counts, int i) {
        int[] c = new int[counts.length];
        c[i] = counts[i];
        return c;
    }

    /** A buffer of {@code n} blocks of {@link #BLOCK} ints, block i holding {@code value(i, k)} when i is in [from, to). */
    private static MemorySegment blocks(Arena arena, int n, int from, int to, IntBinaryOperator value) {
        MemorySegment seg = arena.allocate(JAVA_INT, (long) n * BLOCK).fill(Blocked.FILL);
        for (int i = from; i < to; i++) {
            for (int k = 0; k < BLOCK; k++) {
                seg.setAtIndex(JAVA_INT, (long) i * BLOCK + k, value.applyAsInt(i, k));
            }
        }
        return seg;
    }

    private static void assertBlocks(MemorySegment seg, int n, IntBinaryOperator value) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < BLOCK; k++) {
                assertEquals(value.applyAsInt(i, k), seg.getAtIndex(JAVA_INT, (long) i * BLOCK + k), "block " + i);
            }
        }
    }

    /** The sum over ranks of {@code value(r, e)}. */
    private static int sum(int ranks, int e) {
        return 100 * ranks * (ranks - 1) / 2 + ranks * (e + 1);
    }

    @MpiTest
    void gatherAndScatterInPlaceAtRoot() {
        rootedInPlace(TestMpi.world(), false);
    }

    static void rootedInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int root = n - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment all = blocks(arena, n, root, me == root ? root + 1 : 0, CollectiveVariantsTest::value);
            MemorySegment mine = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment send = me == root ? Comm.IN_PLACE : mine;
            if (nb) {
                world.igather(send, all, Datatype.INT, root).waitFor();
            } else {
                world.gather(send, all, Datatype.INT, root);
            }
            if (me == root) {
                assertBlocks(all, n, CollectiveVariantsTest::value);
            }
            MemorySegment part = arena.allocate(JAVA_INT, BLOCK);
            MemorySegment recv = me == root ? Comm.IN_PLACE : part;
            MemorySegment source = blocks(arena, n, 0, me == root ? n : 0, (i, k) -> -value(i, k));
            if (nb) {
                world.iscatter(source, recv, Datatype.INT, root).waitFor();
            } else {
                world.scatter(source, recv, Datatype.INT, root);
            }
            if (me == root) {
                assertBlocks(source, n, (i, k) -> -value(i, k));
            } else {
                assertBlocks(part, 1, (i, k) -> -value(me, k));
            }
        }
    }

    @MpiTest
    void gathervAndScattervInPlaceAtRoot() {
        rootedvInPlace(TestMpi.world(), false);
    }

    static void rootedvInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int root = n / 2;
        int[] counts = Blocked.counts(n, 0);
        int[] displs = Blocked.displs(counts);
        long bytes = Blocked.intBytes(counts, displs);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment all = Blocked.write(Blocked.filled(arena, bytes), only(counts, root), displs,
                    CollectiveVariantsTest::value);
            MemorySegment send = me == root ? Comm.IN_PLACE : Blocked.block(arena, me, counts[me],
                    CollectiveVariantsTest::value);
            if (nb) {
                world.igatherv(send, all, counts, displs, Datatype.INT, root).waitFor();
            } else {
                world.gatherv(send, all, counts, displs, Datatype.INT, root);
            }
            if (me == root) {
                Blocked.check(all, counts, displs, CollectiveVariantsTest::value);
            }
            MemorySegment part = arena.allocate(JAVA_INT, counts[me]);
            MemorySegment recv = me == root ? Comm.IN_PLACE : part;
            if (nb) {
                world.iscatterv(all, counts, displs, recv, Datatype.INT, root).waitFor();
            } else {
                world.scatterv(all, counts, displs, recv, Datatype.INT, root);
            }
            if (me != root) {
                for (int k = 0; k < counts[me]; k++) {
                    assertEquals(value(me, k), part.getAtIndex(JAVA_INT, k));
                }
            }
        }
    }

    @MpiTest
    void allgatherAndAllgathervInPlace() {
        allgatherInPlace(TestMpi.world(), false);
    }

    static void allgatherInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int[] counts = Blocked.counts(n, 0);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment all = blocks(arena, n, me, me + 1, CollectiveVariantsTest::value);
            MemorySegment uneven = Blocked.write(Blocked.filled(arena, Blocked.intBytes(counts, displs)),
                    only(counts, me), displs, CollectiveVariantsTest::value);
            if (nb) {
                Request.waitAll(world.iallgather(Comm.IN_PLACE, all, Datatype.INT),
                        world.iallgatherv(Comm.IN_PLACE, uneven, counts, displs, Datatype.INT));
            } else {
                world.allgather(Comm.IN_PLACE, all, Datatype.INT);
                world.allgatherv(Comm.IN_PLACE, uneven, counts, displs, Datatype.INT);
            }
            assertBlocks(all, n, CollectiveVariantsTest::value);
            Blocked.check(uneven, counts, displs, CollectiveVariantsTest::value);
        }
    }

    @MpiTest
    void alltoallFamilyInPlace() {
        alltoallInPlace(TestMpi.world(), false);
    }

    static void alltoallInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int[] counts = Blocked.counts(n, me);
        int[] displs = Blocked.displs(counts);
        Datatype[] types = new Datatype[n];
        for (int j = 0; j < n; j++) {
            types[j] = Blocked.type(me, j);
        }
        int[] bytes = Blocked.byteDispls(counts, types);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment even = blocks(arena, n, 0, n, (j, k) -> pair(me, j, k));
            MemorySegment uneven = Blocked.write(Blocked.filled(arena, Blocked.intBytes(counts, displs)), counts,
                    displs, (j, k) -> pair(me, j, k));
            MemorySegment typed = Blocked.write(Blocked.filled(arena, Blocked.bytes(counts, bytes, types)), counts,
                    bytes, types, (j, k) -> pair(me, j, k));
            if (nb) {
                Request.waitAll(world.ialltoall(Comm.IN_PLACE, even, Datatype.INT),
                        world.ialltoallv(Comm.IN_PLACE, null, null, uneven, counts, displs, Datatype.INT),
                        world.ialltoallw(Comm.IN_PLACE, null, null, null, typed, counts, bytes, types));
            } else {
                world.alltoall(Comm.IN_PLACE, even, Datatype.INT);
                world.alltoallv(Comm.IN_PLACE, null, null, uneven, counts, displs, Datatype.INT);
                world.alltoallw(Comm.IN_PLACE, null, null, null, typed, counts, bytes, types);
            }
            assertBlocks(even, n, (i, k) -> pair(i, me, k));
            Blocked.check(uneven, counts, displs, (i, k) -> pair(i, me, k));
            Blocked.check(typed, counts, bytes, types, (i, k) -> pair(i, me, k));
        }
    }

    @MpiTest
    void reductionsInPlace() {
        reductionsInPlace(TestMpi.world(), false);
    }

    static void reductionsInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int root = n - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment toRoot = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment everyone = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment scan = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment exscan = Blocked.block(arena, me, BLOCK, CollectiveVariantsTest::value);
            MemorySegment send = me == root ? Comm.IN_PLACE : mine;
            if (nb) {
                Request.waitAll(world.ireduce(send, toRoot, Datatype.INT, Op.SUM, root),
                        world.iallreduce(Comm.IN_PLACE, everyone, Datatype.INT, Op.SUM),
                        world.iscan(Comm.IN_PLACE, scan, Datatype.INT, Op.SUM),
                        world.iexscan(Comm.IN_PLACE, exscan, Datatype.INT, Op.SUM));
            } else {
                world.reduce(send, toRoot, Datatype.INT, Op.SUM, root);
                world.allreduce(Comm.IN_PLACE, everyone, Datatype.INT, Op.SUM);
                world.scan(Comm.IN_PLACE, scan, Datatype.INT, Op.SUM);
                world.exscan(Comm.IN_PLACE, exscan, Datatype.INT, Op.SUM);
            }
            for (int e = 0; e < BLOCK; e++) {
                if (me == root) {
                    assertEquals(sum(n, e), toRoot.getAtIndex(JAVA_INT, e));
                }
                assertEquals(sum(n, e), everyone.getAtIndex(JAVA_INT, e));
                assertEquals(sum(me + 1, e), scan.getAtIndex(JAVA_INT, e));
                if (me > 0) {
                    assertEquals(sum(me, e), exscan.getAtIndex(JAVA_INT, e));
                }
            }
        }
    }

    @MpiTest
    void reduceScatterBothFormsInPlace() {
        reduceScatterInPlace(TestMpi.world(), false);
    }

    static void reduceScatterInPlace(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int[] counts = Blocked.counts(n, 0);
        int total = n * (n + 1) / 2;
        int start = me * (me + 1) / 2;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment even = blocks(arena, n, 0, n, (i, k) -> value(me, i * BLOCK + k));
            MemorySegment uneven = Blocked.block(arena, me, total, CollectiveVariantsTest::value);
            if (nb) {
                Request.waitAll(world.ireduceScatterBlock(Comm.IN_PLACE, even, Datatype.INT, Op.SUM),
                        world.ireduceScatter(Comm.IN_PLACE, uneven, counts, Datatype.INT, Op.SUM));
            } else {
                world.reduceScatterBlock(Comm.IN_PLACE, even, Datatype.INT, Op.SUM);
                world.reduceScatter(Comm.IN_PLACE, uneven, counts, Datatype.INT, Op.SUM);
            }
            for (int k = 0; k < BLOCK; k++) {
                assertEquals(sum(n, me * BLOCK + k), even.getAtIndex(JAVA_INT, k));
            }
            for (int k = 0; k < counts[me]; k++) {
                assertEquals(sum(n, start + k), uneven.getAtIndex(JAVA_INT, k));
            }
        }
    }
}
