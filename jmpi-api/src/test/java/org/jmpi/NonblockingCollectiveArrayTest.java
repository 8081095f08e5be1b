package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static org.jmpi.CollectiveMessageTest.column;
import static org.jmpi.CollectiveMessageTest.row;
import static org.jmpi.CollectiveMessageTest.transposed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nonblocking collectives on Java arrays and heap segments: copied to native memory the
 * request owns when they start, so the arrays may change meanwhile, and what MPI wrote
 * copied back when the request completes, not before.
 */
class NonblockingCollectiveArrayTest {

    @MpiTest
    void iallreduceAndIgatherDeliverAtCompletion() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] send = {me, 1, 2 * me};
        int[] sum = new int[3];
        int[] all = new int[4 * n];
        int[] mine = row(me);
        Request reduced = world.iallreduce(send, sum, Op.SUM);
        Request gathered = world.igather(mine, me == 0 ? all : null, 0);
        // the arrays were copied when the operations started: changing them changes nothing,
        // and nothing arrives before completion is seen
        Arrays.fill(send, 1000);
        Arrays.fill(mine, -1000);
        assertArrayEquals(new int[3], sum);
        assertArrayEquals(new int[4 * n], all);
        Request.waitAll(reduced, gathered);
        assertArrayEquals(new int[] {n * (n - 1) / 2, n, n * (n - 1)}, sum);
        if (me == 0) {
            for (int r = 0; r < n; r++) {
                assertArrayEquals(row(r), Arrays.copyOfRange(all, 4 * r, 4 * r + 4));
            }
        }
    }

    @MpiTest
    void igatherIntoColumnsAndOtherFixedForms() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int root = n - 1;
        try (Datatype col = column(n)) {
            int[] matrix = new int[4 * n];
            long[] bcast = me == 0 ? new long[] {7, 8, 9} : new long[3];
            double[] max = {me};
            int[] everyone = new int[4 * n];
            int[] swapped = new int[n];
            int[] scan = new int[1];
            int[] part = new int[4];
            int[] inPlace = Checks.fill(n, r -> r == me ? me * me : 0);
            Request.waitAll(world.igather(Buf.of(row(me)), me == root ? Buf.of(matrix, 0, 1, col) : null, root),
                    world.ibcast(bcast, 0),
                    world.iallreduce(max, Op.MAX),
                    world.iallgather(row(me), Buf.of(MemorySegment.ofArray(everyone), 4, Datatype.INT32)),
                    world.ialltoall(Checks.fill(n, r -> 100 * me + r), swapped),
                    world.iscan(new int[] {1}, scan, Op.SUM),
                    world.iscatter(me == root ? Buf.of(transposed(n), 0, 1, col) : null, part, root),
                    world.iallgather(Comm.IN_PLACE, Buf.of(inPlace, 0, 1)),
                    world.ireduce(new int[] {me}, me == 0 ? new int[1] : null, Op.SUM, 0));
            if (me == root) {
                assertArrayEquals(transposed(n), matrix);
            }
            assertArrayEquals(new long[] {7, 8, 9}, bcast);
            assertEquals(n - 1, max[0]);
            assertArrayEquals(row(me), part);
            assertEquals(me + 1, scan[0]);
            for (int r = 0; r < n; r++) {
                assertArrayEquals(row(r), Arrays.copyOfRange(everyone, 4 * r, 4 * r + 4));
                assertEquals(100 * r + me, swapped[r]);
                assertEquals(r * r, inPlace[r]);
            }
        }
    }

    @MpiTest
    void variableAndNeighborFormsOnArrays() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] counts = Checks.fill(n, r -> r + 1);
        int[] displs = CollectiveMessageTest.displs(n);
        int[] mine = Checks.fill(me + 1, k -> 100 * me + k);
        int[] gathered = CollectiveMessageTest.filled(displs[n - 1] + n + 1);
        int[] everyone = CollectiveMessageTest.filled(displs[n - 1] + n + 1);
        int[] back = new int[me + 1];
        int[] ones = Checks.fill(n, r -> 1);
        int[] at = Checks.fill(n, r -> 2 * r);
        int[] in = new int[2 * n];
        Arrays.fill(in, -7);
        int[] reduced = new int[me + 1];
        Request.waitAll(world.igatherv(mine, me == 0 ? gathered : null, counts, displs, 0),
                world.iallgatherv(mine, everyone, counts, displs),
                world.ialltoallv(Checks.fill(2 * n, k -> 10 * me + k / 2), ones, at, in, ones, at),
                world.ireduceScatter(Checks.fill(n * (n + 1) / 2, k -> k), reduced, counts, Op.SUM));
        world.iscatterv(me == 0 ? everyone : null, counts, displs, back, 0).waitFor();
        if (me == 0) {
            CollectiveMessageTest.checkBlocks(gathered, counts, displs);
        }
        CollectiveMessageTest.checkBlocks(everyone, counts, displs);
        assertArrayEquals(mine, back);
        for (int r = 0; r < n; r++) {
            assertEquals(10 * r + me, in[2 * r]);
            assertEquals(-7, in[2 * r + 1]);
        }
        for (int k = 0; k <= me; k++) {
            assertEquals(n * (me * (me + 1) / 2 + k), reduced[k]);
        }
        // On one or two processes both ring neighbours are the same process, and Open MPI's
        // nonblocking neighbour alltoall may then match the two blocks either way round.
        if (n < 3) {
            return;
        }
        try (Comm ring = world.cartCreate(new int[] {n}, new boolean[] {true}, false)) {
            long[] swapped = new long[2];
            ring.ineighborAlltoall(new long[] {me * 100, me * 100 + 1}, swapped).waitFor();
            assertArrayEquals(new long[] {(me + n - 1) % n * 100 + 1, (me + 1) % n * 100}, swapped);
        }
    }

    @MpiTest
    void heapSegmentsInNonblockingSegmentForms() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] sum = new int[2];
        int[] all = new int[2 * n];
        Request.waitAll(
                world.iallreduce(MemorySegment.ofArray(new int[] {me, 1}), MemorySegment.ofArray(sum), Datatype.INT32,
                        Op.SUM),
                world.iallgather(MemorySegment.ofArray(new int[] {me, -me}), MemorySegment.ofArray(all),
                        Datatype.INT32));
        assertArrayEquals(new int[] {n * (n - 1) / 2, n}, sum);
        for (int r = 0; r < n; r++) {
            assertEquals(-r, all[2 * r + 1]);
        }
    }
}
