package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.CollectiveVariantsTest.pair;
import static org.jmpi.CollectiveVariantsTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nonblocking collectives, checked by the values every rank ends with once they complete. */
class NonblockingCollectiveTest {

    @MpiTest
    void ibarrierCannotBeClosedUntilComplete() {
        Request r = TestMpi.world().ibarrier();
        IllegalStateException e = assertThrows(IllegalStateException.class, r::close);
        assertTrue(e.getMessage().contains("nonblocking collective"), e.getMessage());
        r.waitFor();
        assertTrue(r.isDone());
        r.close();
    }

    @MpiTest
    void fixedFormsOutstandingTogether() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int root = n - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bcast = Blocked.block(arena, me == 0 ? 7 : -1, 3, (b, k) -> b * 10 + k);
            MemorySegment mine = Blocked.block(arena, me, 2, CollectiveVariantsTest::value);
            MemorySegment gathered = arena.allocate(JAVA_INT, 2L * n);
            MemorySegment everyone = arena.allocate(JAVA_INT, 2L * n);
            MemorySegment toAll = Blocked.block(arena, me, 2 * n, (r, e) -> pair(r, e / 2, e % 2));
            MemorySegment fromAll = arena.allocate(JAVA_INT, 2L * n);
            MemorySegment part = arena.allocate(JAVA_INT, 2);
            MemorySegment reduced = arena.allocate(JAVA_INT, 2);
            MemorySegment allReduced = arena.allocate(JAVA_INT, 2);
            MemorySegment scan = arena.allocate(JAVA_INT, 2);
            MemorySegment exscan = arena.allocate(JAVA_INT, 2);
            MemorySegment scattered = arena.allocate(JAVA_INT, 1);
            Request.waitAll(world.ibcast(bcast, Datatype.INT, 0),
                    world.igather(mine, me == root ? gathered : null, Datatype.INT, root),
                    world.iallgather(mine, everyone, Datatype.INT),
                    world.ialltoall(toAll, fromAll, Datatype.INT),
                    world.iscatter(me == root ? toAll : null, part, Datatype.INT, root),
                    world.ireduce(mine, me == 0 ? reduced : null, Datatype.INT, Op.SUM, 0),
                    world.iallreduce(mine, allReduced, Datatype.INT, Op.MAX),
                    world.iscan(mine, scan, Datatype.INT, Op.SUM),
                    world.iexscan(mine, exscan, Datatype.INT, Op.SUM),
                    world.ireduceScatterBlock(toAll.asSlice(0, 4L * n), scattered, Datatype.INT, Op.SUM));
            for (int k = 0; k < 3; k++) {
                assertEquals(70 + k, bcast.getAtIndex(JAVA_INT, k));
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 2; k++) {
                    if (me == root) {
                        assertEquals(value(i, k), gathered.getAtIndex(JAVA_INT, 2L * i + k));
                    }
                    assertEquals(value(i, k), everyone.getAtIndex(JAVA_INT, 2L * i + k));
                    assertEquals(pair(i, me, k), fromAll.getAtIndex(JAVA_INT, 2L * i + k));
                }
            }
            int scatteredSum = 0;
            for (int k = 0; k < 2; k++) {
                assertEquals(pair(root, me, k), part.getAtIndex(JAVA_INT, k));
                if (me == 0) {
                    assertEquals(100 * n * (n - 1) / 2 + n * (k + 1), reduced.getAtIndex(JAVA_INT, k));
                }
                assertEquals(value(n - 1, k), allReduced.getAtIndex(JAVA_INT, k));
                assertEquals(100 * me * (me + 1) / 2 + (me + 1) * (k + 1), scan.getAtIndex(JAVA_INT, k));
                if (me > 0) {
                    assertEquals(100 * me * (me - 1) / 2 + me * (k + 1), exscan.getAtIndex(JAVA_INT, k));
                }
            }
            for (int r = 0; r < n; r++) {
                scatteredSum += pair(r, me / 2, me % 2);
            }
            assertEquals(scatteredSum, scattered.get(JAVA_INT, 0));
        }
    }

    @MpiTest
    void igathervKeepsCountsThroughGc() {
        CollectiveVariantsTest.gatherv(TestMpi.world(), true);
    }

    @MpiTest
    void iscattervUneven() {
        CollectiveVariantsTest.scatterv(TestMpi.world(), true);
    }

    @MpiTest
    void iallgathervUneven() {
        CollectiveVariantsTest.allgatherv(TestMpi.world(), true);
    }

    @MpiTest
    void ialltoallvUneven() {
        CollectiveVariantsTest.alltoallv(TestMpi.world(), true);
    }

    @MpiTest
    void ialltoallwMixedTypes() {
        CollectiveVariantsTest.alltoallw(TestMpi.world(), true);
    }

    @MpiTest
    void ireduceScatterUneven() {
        CollectiveVariantsTest.reduceScatter(TestMpi.world(), true);
    }

    @MpiTest
    void igatherIscatterInPlace() {
        InPlaceCollectiveTest.rootedInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void igathervIscattervInPlace() {
        InPlaceCollectiveTest.rootedvInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void iallgatherFormsInPlace() {
        InPlaceCollectiveTest.allgatherInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void ialltoallFormsInPlace() {
        InPlaceCollectiveTest.alltoallInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void ireductionsInPlace() {
        InPlaceCollectiveTest.reductionsInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void ireduceScatterFormsInPlace() {
        InPlaceCollectiveTest.reduceScatterInPlace(TestMpi.world(), true);
    }

    @MpiTest
    void outstandingArgumentArraysSurviveGc() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            Request[] requests = new Request[3];
            MemorySegment[] recvs = new MemorySegment[3];
            for (int round = 0; round < 3; round++) {
                int[] counts = Blocked.counts(n, me + round);
                int[] displs = Blocked.displs(counts);
                int shift = round;
                MemorySegment send = Blocked.write(Blocked.filled(arena, Blocked.intBytes(counts, displs)), counts,
                        displs, (j, k) -> pair(me, j, k) + shift);
                recvs[round] = Blocked.filled(arena, Blocked.intBytes(counts, displs));
                requests[round] = world.ialltoallv(send, counts, displs, recvs[round], counts.clone(), displs.clone(),
                        Datatype.INT);
            }
            for (int i = 0; i < 3; i++) {
                byte[] garbage = new byte[1 << 20];
                assertEquals(0, garbage[i]);
                System.gc();
            }
            Request.waitAll(requests);
            for (int round = 0; round < 3; round++) {
                int[] counts = Blocked.counts(n, me + round);
                int shift = round;
                Blocked.check(recvs[round], counts, Blocked.displs(counts), (i, k) -> pair(i, me, k) + shift);
            }
        }
    }

    @MpiTest
    void iallreduceThroughFuture() throws Exception {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment buf = Blocked.block(arena, world.rank(), 4, CollectiveVariantsTest::value);
            Request r = world.iallreduce(Comm.IN_PLACE, buf, Datatype.INT, Op.SUM);
            r.future().get();
            int n = world.size();
            for (int k = 0; k < 4; k++) {
                assertEquals(100 * n * (n - 1) / 2 + n * (k + 1), buf.getAtIndex(JAVA_INT, k));
            }
        }
    }
}
