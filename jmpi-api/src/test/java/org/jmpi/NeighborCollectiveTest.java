package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Neighbourhood collectives on a ring (Cartesian, periodic or not), a graph and a
 * distributed graph, blocking and nonblocking, checked by the blocks every rank ends with.
 */
class NeighborCollectiveTest {

    private static int[] ints(MemorySegment seg) {
        return seg.toArray(JAVA_INT);
    }

    @MpiTest
    void ringAllgatherAndAlltoall() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        int left = (r + n - 1) % n;
        int right = (r + 1) % n;
        try (Comm ring = world.cartCreate(new int[] {n}, new boolean[] {true}, false);
             Arena arena = Arena.ofConfined()) {
            MemorySegment got = arena.allocate(JAVA_INT, 4);
            ring.neighborAllgather(arena.allocateFrom(JAVA_INT, r * 10, r * 10 + 1), got, Datatype.INT);
            assertArrayEquals(new int[] {left * 10, left * 10 + 1, right * 10, right * 10 + 1}, ints(got));
            MemorySegment swapped = arena.allocate(JAVA_INT, 2);
            ring.neighborAlltoall(arena.allocateFrom(JAVA_INT, r * 100, r * 100 + 1), swapped, Datatype.INT);
            assertArrayEquals(new int[] {left * 100 + 1, right * 100}, ints(swapped));
            MemorySegment later = arena.allocate(JAVA_INT, 2);
            Request req = ring.ineighborAllgather(arena.allocateFrom(JAVA_INT, r + 7), later, Datatype.INT);
            Checks.fails(IllegalStateException.class, "must complete before it is closed", req::close);
            req.waitFor();
            assertArrayEquals(new int[] {left + 7, right + 7}, ints(later));
        }
    }

    @MpiTest
    void openEndsLeaveBlocksUntouched() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        try (Comm line = world.cartCreate(new int[] {n}, new boolean[] {false}, false);
             Arena arena = Arena.ofConfined()) {
            MemorySegment got = arena.allocateFrom(JAVA_INT, -7, -7);
            line.ineighborAlltoall(arena.allocateFrom(JAVA_INT, r * 100, r * 100 + 1), got, Datatype.INT).waitFor();
            int fromLeft = r > 0 ? (r - 1) * 100 + 1 : -7;
            int fromRight = r < n - 1 ? (r + 1) * 100 : -7;
            assertArrayEquals(new int[] {fromLeft, fromRight}, ints(got));
        }
    }

    @MpiTest
    void graphAlltoall() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        int[][] ring = GraphTopologyTest.ring(n);
        try (Comm g = world.graphCreate(ring[0], ring[1], false); Arena arena = Arena.ofConfined()) {
            MemorySegment got = arena.allocate(JAVA_INT, 2);
            g.neighborAllgather(arena.allocateFrom(JAVA_INT, 5 * r), got, Datatype.INT);
            assertArrayEquals(new int[] {5 * ((r + n - 1) % n), 5 * ((r + 1) % n)}, ints(got));
        }
    }

    /** A distributed graph where rank r receives from r-1 and r-2 and sends to r+1 and r+2. */
    private static Comm twoAhead(Comm world) {
        return world.distGraphCreateAdjacent(DistGraphTopologyTest.behind(world), null,
                DistGraphTopologyTest.ahead(world), null, false);
    }

    @MpiTest
    void variableBlocks() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int[] sources = DistGraphTopologyTest.behind(world);
        try (Comm g = twoAhead(world); Arena arena = Arena.ofConfined()) {
            // allgatherv: each rank sends r + 1 copies of r; blocks land after a gap of one
            MemorySegment mine = arena.allocate(JAVA_INT, r + 1L).fill((byte) 0);
            for (int k = 0; k <= r; k++) {
                mine.setAtIndex(JAVA_INT, k, r);
            }
            int[] counts = {sources[0] + 1, sources[1] + 1};
            int[] displs = {1, counts[0] + 2};
            MemorySegment got = arena.allocate(JAVA_INT, displs[1] + counts[1]);
            g.neighborAllgatherv(mine, got, counts, displs, Datatype.INT);
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < counts[i]; k++) {
                    assertEquals(sources[i], got.getAtIndex(JAVA_INT, displs[i] + k), "block " + i);
                }
            }
            // alltoallv: j + 1 values r * 10 + j to destination j; from source i, i + 1 values
            MemorySegment send = arena.allocateFrom(JAVA_INT, r * 10, r * 10 + 1, r * 10 + 1);
            MemorySegment recv = arena.allocate(JAVA_INT, 3);
            g.ineighborAlltoallv(send, new int[] {1, 2}, new int[] {0, 1}, recv, new int[] {1, 2}, new int[] {0, 1},
                    Datatype.INT).waitFor();
            assertArrayEquals(new int[] {sources[0] * 10, sources[1] * 10 + 1, sources[1] * 10 + 1}, ints(recv));
        }
    }

    @MpiTest
    void datatypePerNeighbour() {
        Comm world = TestMpi.world();
        int r = world.rank();
        int[] sources = DistGraphTopologyTest.behind(world);
        try (Comm g = twoAhead(world); Arena arena = Arena.ofConfined()) {
            // to destination 0: two ints at byte 0; to destination 1: one double at byte 8
            MemorySegment send = arena.allocate(16);
            send.setAtIndex(JAVA_INT, 0, r);
            send.setAtIndex(JAVA_INT, 1, -r);
            send.set(JAVA_DOUBLE, 8, r + 0.5);
            Datatype[] types = {Datatype.INT, Datatype.DOUBLE};
            for (boolean nb : new boolean[] {false, true}) {
                MemorySegment recv = arena.allocate(24).fill((byte) 0);
                int[] counts = {2, 1};
                int[] recvDispls = {0, 16};
                if (nb) {
                    g.ineighborAlltoallw(send, counts, new int[] {0, 8}, types, recv, counts, recvDispls, types)
                            .waitFor();
                } else {
                    g.neighborAlltoallw(send, counts, new int[] {0, 8}, types, recv, counts, recvDispls, types);
                }
                assertEquals(sources[0], recv.getAtIndex(JAVA_INT, 0));
                assertEquals(-sources[0], recv.getAtIndex(JAVA_INT, 1));
                assertEquals(sources[1] + 0.5, recv.get(JAVA_DOUBLE, 16));
            }
        }
    }

    @MpiTest
    void emptyNeighbourhood() {
        Comm world = TestMpi.world();
        try (Comm g = world.distGraphCreateAdjacent(new int[0], null, new int[0], null, false);
             Arena arena = Arena.ofConfined()) {
            MemorySegment none = arena.allocate(JAVA_INT, 0);
            g.neighborAlltoall(none, none, Datatype.INT);
            g.ineighborAllgather(arena.allocate(JAVA_INT, 1), none, Datatype.INT).waitFor();
            assertEquals(0, g.distGraph().inDegree());
        }
    }

    @MpiTest
    void badArguments() {
        Comm world = TestMpi.world();
        try (Comm g = twoAhead(world); Arena arena = Arena.ofConfined()) {
            MemorySegment four = arena.allocate(JAVA_INT, 4);
            Checks.fails(IllegalStateException.class, "has no topology: neighborhood collectives need one",
                    () -> world.neighborAllgather(four, four, Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "recv: 6 x MPI_INT needs 24 bytes but the segment has 8",
                    () -> g.neighborAllgather(four.asSlice(0, 12), four.asSlice(0, 8), Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "send: 3 elements do not split into 2 equal blocks",
                    () -> g.neighborAlltoall(four.asSlice(0, 12), four, Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "send: IN_PLACE is not accepted by neighborhood",
                    () -> g.neighborAlltoall(Comm.IN_PLACE, four, Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "counts: length 3 differs from the in-degree 2",
                    () -> g.neighborAllgatherv(four, four, new int[3], new int[3], Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "sendCounts: length 1 differs from the out-degree 2",
                    () -> g.ineighborAlltoallv(four, new int[1], new int[1], four, new int[2], new int[2],
                            Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "recvTypes: length 1 differs from the in-degree 2",
                    () -> g.neighborAlltoallw(four, new int[2], new int[2], new Datatype[] {Datatype.INT,
                        Datatype.INT}, four, new int[2], new int[2], new Datatype[] {Datatype.INT}));
            Checks.fails(IllegalArgumentException.class, "recvDispls[1]: block 1",
                    () -> g.neighborAlltoallv(four, new int[2], new int[2], four, new int[] {1, 1}, new int[] {0, 4},
                            Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "recv is a read-only segment",
                    () -> g.ineighborAllgather(four, MemorySegment.ofArray(new int[4]).asReadOnly(), Datatype.INT));
            Checks.fails(IllegalArgumentException.class, "send: a MemorySegment has no element type",
                    () -> g.neighborAllgather((Object) MemorySegment.ofArray(new int[1]), four));
            Checks.fails(NullPointerException.class, "type",
                    () -> g.neighborAlltoallv(four, new int[2], new int[2], four, new int[2], new int[2], null));
        }
    }
}
