package mpi;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking and nonblocking messages between ranks, with arrays, heap and direct buffers. */
class PointToPointTest {

    static int next(Comm c) throws MPIException {
        return (c.getRank() + 1) % c.getSize();
    }

    static int prev(Comm c) throws MPIException {
        return (c.getRank() - 1 + c.getSize()) % c.getSize();
    }

    @MpiTest
    void ringOfEveryArrayType() throws MPIException {
        Intracomm w = TestEnv.world();
        int me = w.getRank();
        int from = prev(w);
        Request r = null;
        int[] ints = new int[3];
        w.sendRecv(new int[] {me, me + 1, me + 2}, 3, MPI.INT, next(w), 1, ints, 3, MPI.INT, from, 1);
        assertArrayEquals(new int[] {from, from + 1, from + 2}, ints);
        long[] longs = new long[2];
        w.sendRecv(new long[] {1L << 40 | me, -me}, 2, MPI.LONG, next(w), 2, longs, 2, MPI.LONG, from, 2);
        assertArrayEquals(new long[] {1L << 40 | from, -from}, longs);
        char[] chars = new char[2];
        w.sendRecv(new char[] {'\u20ac', (char) ('a' + me)}, 2, MPI.CHAR, next(w), 3, chars, 2, MPI.CHAR, from, 3);
        assertArrayEquals(new char[] {'\u20ac', (char) ('a' + from)}, chars);
        boolean[] bools = new boolean[3];
        w.sendRecv(new boolean[] {true, me % 2 == 0, false}, 3, MPI.BOOLEAN, next(w), 4, bools, 3, MPI.BOOLEAN, from,
                4);
        assertArrayEquals(new boolean[] {true, from % 2 == 0, false}, bools);
        double[] doubles = new double[1];
        short[] shorts = new short[1];
        float[] floats = new float[1];
        byte[] bytes = new byte[1];
        w.sendRecv(new double[] {me + 0.5}, 1, MPI.DOUBLE, next(w), 5, doubles, 1, MPI.DOUBLE, from, 5);
        w.sendRecv(new short[] {(short) -me}, 1, MPI.SHORT, next(w), 6, shorts, 1, MPI.SHORT, from, 6);
        w.sendRecv(new float[] {me * 2f}, 1, MPI.FLOAT, next(w), 7, floats, 1, MPI.FLOAT, from, 7);
        w.sendRecv(new byte[] {(byte) me}, 1, MPI.BYTE, next(w), 8, bytes, 1, MPI.BYTE, from, 8);
        assertEquals(from + 0.5, doubles[0]);
        assertEquals((short) -from, shorts[0]);
        assertEquals(from * 2f, floats[0]);
        assertEquals((byte) from, bytes[0]);
        assertNull(r);
    }

