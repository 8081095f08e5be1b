package mpi;

import java.nio.IntBuffer;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion of requests: single, any, all, some, null and inactive requests, status indices. */
class RequestTest {

    @MpiTest
    void nullRequestCompletesAtOnce() throws MPIException {
        TestEnv.world();
        assertTrue(MPI.REQUEST_NULL.isNull());
        assertTrue(MPI.REQUEST_NULL.test());
        Status s = MPI.REQUEST_NULL.waitStatus();
        assertEquals(MPI.ANY_SOURCE, s.getSource());
        assertEquals(MPI.ANY_TAG, s.getTag());
        assertNotNull(MPI.REQUEST_NULL.testStatus());
        assertEquals(MPI.UNDEFINED, Request.waitAny(new Request[] {MPI.REQUEST_NULL, null}));
        assertNull(Request.waitSome(new Request[] {MPI.REQUEST_NULL}));
        Request.waitAll(new Request[] {MPI.REQUEST_NULL});
        assertTrue(Request.testAll(new Request[0]));
    }

    @MpiTest
    void waitAllStatusGivesOneStatusPerRequest() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        IntBuffer in = MPI.newIntBuffer(n);
        IntBuffer out = MPI.newIntBuffer(n);
        Request[] reqs = new Request[2 * n];
        for (int p = 0; p < n; p++) {
            out.put(p, w.getRank() * 100 + p);
            reqs[p] = w.iRecv(MPI.slice(in, p), 1, MPI.INT, p, 5);
        }
        for (int p = 0; p < n; p++) {
            reqs[n + p] = w.iSend(MPI.slice(out, p), 1, MPI.INT, p, 5);
        }
        Status[] st = Request.waitAllStatus(reqs);
        assertEquals(2 * n, st.length);
        for (int p = 0; p < n; p++) {
            assertEquals(p, st[p].getSource());
            assertEquals(p, st[p].getIndex());
            assertEquals(p * 100 + w.getRank(), in.get(p));
            assertTrue(reqs[p].isNull());
        }
    }

    @MpiTest
    void waitAnyAndSomeSeeEveryMessageOnce() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        IntBuffer in = MPI.newIntBuffer(n);
        Request[] recvs = new Request[n];
        for (int p = 0; p < n; p++) {
            recvs[p] = w.iRecv(MPI.slice(in, p), 1, MPI.INT, p, 6);
        }
        IntBuffer me = MPI.newIntBuffer(1).put(0, w.getRank() + 1);
        Request[] sends = new Request[n];
        for (int p = 0; p < n; p++) {
            sends[p] = w.iSend(me, 1, MPI.INT, p, 6);
        }
        boolean[] seen = new boolean[n];
        Status first = Request.waitAnyStatus(recvs);
        seen[first.getIndex()] = true;
        assertEquals(first.getIndex(), first.getSource());
        while (true) {
            Status[] some = Request.waitSomeStatus(recvs);
            if (some == null) {
                break;
            }
            for (Status s : some) {
                assertFalse(seen[s.getIndex()]);
                seen[s.getIndex()] = true;
            }
        }
        assertTrue(Arrays.equals(seen, filled(n)));
        for (int p = 0; p < n; p++) {
            assertEquals(p + 1, in.get(p));
        }
        Request.waitAll(sends);
        assertEquals(MPI.UNDEFINED, Request.testAny(sends));
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    @MpiTest
    void testFormsReportProgress() throws MPIException {
        Intracomm w = TestEnv.world();
        IntBuffer in = MPI.newIntBuffer(1);
        Request r = w.iRecv(in, 1, MPI.INT, MPI.ANY_SOURCE, 7);
        assertNull(r.testStatus());
        assertNull(r.getStatus());
        assertFalse(Request.testAll(new Request[] {r}));
        assertEquals(0, Request.testSome(new Request[] {r}).length);
        assertEquals(MPI.UNDEFINED, Request.testAny(new Request[] {r}));
        w.barrier();
        Request s = w.iSend(MPI.newIntBuffer(1).put(0, 42), 1, MPI.INT, w.getRank(), 7);
        Status got;
        while ((got = r.getStatus()) == null) {
            Thread.onSpinWait();
        }
        assertEquals(w.getRank(), got.getSource());
        assertFalse(r.isNull());
        assertNotNull(Request.testAllStatus(new Request[] {r, s}) == null ? r.waitStatus() : r.waitStatus());
        s.waitFor();
        assertEquals(42, in.get(0));
        assertTrue(r.isNull() && s.isNull());
    }

    @MpiTest
    void cancelledReceive() throws MPIException {
        Intracomm w = TestEnv.world();
        Request r = w.iRecv(MPI.newIntBuffer(1), 1, MPI.INT, w.getRank(), 999);
        r.cancel();
        Status s = r.waitStatus();
        assertTrue(s.isCancelled());
        assertTrue(r.isNull());
    }

    @MpiTest
    void statusSetters() throws MPIException {
        TestEnv.world();
        Status s = MPI.REQUEST_NULL.waitStatus();
        s.setElements(MPI.INT, 5);
        assertEquals(5, s.getCount(MPI.INT));
        assertEquals(5, s.getElementsX(MPI.INT).getCount());
        assertEquals(20, s.getCount(MPI.BYTE));
        s.setCancelled(true);
        assertTrue(s.isCancelled());
    }
}
