package mpi;

import java.nio.IntBuffer;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Collectives, blocking and nonblocking, regular, v-forms and in place, checked by their values. */
class CollectiveTest {

    @MpiTest
    void bcastGatherScatter() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        int root = n - 1;
        long[] b = me == root ? new long[] {7, 8} : new long[2];
        w.bcast(b, 2, MPI.LONG, root);
        assertArrayEquals(new long[] {7, 8}, b);
        int[] all = me == root ? new int[2 * n] : null;
        w.gather(new int[] {me, -me}, 2, MPI.INT, all, 2, MPI.INT, root);
        if (me == root) {
            for (int r = 0; r < n; r++) {
                assertEquals(r, all[2 * r]);
                assertEquals(-r, all[2 * r + 1]);
            }
        }
        int[] parts = new int[3 * n];
        Arrays.setAll(parts, i -> i * 3);
        int[] mine = new int[3];
        w.scatter(parts, 3, MPI.INT, mine, 3, MPI.INT, 0);
        assertArrayEquals(new int[] {9 * me, 9 * me + 3, 9 * me + 6}, mine);
        int[] inPlace = new int[n];
        inPlace[me] = me + 100;
        if (me == 0) {
            w.gather(inPlace, 1, MPI.INT, 0);
            for (int r = 0; r < n; r++) {
                assertEquals(r + 100, inPlace[r]);
            }
        } else {
            w.gather(new int[] {me + 100}, 1, MPI.INT, 0);
        }
        double[] spread = new double[n];
        Arrays.setAll(spread, i -> i * 0.5);
        if (me == 0) {
            w.scatter(spread, 1, MPI.DOUBLE, 0);
        } else {
            double[] one = new double[1];
            w.scatter(one, 1, MPI.DOUBLE, 0);
            assertEquals(me * 0.5, one[0]);
        }
    }

    @MpiTest
    void vForms() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        int[] counts = new int[n];
        int[] displs = new int[n];
        for (int r = 0, d = 0; r < n; r++) {
            counts[r] = r + 1;
            displs[r] = d;
            d += r + 1;
        }
        int total = n * (n + 1) / 2;
        int[] send = new int[me + 1];
        Arrays.fill(send, me);
        int[] got = new int[total];
        w.allGatherv(send, me + 1, MPI.INT, got, counts, displs, MPI.INT);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < r + 1; k++) {
                assertEquals(r, got[displs[r] + k]);
            }
        }
        int[] atRoot = me == 0 ? new int[total] : null;
        if (me == 0) {
            System.arraycopy(send, 0, atRoot, 0, 1);
            w.gatherv(atRoot, counts, displs, MPI.INT, 0);
            assertArrayEquals(got, atRoot);
        } else {
            w.gatherv(send, me + 1, MPI.INT, 0);
        }
        int[] back = new int[me + 1];
        w.scatterv(got, counts, displs, MPI.INT, back, me + 1, MPI.INT, 0);
        assertArrayEquals(send, back);
        int[] a2a = new int[n];
        Arrays.setAll(a2a, p -> me * 10 + p);
        int[] recv = new int[n];
        w.allToAll(a2a, 1, MPI.INT, recv, 1, MPI.INT);
        for (int p = 0; p < n; p++) {
            assertEquals(p * 10 + me, recv[p]);
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        int[] seq = new int[n];
        Arrays.setAll(seq, i -> i);
        int[] recvV = new int[n];
        w.allToAllv(a2a, ones, seq, MPI.INT, recvV, ones, seq, MPI.INT);
        assertArrayEquals(recv, recvV);
        int[] bytes = new int[n];
        Arrays.setAll(bytes, i -> i * 4);
        Datatype[] types = new Datatype[n];
        Arrays.fill(types, MPI.INT);
        int[] recvW = new int[n];
        w.allToAllw(a2a, ones, bytes, types, recvW, ones, bytes, types);
        assertArrayEquals(recv, recvW);
        int[] gathered = new int[n];
        gathered[me] = me * 7;
        w.allGather(gathered, 1, MPI.INT);
        for (int r = 0; r < n; r++) {
            assertEquals(r * 7, gathered[r]);
        }
    }

    @MpiTest
    void reductions() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        int[] sum = new int[2];
        w.allReduce(new int[] {me, 1}, sum, 2, MPI.INT, MPI.SUM);
        assertArrayEquals(new int[] {n * (n - 1) / 2, n}, sum);
        double[] max = {me + 0.5};
        w.allReduce(max, 1, MPI.DOUBLE, MPI.MAX);
        assertEquals(n - 0.5, max[0]);
        long[] prod = new long[1];
        w.reduce(new long[] {me + 1}, prod, 1, MPI.LONG, MPI.PROD, 0);
        if (me == 0) {
            long f = 1;
            for (int i = 2; i <= n; i++) {
                f *= i;
            }
            assertEquals(f, prod[0]);
        }
        boolean[] flags = {me == 0, true};
        w.allReduce(flags, 2, MPI.BOOLEAN, MPI.LAND);
        assertArrayEquals(new boolean[] {n == 1, true}, flags);
        int[] inPlace = {1 << me};
        w.reduce(inPlace, 1, MPI.INT, MPI.BOR, 0);
        if (me == 0) {
            assertEquals((1 << n) - 1, inPlace[0]);
        }
        int[] scan = new int[1];
        w.scan(new int[] {me + 1}, scan, 1, MPI.INT, MPI.SUM);
        assertEquals((me + 1) * (me + 2) / 2, scan[0]);
        int[] ex = {me + 1};
        w.exScan(ex, 1, MPI.INT, MPI.SUM);
        if (me > 0) {
            assertEquals(me * (me + 1) / 2, ex[0]);
        }
        int[] block = new int[n];
        Arrays.setAll(block, i -> i + me);
        int[] mine = new int[1];
        w.reduceScatterBlock(block, mine, 1, MPI.INT, MPI.SUM);
        assertEquals(me * n + n * (n - 1) / 2, mine[0]);
        int[] counts = new int[n];
        Arrays.fill(counts, 1);
        int[] rs = block.clone();
        w.reduceScatter(rs, counts, MPI.INT, MPI.SUM);
        assertEquals(me * n + n * (n - 1) / 2, rs[0]);
    }

    @MpiTest
    void nonblockingCollectives() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        IntBuffer b = MPI.newIntBuffer(1).put(0, me == 0 ? 55 : 0);
        Request bc = w.iBcast(b, 1, MPI.INT, 0);
        Request bar = w.iBarrier();
        IntBuffer sum = MPI.newIntBuffer(1);
        Request ar = w.iAllReduce(MPI.newIntBuffer(1).put(0, me), sum, 1, MPI.INT, MPI.SUM);
        IntBuffer all = MPI.newIntBuffer(n);
        Request ag = w.iAllGather(MPI.newIntBuffer(1).put(0, me * 3), 1, MPI.INT, all, 1, MPI.INT);
        IntBuffer sc = MPI.newIntBuffer(1);
        Request is = w.iScan(MPI.newIntBuffer(1).put(0, 1), sc, 1, MPI.INT, MPI.SUM);
        Request.waitAll(new Request[] {bc, bar, ar, ag, is});
        assertEquals(55, b.get(0));
        assertEquals(n * (n - 1) / 2, sum.get(0));
        for (int r = 0; r < n; r++) {
            assertEquals(r * 3, all.get(r));
        }
        assertEquals(me + 1, sc.get(0));
        IntBuffer red = MPI.newIntBuffer(1).put(0, me);
        w.iReduce(red, 1, MPI.INT, MPI.MAX, 0).waitFor();
        if (me == 0) {
            assertEquals(n - 1, red.get(0));
        }
        IntBuffer parts = MPI.newIntBuffer(n);
        for (int r = 0; r < n; r++) {
            parts.put(r, r * r);
        }
        IntBuffer one = MPI.newIntBuffer(1);
        w.iScatter(parts, 1, MPI.INT, one, 1, MPI.INT, 0).waitFor();
        assertEquals(me * me, one.get(0));
        IntBuffer a2a = MPI.newIntBuffer(n);
        w.iAllToAll(parts, 1, MPI.INT, a2a, 1, MPI.INT).waitFor();
        for (int r = 0; r < n; r++) {
            assertEquals(me * me, a2a.get(r));
        }
    }

    @MpiTest
    void collectivesOfASplit() throws MPIException {
        Intracomm w = TestEnv.world();
        int me = w.getRank();
        Intracomm half = w.split(me % 2, -me);
        assertEquals(MPI.ERRORS_ARE_FATAL, half.getErrhandler());
        int[] sum = new int[1];
        half.allReduce(new int[] {me}, sum, 1, MPI.INT, MPI.SUM);
        int expected = 0;
        for (int r = me % 2; r < w.getSize(); r += 2) {
            expected += r;
        }
        assertEquals(expected, sum[0]);
        assertEquals(half.getSize() - 1 - half.getRank(), me / 2);
        half.free();
        Intracomm none = w.split(MPI.UNDEFINED, 0);
        assertEquals(true, none.isNull());
    }
}
