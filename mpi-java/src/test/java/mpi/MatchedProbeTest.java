package mpi;

import java.nio.IntBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matched probes: mProbe/imProbe and the receives of the message they take. */
class MatchedProbeTest {

    @MpiTest
    void probeThenReceiveTheSameMessage() throws MPIException {
        Intracomm w = TestEnv.world();
        int next = (w.getRank() + 1) % w.getSize();
        int prev = (w.getRank() - 1 + w.getSize()) % w.getSize();
        Message m = new Message();
        assertTrue(m.isNull());
        assertNull(m.imProbe(prev, 21, w));
        w.barrier();
        IntBuffer out = MPI.newIntBuffer(4);
        for (int i = 0; i < 4; i++) {
            out.put(i, w.getRank() * 10 + i);
        }
        Request s = w.iSend(out, 4, MPI.INT, next, 21);
        Status st = m.mProbe(prev, 21, w);
        assertFalse(m.isNull());
        assertFalse(m.isNoProc());
        int n = st.getCount(MPI.INT);
        assertEquals(4, n);
        int[] in = new int[n];
        Status got = m.mRecv(in, n, MPI.INT);
        assertTrue(m.isNull());
        assertEquals(prev, got.getSource());
        assertArrayEquals(new int[] {prev * 10, prev * 10 + 1, prev * 10 + 2, prev * 10 + 3}, in);
        Request s2 = w.iSend(out, 2, MPI.INT, next, 22);
        Status polled;
        while ((polled = m.imProbe(MPI.ANY_SOURCE, 22, w)) == null) {
            Thread.onSpinWait();
        }
        assertEquals(prev, polled.getSource());
        IntBuffer two = MPI.newIntBuffer(2);
        Request r = m.imRecv(two, 2, MPI.INT);
        r.waitFor();
        assertEquals(prev * 10 + 1, two.get(1));
        Request.waitAll(new Request[] {s, s2});
    }

    @MpiTest
    void probeOfProcNull() throws MPIException {
        Intracomm w = TestEnv.world();
        Message m = new Message();
        Status st = m.mProbe(MPI.PROC_NULL, 0, w);
        assertEquals(MPI.PROC_NULL, st.getSource());
        assertTrue(m.isNoProc());
        Status r = m.mRecv(new int[1], 1, MPI.INT);
        assertEquals(MPI.PROC_NULL, r.getSource());
        assertTrue(m.isNull());
    }
}