    @MpiTest
    void sendAndRecvWithStatus() throws MPIException {
        Intracomm w = TestEnv.world();
        if (w.getRank() == 0) {
            for (int src = 1; src < w.getSize(); src++) {
                int[] buf = new int[10];
                Status s = w.recv(buf, 10, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                int n = s.getCount(MPI.INT);
                assertEquals(s.getSource() + 1, n);
                assertEquals(100 + s.getSource(), s.getTag());
                assertEquals(s.getSource(), buf[n - 1]);
                assertEquals(n * 4, s.getCount(MPI.BYTE));
                assertEquals(n, s.getElements(MPI.INT));
            }
        } else {
            int[] out = new int[w.getRank() + 1];
            java.util.Arrays.fill(out, w.getRank());
            w.send(out, out.length, MPI.INT, 0, 100 + w.getRank());
        }
    }

    @MpiTest
    void slicedAndHeapBuffersHonourOffsets() throws MPIException {
        Intracomm w = TestEnv.world();
        int[] array = {9, 9, 9, 9, 9, 9};
        IntBuffer heapSlice = MPI.slice(array, 2);
        IntBuffer direct = MPI.newIntBuffer(6);
        IntBuffer directSlice = MPI.slice(direct, 3);
        w.sendRecv(new int[] {7, 8}, 2, MPI.INT, next(w), 1, heapSlice, 2, MPI.INT, prev(w), 1);
        assertArrayEquals(new int[] {9, 9, 7, 8, 9, 9}, array);
        w.sendRecv(heapSlice, 2, MPI.INT, next(w), 2, directSlice, 2, MPI.INT, prev(w), 2);
        assertEquals(0, direct.get(2));
        assertEquals(7, direct.get(3));
        assertEquals(8, direct.get(4));
        DoubleBuffer heap = DoubleBuffer.allocate(4);
        heap.position(3);
        w.sendRecv(new double[] {1.5, 2.5}, 2, MPI.DOUBLE, next(w), 3, heap, 2, MPI.DOUBLE, prev(w), 3);
        assertEquals(1.5, heap.get(0));
        assertEquals(2.5, heap.get(1));
    }

    @MpiTest
    void blockingCallsStartAtElementZeroAndCopyBooleans() throws MPIException {
        Intracomm w = TestEnv.world();
        int me = w.getRank();
        IntBuffer direct = MPI.newIntBuffer(4);
        direct.put(me).put(me + 1).put(me + 2);
        boolean[] flags = {me % 2 == 0, true, false};
        boolean[] all = new boolean[3];
        w.allReduce(flags, all, 3, MPI.BOOLEAN, MPI.LAND);
        assertArrayEquals(new boolean[] {w.getSize() == 1, true, false}, all);
        if (w.getSize() < 2 || me > 1) {
            return;
        }
        int peer = 1 - me;
        IntBuffer in = MPI.newIntBuffer(4);
        in.position(2);
        boolean[] got = new boolean[3];
        if (me == 0) {
            w.send(direct, 3, MPI.INT, peer, 5);
            w.send(flags, 3, MPI.BOOLEAN, peer, 6);
            w.recv(in, 3, MPI.INT, peer, 5);
            w.recv(got, 3, MPI.BOOLEAN, peer, 6);
        } else {
            w.recv(in, 3, MPI.INT, peer, 5);
            w.recv(got, 3, MPI.BOOLEAN, peer, 6);
            w.send(direct, 3, MPI.INT, peer, 5);
            w.send(flags, 3, MPI.BOOLEAN, peer, 6);
        }
        assertEquals(peer, in.get(0));
        assertEquals(peer + 2, in.get(2));
        assertEquals(2, in.position());
        assertArrayEquals(new boolean[] {peer % 2 == 0, true, false}, got);
        // the same buffers again, positions moved and contents changed: still from element 0
        direct.position(3).put(0, me + 10);
        in.position(0).limit(1);
        if (me == 0) {
            w.send(direct, 2, MPI.INT, peer, 7);
            w.recv(in, 2, MPI.INT, peer, 7);
        } else {
            w.recv(in, 2, MPI.INT, peer, 7);
            w.send(direct, 2, MPI.INT, peer, 7);
        }
        assertEquals(1, in.limit());
        in.limit(4);
        assertEquals(peer + 10, in.get(0));
        assertEquals(peer + 1, in.get(1));
    }

    @MpiTest
    void nonblockingNeedsDirectBuffers() throws MPIException {
        Intracomm w = TestEnv.world();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.iSend(IntBuffer.allocate(2), 2, MPI.INT, next(w), 0));
        assertTrue(e.getMessage().contains("direct"), e.getMessage());
        IntBuffer out = MPI.newIntBuffer(3);
        IntBuffer in = MPI.newIntBuffer(3);
        out.put(0, w.getRank()).put(1, 11).put(2, 12);
        Request rr = w.iRecv(in, 3, MPI.INT, prev(w), 9);
        Request sr = w.iSend(out, 3, MPI.INT, next(w), 9);
        Status s = rr.waitStatus();
        sr.waitFor();
        assertTrue(rr.isNull());
        assertTrue(sr.isNull());
        assertEquals(prev(w), s.getSource());
        assertEquals(3, s.getCount(MPI.INT));
        assertEquals(prev(w), in.get(0));
        assertEquals(12, in.get(2));
    }

