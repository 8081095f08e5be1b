package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Blocking collectives on messages: arrays and {@link Buf}s, each side with its own count
 * and datatype, staged through native memory where they are Java arrays or heap segments.
 */
class CollectiveMessageTest {

    /** Rank r's row: {@code 10 r + j}. */
    static int[] row(int r) {
        return new int[] {10 * r, 10 * r + 1, 10 * r + 2, 10 * r + 3};
    }

    /** One column of a 4 x n row-major int matrix, resized so that column r + 1 starts one int later. */
    static Datatype column(int n) {
        try (Datatype col = Datatype.vector(4, 1, n, Datatype.INT32)) {
            return Datatype.resized(0, Integer.BYTES, col);
        }
    }

    /** The 4 x n matrix whose column r is rank r's row, row-major. */
    static int[] transposed(int n) {
        int[] m = new int[4 * n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 4; i++) {
                m[i * n + r] = 10 * r + i;
            }
        }
        return m;
    }

    @MpiTest
    void gatherRowsIntoColumnsAndScatterThemBack() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Datatype col = column(n)) {
            for (int root = 0; root < n; root++) {
                // C: MPI_Gather(mine, 4, MPI_INT, all, 1, col, root, comm)
                int[] all = new int[4 * n];
                world.gather(Buf.of(row(me)), Buf.of(all, 0, 1, col), root);
                if (me == root) {
                    assertArrayEquals(transposed(n), all);
                }
                int[] back = new int[4];
                world.scatter(me == root ? Buf.of(transposed(n), 0, 1, col) : null, back, root);
                assertArrayEquals(row(me), back);
            }
        }
    }

    @MpiTest
    void reduceAndGatherOnArrays() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        for (int root = 0; root < n; root++) {
            long[] sum = new long[2];
            world.reduce(new long[] {me, 1L << me}, sum, Op.SUM, root);
            if (me == root) {
                assertArrayEquals(new long[] {n * (n - 1L) / 2, (1L << n) - 1}, sum);
            }
            double[] max = {me == root ? -1 : me + 0.5};
            world.reduce(me == root ? Comm.IN_PLACE : max, me == root ? max : null, Op.MAX, root);
            if (me == root) {
                assertEquals(n == 1 ? -1 : (root == n - 1 ? n - 1.5 : n - 0.5), max[0]);
            }
            int[] all = new int[4 * n];
            world.gather(row(me), me == root ? all : null, root);
            int[] inPlace = new int[4 * n];
            System.arraycopy(row(me), 0, inPlace, 4 * me, 4);
            world.gather(me == root ? Comm.IN_PLACE : row(me), me == root ? inPlace : null, root);
            if (me == root) {
                for (int r = 0; r < n; r++) {
                    assertArrayEquals(row(r), Arrays.copyOfRange(all, 4 * r, 4 * r + 4));
                    assertArrayEquals(row(r), Arrays.copyOfRange(inPlace, 4 * r, 4 * r + 4));
                }
            }
            short[] part = new short[2];
            short[] parts = new short[2 * n];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = (short) (i * 3);
            }
            world.scatter(me == root ? parts : null, part, root);
            assertArrayEquals(new short[] {(short) (6 * me), (short) (6 * me + 3)}, part);
        }
        float[] scan = new float[1];
        world.scan(new float[] {me + 1}, scan, Op.SUM);
        assertEquals((me + 1) * (me + 2) / 2f, scan[0]);
        int[] ex = {me + 1};
        world.exscan(Comm.IN_PLACE, ex, Op.SUM);
        if (me > 0) {
            assertEquals(me * (me + 1) / 2, ex[0]);
        }
        int[] block = new int[1];
        world.reduceScatterBlock(Checks.fill(n, r -> 10 * r + me), block, Op.SUM);
        assertEquals(10 * me * n + n * (n - 1) / 2, block[0]);
    }

    @MpiTest
    void allgatherAndAlltoallWithCountsAndTypesPerSide() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Datatype pair = Datatype.contiguous(2, Datatype.INT32)) {
            // four ints out, two pairs in per rank
            int[] everyone = new int[4 * n];
            world.allgather(row(me), Buf.of(everyone, 0, 2, pair));
            for (int r = 0; r < n; r++) {
                assertArrayEquals(row(r), Arrays.copyOfRange(everyone, 4 * r, 4 * r + 4));
            }
            // one pair out per rank, whole int[] in: split into n blocks of two ints
            int[] out = Checks.fill(2 * n, k -> 100 * me + k);
            int[] in = new int[2 * n];
            world.alltoall(Buf.of(out, 0, 1, pair), in);
            for (int r = 0; r < n; r++) {
                assertEquals(100 * r + 2 * me, in[2 * r]);
                assertEquals(100 * r + 2 * me + 1, in[2 * r + 1]);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            // native memory at an offset, and a heap segment over a long[]
            MemorySegment seg = arena.allocate(JAVA_INT, 2 + 4L * n);
            world.allgather(row(me), Buf.at(seg, 8, 4, Datatype.INT32));
            long[] heap = new long[n];
            world.allgather(new long[] {me * 7L}, Buf.of(MemorySegment.ofArray(heap), 1, Datatype.INT64));
            for (int r = 0; r < n; r++) {
                assertEquals(10 * r + 3, seg.getAtIndex(JAVA_INT, 2 + 4L * r + 3));
                assertEquals(r * 7L, heap[r]);
            }
        }
    }

    @MpiTest
    void inPlaceFormsOnArrays() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] all = new int[4 * n];
        System.arraycopy(row(me), 0, all, 4 * me, 4);
        world.allgather(Comm.IN_PLACE, all);
        int[] swap = Checks.fill(n, r -> 1000 * me + r);
        world.alltoall(Comm.IN_PLACE, swap);
        long[] sums = {me, 1};
        world.allreduce(Comm.IN_PLACE, Buf.of(MemorySegment.ofArray(sums), 2, Datatype.INT64), Op.SUM);
        int[] blocks = Checks.fill(2 * n, k -> k + me);
        world.reduceScatterBlock(Comm.IN_PLACE, blocks, Op.SUM);
        for (int r = 0; r < n; r++) {
            assertArrayEquals(row(r), Arrays.copyOfRange(all, 4 * r, 4 * r + 4));
            assertEquals(1000 * r + me, swap[r]);
        }
        assertArrayEquals(new long[] {n * (n - 1L) / 2, n}, sums);
        for (int k = 0; k < 2; k++) {
            assertEquals(n * (2 * me + k) + n * (n - 1) / 2, blocks[k]);
        }
    }

    @MpiTest
    void variableFormsOnArraysKeepTheGaps() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] counts = Checks.fill(n, r -> r + 1);
        int[] displs = displs(n);
        int[] mine = Checks.fill(me + 1, k -> 100 * me + k);
        for (int root = 0; root < n; root++) {
            int[] got = filled(displs[n - 1] + n + 1);
            world.gatherv(mine, me == root ? got : null, counts, displs, root);
            if (me == root) {
                checkBlocks(got, counts, displs);
            }
            int[] back = new int[me + 1];
            world.scatterv(me == root ? got : null, counts, displs, back, root);
            assertArrayEquals(mine, back);
        }
        int[] everyone = filled(displs[n - 1] + n + 1);
        world.allgatherv(Buf.of(MemorySegment.ofArray(mine), Datatype.INT32),
                Buf.of(MemorySegment.ofArray(everyone), Datatype.INT32), counts, displs);
        checkBlocks(everyone, counts, displs);
        int[] ones = Checks.fill(n, r -> 1);
        int[] at = Checks.fill(n, r -> 2 * r);
        int[] out = Checks.fill(2 * n, k -> k % 2 == 0 ? 10 * me + k / 2 : -1);
        int[] in = new int[2 * n];
        Arrays.fill(in, -7);
        world.alltoallv(out, ones, at, in, ones, at);
        int[] bytes = Checks.fill(n, r -> 8 * r);
        Datatype[] types = new Datatype[n];
        Arrays.fill(types, Datatype.INT32);
        int[] inW = new int[2 * n];
        world.alltoallw(out, ones, bytes, types, inW, ones, bytes, types);
        int[] reduced = new int[me + 1];
        world.reduceScatter(Checks.fill(n * (n + 1) / 2, k -> k), reduced, counts, Op.SUM);
        for (int r = 0; r < n; r++) {
            assertEquals(10 * r + me, in[2 * r]);
            assertEquals(-7, in[2 * r + 1]);
            assertEquals(10 * r + me, inW[2 * r]);
        }
        for (int k = 0; k <= me; k++) {
            assertEquals(n * (me * (me + 1) / 2 + k), reduced[k]);
        }
    }

    /** Displacements for blocks of r + 1 elements, with gaps before each. */
    static int[] displs(int n) {
        return Checks.fill(n, r -> r * (r + 1) / 2 + 2 * r + 1);
    }

    /** An array of {@code size} filler values. */
    static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, -1);
        return a;
    }

    /** Checks block r ({@code 100 r + k}) at each displacement and the filler everywhere else. */
    static void checkBlocks(int[] got, int[] counts, int[] displs) {
        int[] want = filled(got.length);
        for (int r = 0; r < counts.length; r++) {
            for (int k = 0; k < counts[r]; k++) {
                want[displs[r] + k] = 100 * r + k;
            }
        }
        assertArrayEquals(want, got);
    }

    @MpiTest
    void neighborCollectivesOnArrays() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        int left = (r + n - 1) % n;
        int right = (r + 1) % n;
        try (Comm ring = world.cartCreate(new int[] {n}, new boolean[] {true}, false)) {
            int[] got = new int[4];
            ring.neighborAllgather(new int[] {r * 10, r * 10 + 1}, got);
            assertArrayEquals(new int[] {left * 10, left * 10 + 1, right * 10, right * 10 + 1}, got);
            long[] swapped = new long[2];
            ring.neighborAlltoall(new long[] {r * 100, r * 100 + 1}, swapped);
            assertArrayEquals(new long[] {left * 100 + 1, right * 100}, swapped);
            int[] v = filled(5);
            ring.neighborAllgatherv(new int[] {r}, v, new int[] {1, 1}, new int[] {1, 3});
            assertArrayEquals(new int[] {-1, left, -1, right, -1}, v);
            int[] later = new int[2];
            Request req = ring.ineighborAllgather(new int[] {r + 7}, later);
            req.waitFor();
            assertArrayEquals(new int[] {left + 7, right + 7}, later);
        }
    }

    @MpiTest
    void messagesOnAVirtualThread() throws Exception {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int[] all = new int[4 * n];
        long[] sum = new long[1];
        int[] bcast = new int[3];
        Thread t = Thread.ofVirtual().start(() -> {
            try (Datatype col = column(n)) {
                world.gather(Buf.of(row(me)), Buf.of(all, 0, 1, col), 0);
            }
            world.allreduce(new long[] {me}, sum, Op.SUM);
            if (me == 0) {
                bcast[0] = 5;
                bcast[2] = 6;
            }
            world.bcast(bcast, 0);
        });
        t.join();
        if (me == 0) {
            assertArrayEquals(transposed(n), all);
        }
        assertEquals(n * (n - 1L) / 2, sum[0]);
        assertArrayEquals(new int[] {5, 0, 6}, bcast);
    }

    @MpiTest
    void typesWithDataBeforeTheirStart() {
        Comm world = TestMpi.world();
        int me = world.rank();
        // one int, 4 bytes before the element's start: a Buf at int 1 reaches int 0
        try (Datatype before = Datatype.hindexed(new int[] {1}, new long[] {-4}, Datatype.INT32)) {
            int[] buf = {me == 0 ? 42 : -1, -2};
            world.bcast(Buf.of(buf, 1, 1, before), 0);
            assertArrayEquals(new int[] {42, -2}, buf);
            int n = world.size();
            int[] all = filled(n + 1);
            world.allgather(new int[] {me}, Buf.of(all, 1, 1, before));
            assertArrayEquals(Checks.fill(n + 1, k -> k < n ? k : -1), all);
        }
    }
}
