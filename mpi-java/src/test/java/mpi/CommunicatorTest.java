package mpi;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups, communicator management and intercommunicators. */
class CommunicatorTest {

    @MpiTest
    void groups() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        Group g = w.getGroup();
        assertEquals(n, g.getSize());
        assertEquals(me, g.getRank());
        Group first = g.incl(new int[] {0});
        assertEquals(1, first.getSize());
        assertEquals(me == 0 ? 0 : MPI.UNDEFINED, first.getRank());
        Group rest = g.excl(new int[] {0});
        assertEquals(n - 1, rest.getSize());
        Group back = Group.union(first, rest);
        assertEquals(MPI.IDENT, Group.compare(g, back));
        assertEquals(0, Group.intersection(first, rest).getSize());
        assertEquals(n - 1, Group.difference(g, first).getSize());
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = n - 1 - i;
        }
        Group rev = g.incl(reversed);
        assertEquals(n == 1 ? MPI.IDENT : MPI.SIMILAR, Group.compare(g, rev));
        assertArrayEquals(reversed, Group.translateRanks(g, rangeTo(n), rev));
        Group evens = g.rangeIncl(new int[][] {{0, n - 1, 2}});
        assertEquals((n + 1) / 2, evens.getSize());
        assertEquals(n / 2, g.rangeExcl(new int[][] {{0, n - 1, 2}}).getSize());
        assertEquals(0, MPI.GROUP_EMPTY.getSize());
        assertEquals(MPI.UNDEFINED, MPI.GROUP_EMPTY.getRank());
        rev.free();
        assertTrue(rev.isNull());
        g.free();
    }

    private static int[] rangeTo(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @MpiTest
    void dupCompareCreateAndNames() throws MPIException {
        Intracomm w = TestEnv.world();
        int me = w.getRank();
        Intracomm d = w.dup();
        assertNotSame(w, d);
        assertEquals(MPI.CONGRUENT, Comm.compare(w, d));
        assertEquals(MPI.IDENT, Comm.compare(w, MPI.COMM_WORLD));
        d.setName("copy of world");
        assertEquals("copy of world", d.getName());
        Intracomm clone = d.clone();
        assertEquals(MPI.CONGRUENT, Comm.compare(d, clone));
        Intracomm pending = w.iDup();
        pending.getRequest().waitFor();
        assertEquals(me, pending.getRank());
        Intracomm withInfo = w.dupWithInfo(MPI.INFO_NULL);
        assertEquals(w.getSize(), withInfo.getSize());
        Group g = w.getGroup().incl(new int[] {0});
        Intracomm zero = w.create(g);
        assertEquals(me != 0, zero.isNull());
        if (me == 0) {
            Intracomm alone = w.createGroup(g, 3);
            assertEquals(1, alone.getSize());
            alone.free();
            zero.free();
        }
        Intracomm shared = w.splitType(Comm.TYPE_SHARED, 0, MPI.INFO_NULL);
        assertEquals(w.getSize(), shared.getSize());
        for (Intracomm c : new Intracomm[] {d, clone, pending, withInfo, shared}) {
            c.free();
            assertTrue(c.isNull());
        }
    }

    @MpiTest
    void intercommunicatorBetweenHalves() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        if (n < 2) {
            return;
        }
        int me = w.getRank();
        int color = me % 2;
        Intracomm half = w.split(color, me);
        Intercomm inter = w.createIntercomm(half, 0, 1 - color, 17);
        assertTrue(inter.isInter());
        int remote = color == 0 ? n / 2 : (n + 1) / 2;
        assertEquals(remote, inter.getRemoteSize());
        assertEquals(remote, inter.getRemoteGroup().getSize());
        int partner = half.getRank();
        if (partner < remote) {
            int[] got = new int[1];
            inter.sendRecv(new int[] {me}, 1, MPI.INT, partner, 4, got, 1, MPI.INT, partner, 4);
            assertEquals(2 * partner + 1 - color, got[0]);
        }
        Intracomm merged = inter.merge(color == 1);
        assertEquals(n, merged.getSize());
        assertEquals(color == 0 ? half.getRank() : (n + 1) / 2 + half.getRank(), merged.getRank());
        int[] sum = new int[1];
        merged.allReduce(new int[] {1}, sum, 1, MPI.INT, MPI.SUM);
        assertEquals(n, sum[0]);
        Intercomm copy = inter.dup();
        assertEquals(remote, copy.getRemoteSize());
        int[] bc = {me == 0 ? 99 : 0};
        if (color == 0) {
            copy.bcast(bc, 1, MPI.INT, me == 0 ? MPI.ROOT : MPI.PROC_NULL);
        } else {
            copy.bcast(bc, 1, MPI.INT, 0);
            assertEquals(99, bc[0]);
        }
        copy.free();
        merged.free();
        inter.free();
        half.free();
        assertFalse(w.isNull());
    }

    @MpiTest
    void parentOfAnUnspawnedProcessIsNull() throws MPIException {
        TestEnv.world();
        assertTrue(Intercomm.getParent().isNull());
    }
}