    @MpiTest
    void sendModes() throws MPIException {
        Intracomm w = TestEnv.world();
        ByteBuffer in = MPI.newByteBuffer(4);
        Request r = w.iRecv(in, 4, MPI.BYTE, prev(w), 3);
        w.barrier();
        w.rSend(new byte[] {1, 2, 3, (byte) w.getRank()}, 4, MPI.BYTE, next(w), 3);
        r.waitFor();
        assertEquals((byte) prev(w), in.get(3));
        int[] got = new int[1];
        Request rs = w.iRecv(MPI.newIntBuffer(1), 1, MPI.INT, prev(w), 4);
        w.sSend(new int[] {5}, 1, MPI.INT, next(w), 4);
        rs.waitFor();
        int[] buf = {w.getRank()};
        Status s = w.sendRecvReplace(buf, 1, MPI.INT, next(w), 6, prev(w), 6);
        assertEquals(prev(w), buf[0]);
        assertEquals(prev(w), s.getSource());
        assertEquals(0, got[0]);
    }

    @MpiTest
    void procNullAndProbe() throws MPIException {
        Intracomm w = TestEnv.world();
        Status s = w.recv(new int[1], 1, MPI.INT, MPI.PROC_NULL, 0);
        assertEquals(MPI.PROC_NULL, s.getSource());
        assertEquals(0, s.getCount(MPI.INT));
        w.send(new int[1], 1, MPI.INT, MPI.PROC_NULL, 0);
        assertNull(w.iProbe(MPI.ANY_SOURCE, 77));
        w.barrier();
        DoubleBuffer out = MPI.newDoubleBuffer(3).put(new double[] {1, 2, 3});
        Request sent = w.iSend(out, 3, MPI.DOUBLE, next(w), 78);
        Status p = w.probe(prev(w), 78);
        assertEquals(3, p.getCount(MPI.DOUBLE));
        double[] d = new double[3];
        w.recv(d, 3, MPI.DOUBLE, p.getSource(), p.getTag());
        sent.waitFor();
        assertArrayEquals(new double[] {1, 2, 3}, d);
    }

    @MpiTest
    void persistentRequestsRestart() throws MPIException {
        Intracomm w = TestEnv.world();
        IntBuffer out = MPI.newIntBuffer(1);
        IntBuffer in = MPI.newIntBuffer(1);
        Prequest send = w.sendInit(out, 1, MPI.INT, next(w), 11);
        Prequest recv = w.recvInit(in, 1, MPI.INT, prev(w), 11);
        for (int round = 0; round < 3; round++) {
            out.put(0, w.getRank() * 10 + round);
            Prequest.startAll(new Prequest[] {recv, send});
            Request.waitAll(new Request[] {send, recv});
            assertEquals(prev(w) * 10 + round, in.get(0));
            assertTrue(!send.isNull() && !recv.isNull());
        }
        assertTrue(send.test());
        send.free();
        recv.free();
        assertTrue(send.isNull());
    }

    @MpiTest
    void errorsAreThrownUnderErrorsReturn() throws MPIException {
        Intracomm c = TestEnv.returning();
        int size = c.getSize();
        TestEnv.failsWith(MPI.ERR_RANK, () -> c.send(new int[1], 1, MPI.INT, size, 0));
        TestEnv.failsWith(MPI.ERR_TAG, () -> c.send(new int[1], 1, MPI.INT, 0, -5));
        TestEnv.failsWith(MPI.ERR_COUNT, () -> c.send(new int[1], -1, MPI.INT, 0, 0));
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> c.send(new int[1], 2, MPI.INT, 0, 0));
        TestEnv.failsWith(MPI.ERR_TYPE, () -> c.send(new int[1], 1, null, 0, 0));
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> c.send("text", 1, MPI.INT, 0, 0));
        Request sent = c.iSend(MPI.newIntBuffer(3), 3, MPI.INT, c.getRank(), 1);
        TestEnv.failsWith(MPI.ERR_TRUNCATE, () -> c.recv(new int[2], 2, MPI.INT, c.getRank(), 1));
        sent.waitFor();
        c.free();
        assertTrue(c.isNull());
        MPIException e = assertThrows(MPIException.class, () -> c.getSize());
        assertEquals(MPI.ERR_COMM, e.getErrorClass());
    }
}
