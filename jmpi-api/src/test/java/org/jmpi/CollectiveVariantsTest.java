package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The v and w collectives with uneven blocks (rank i contributes i + 1 elements) at
 * displacements with gaps that must stay untouched. Each scenario runs blocking here and
 * nonblocking ({@code nb}) in {@link NonblockingCollectiveTest}.
 */
class CollectiveVariantsTest {

    /** The value element k of rank i's block holds. */
    static int value(int i, int k) {
        return 100 * i + k + 1;
    }

    /** The value element k of the block that rank a sends to rank b holds. */
    static int pair(int a, int b, int k) {
        return 10_000 * a + 100 * b + k;
    }

    @MpiTest
    void gathervUnevenWithGaps() {
        gatherv(TestMpi.world(), false);
    }

    static void gatherv(Comm world, boolean nb) {
        int me = world.rank();
        int root = world.size() - 1;
        int[] counts = Blocked.counts(world.size(), 0);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = Blocked.block(arena, me, counts[me], CollectiveVariantsTest::value);
            MemorySegment recv = me == root ? Blocked.filled(arena, Blocked.intBytes(counts, displs)) : null;
            int[] c = me == root ? counts : null;
            int[] d = me == root ? displs : null;
            if (nb) {
                Request r = world.igatherv(send, recv, c, d, Datatype.INT, root);
                c = null;
                d = null;
                System.gc();
                r.waitFor();
            } else {
                world.gatherv(send, recv, c, d, Datatype.INT, root);
            }
            if (me == root) {
                Blocked.check(recv, counts, displs, CollectiveVariantsTest::value);
            }
        }
    }

    @MpiTest
    void scattervUnevenWithGaps() {
        scatterv(TestMpi.world(), false);
    }

    static void scatterv(Comm world, boolean nb) {
        int me = world.rank();
        int[] counts = Blocked.counts(world.size(), 0);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = me == 0 ? Blocked.write(Blocked.filled(arena, Blocked.intBytes(counts, displs)),
                    counts, displs, CollectiveVariantsTest::value) : null;
            MemorySegment recv = arena.allocate(JAVA_INT, counts[me]);
            if (nb) {
                world.iscatterv(send, counts, displs, recv, Datatype.INT, 0).waitFor();
            } else {
                world.scatterv(send, counts, displs, recv, Datatype.INT, 0);
            }
            for (int k = 0; k < counts[me]; k++) {
                assertEquals(value(me, k), recv.getAtIndex(JAVA_INT, k));
            }
        }
    }

    @MpiTest
    void allgathervUnevenWithGaps() {
        allgatherv(TestMpi.world(), false);
    }

    static void allgatherv(Comm world, boolean nb) {
        int me = world.rank();
        int[] counts = Blocked.counts(world.size(), 0);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = Blocked.block(arena, me, counts[me], CollectiveVariantsTest::value);
            MemorySegment recv = Blocked.filled(arena, Blocked.intBytes(counts, displs));
            if (nb) {
                world.iallgatherv(send, recv, counts, displs, Datatype.INT).waitFor();
            } else {
                world.allgatherv(send, recv, counts, displs, Datatype.INT);
            }
            Blocked.check(recv, counts, displs, CollectiveVariantsTest::value);
        }
    }

    @MpiTest
    void alltoallvUnevenWithGaps() {
        alltoallv(TestMpi.world(), false);
    }

    static void alltoallv(Comm world, boolean nb) {
        int me = world.rank();
        int[] counts = Blocked.counts(world.size(), me);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = Blocked.write(Blocked.filled(arena, Blocked.intBytes(counts, displs)), counts, displs,
                    (j, k) -> pair(me, j, k));
            MemorySegment recv = Blocked.filled(arena, Blocked.intBytes(counts, displs));
            if (nb) {
                world.ialltoallv(send, counts, displs, recv, counts, displs, Datatype.INT).waitFor();
            } else {
                world.alltoallv(send, counts, displs, recv, counts, displs, Datatype.INT);
            }
            Blocked.check(recv, counts, displs, (i, k) -> pair(i, me, k));
        }
    }

    @MpiTest
    void alltoallwMixedTypesPerPeer() {
        alltoallw(TestMpi.world(), false);
    }

    static void alltoallw(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int[] counts = Blocked.counts(n, me);
        Datatype[] types = new Datatype[n];
        for (int j = 0; j < n; j++) {
            types[j] = Blocked.type(me, j);
        }
        int[] displs = Blocked.byteDispls(counts, types);
        long bytes = Blocked.bytes(counts, displs, types);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = Blocked.write(Blocked.filled(arena, bytes), counts, displs, types,
                    (j, k) -> pair(me, j, k));
            MemorySegment recv = Blocked.filled(arena, bytes);
            if (nb) {
                world.ialltoallw(send, counts, displs, types, recv, counts, displs, types).waitFor();
            } else {
                world.alltoallw(send, counts, displs, types, recv, counts, displs, types);
            }
            Blocked.check(recv, counts, displs, types, (i, k) -> pair(i, me, k));
        }
    }

    @MpiTest
    void reduceScatterUnevenCounts() {
        reduceScatter(TestMpi.world(), false);
    }

    static void reduceScatter(Comm world, boolean nb) {
        int n = world.size();
        int me = world.rank();
        int[] counts = Blocked.counts(n, 0);
        int total = n * (n + 1) / 2;
        int start = me * (me + 1) / 2;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = Blocked.block(arena, me, total, (r, e) -> 1000 * r + e);
            MemorySegment recv = arena.allocate(JAVA_INT, counts[me] + 1).fill(Blocked.FILL);
            if (nb) {
                world.ireduceScatter(send, recv, counts, Datatype.INT, Op.SUM).waitFor();
            } else {
                world.reduceScatter(send, recv, counts, Datatype.INT, Op.SUM);
            }
            for (int k = 0; k < counts[me]; k++) {
                assertEquals(n * (start + k) + 1000 * n * (n - 1) / 2, recv.getAtIndex(JAVA_INT, k));
            }
            assertEquals(0x5A5A5A5A, recv.getAtIndex(JAVA_INT, counts[me]), "the int after the block is untouched");
        }
    }
}
