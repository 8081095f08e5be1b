package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking and nonblocking point-to-point, on segments and arrays, checked by content. */
class PointToPointTest {

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int prev(Comm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    @MpiTest
    void ringSendrecvOfSegments() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_DOUBLE, 1000);
            MemorySegment in = arena.allocate(JAVA_DOUBLE, 1000);
            for (int i = 0; i < 1000; i++) {
                out.setAtIndex(JAVA_DOUBLE, i, world.rank() * 1e6 + i);
            }
            Status st = world.sendrecv(out, Datatype.DOUBLE, next(world), 7, in, Datatype.DOUBLE, prev(world), 7);
            assertEquals(prev(world), st.source());
            assertEquals(7, st.tag());
            assertEquals(1000, st.count(Datatype.DOUBLE));
            for (int i = 0; i < 1000; i++) {
                assertEquals(prev(world) * 1e6 + i, in.getAtIndex(JAVA_DOUBLE, i));
            }
        }
    }

    @MpiTest(np = {2, 4})
    void arraysKeepOffsets() {
        Comm world = TestMpi.world();
        if (world.rank() == 0) {
            int[] data = new int[100_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = i * 3;
            }
            for (int r = 1; r < world.size(); r++) {
                world.send(data, r, 1);
                world.send(new long[] {r, -r, Long.MAX_VALUE}, r, 2);
                world.send(Buf.of(new double[] {0, 1.5, 2.5, 3.5}, 1, 2), r, 3);
            }
        } else {
            int[] got = new int[100_000];
            Status st = world.recv(got, 0, 1);
            assertEquals(100_000, st.count(Datatype.INT));
            for (int i = 0; i < got.length; i++) {
                assertEquals(i * 3, got[i]);
            }
            long[] l = new long[3];
            world.recv(l, 0, 2);
            assertArrayEquals(new long[] {world.rank(), -world.rank(), Long.MAX_VALUE}, l);
            double[] d = {9, 9, 9, 9};
            Status ds = world.recv(Buf.of(d, 1, 3), 0, 3);
            assertEquals(2, ds.count(Datatype.DOUBLE));
            assertArrayEquals(new double[] {9, 1.5, 2.5, 9}, d);
        }
    }

    @MpiTest
    void countedSendrecvWithATypePerSide() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int[] row = {-1, 10 * me, 10 * me + 1, 10 * me + 2, -1};
        int[] matrix = new int[3 * 4];
        java.util.Arrays.fill(matrix, 7);
        try (Datatype column = Datatype.vector(3, 1, 4, Datatype.INT32)) {
            // C: MPI_Sendrecv(row + 1, 3, MPI_INT, next, 9, matrix + 2, 1, column, prev, 9, comm, &st)
            Status st = world.sendrecv(Buf.of(row, 1, 3), next(world), 9,
                    Buf.of(matrix, 2, 1, column), prev(world), 9);
            int p = prev(world);
            int[] expected = {7, 7, 10 * p, 7, 7, 7, 10 * p + 1, 7, 7, 7, 10 * p + 2, 7};
            assertArrayEquals(expected, matrix);
            assertEquals(3, st.count(Datatype.INT32));
            assertEquals(p, st.source());
        }
        long[] mine = {me, -me};
        long[] theirs = new long[2];
        world.sendrecv(mine, next(world), 10, theirs, prev(world), 10, null);
        assertArrayEquals(new long[] {prev(world), -prev(world)}, theirs);
        assertThrows(IndexOutOfBoundsException.class,
                () -> world.sendrecv(Buf.of(row, 3, 3), next(world), 9, theirs, prev(world), 9));
    }

    @MpiTest(np = {2, 4})
    void arrayReceivesFillAGivenStatusOrNone() {
        Comm world = TestMpi.world();
        if (world.rank() == 0) {
            for (int r = 1; r < world.size(); r++) {
                world.send(new byte[] {(byte) r, -1, 127, -128, 5}, r, 4);
                world.send(new float[] {r, 0.5f, -2.25f}, r, 5);
            }
        } else {
            Status reused = new Status();
            byte[] b = new byte[8];
            world.recv(Buf.of(b, 2, 5), 0, 4, reused);
            assertArrayEquals(new byte[] {0, 0, (byte) world.rank(), -1, 127, -128, 5, 0}, b);
            assertEquals(0, reused.source());
            assertEquals(4, reused.tag());
            assertEquals(5, reused.count(Datatype.INT8));
            float[] f = new float[4];
            world.recv(Buf.of(f, 1, 3), 0, 5, null);
            assertArrayEquals(new float[] {0, world.rank(), 0.5f, -2.25f}, f);
            assertThrows(IndexOutOfBoundsException.class, () -> world.recv(Buf.of(f, 2, 3), 0, 5, reused));
            assertThrows(NullPointerException.class, () -> world.recv(Buf.of((byte[]) null, 0, 0), 0, 5, reused));
        }
        world.barrier();
    }

    @MpiTest(np = {2, 4})
    void anySourceAnyTagAndProbe() {
        Comm world = TestMpi.world();
        if (world.rank() != 0) {
            world.send(new int[] {world.rank(), world.rank() * 10}, 0, 100 + world.rank());
        } else {
            boolean[] seen = new boolean[world.size()];
            for (int k = 1; k < world.size(); k++) {
                Status probed = world.probe(Comm.ANY_SOURCE, Comm.ANY_TAG);
                assertEquals(2, probed.count(Datatype.INT));
                int[] buf = new int[2];
                Status st = world.recv(buf, probed.source(), probed.tag());
                assertEquals(probed.source(), st.source());
                assertEquals(100 + st.source(), st.tag());
                assertArrayEquals(new int[] {st.source(), st.source() * 10}, buf);
                seen[st.source()] = true;
            }
            for (int r = 1; r < world.size(); r++) {
                assertTrue(seen[r], "no message from rank " + r);
            }
            assertNull(world.iprobe(Comm.ANY_SOURCE, Comm.ANY_TAG));
        }
        world.barrier();
    }

    @MpiTest
    void nonblockingRingCompletesOutOfOrder() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            int n = 8;
            MemorySegment[] in = new MemorySegment[n];
            Request[] reqs = new Request[2 * n];
            for (int k = 0; k < n; k++) {
                in[k] = arena.allocate(JAVA_INT, 64);
                reqs[k] = world.irecv(in[k], Datatype.INT, prev(world), k);
            }
            for (int k = n - 1; k >= 0; k--) {
                MemorySegment out = arena.allocate(JAVA_INT, 64);
                for (int i = 0; i < 64; i++) {
                    out.setAtIndex(JAVA_INT, i, world.rank() * 1000 + k * 64 + i);
                }
                reqs[n + k] = world.isend(out, Datatype.INT, next(world), k);
            }
            Request.waitAll(reqs);
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < 64; i++) {
                    assertEquals(prev(world) * 1000 + k * 64 + i, in[k].getAtIndex(JAVA_INT, i));
                }
            }
            IllegalStateException twice = assertThrows(IllegalStateException.class, reqs[0]::waitFor);
            assertTrue(twice.getMessage().contains("already completed"));
        }
    }

    @MpiTest(np = 2)
    void synchronousAndReadySends() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_INT, 4);
            if (world.rank() == 0) {
                buf.setAtIndex(JAVA_INT, 0, 42);
                world.ssend(buf, Datatype.INT, 1, 5);
                world.barrier(); // rank 1 has posted its receive for the ready send
                buf.setAtIndex(JAVA_INT, 3, 43);
                world.rsend(buf, Datatype.INT, 1, 6);
            } else {
                world.recv(buf, Datatype.INT, 0, 5);
                assertEquals(42, buf.getAtIndex(JAVA_INT, 0));
                Request r = world.irecv(buf, Datatype.INT, 0, 6);
                world.barrier();
                Status st = new Status();
                r.waitFor(st);
                assertEquals(6, st.tag());
                assertEquals(43, buf.getAtIndex(JAVA_INT, 3));
            }
        }
    }

    @MpiTest(np = 2)
    void truncatedMessageIsAnMpiException() {
        Comm world = TestMpi.world();
        if (world.rank() == 0) {
            world.send(new int[] {1, 2, 3, 4}, 1, 9);
        } else {
            MpiException e = assertThrows(MpiException.class, () -> world.recv(new int[2], 0, 9));
            assertTrue(e.getMessage().contains("MPI_Recv"), e.getMessage());
            assertTrue(e.getMessage().toLowerCase().contains("truncat"), e.getMessage());
        }
        world.barrier();
    }

    @MpiTest(np = 1)
    void procNullIsANoOp() {
        Comm world = TestMpi.world();
        world.send(new int[] {1}, Comm.PROC_NULL, 0);
        Status st = world.recv(new int[1], Comm.PROC_NULL, 0);
        assertEquals(Comm.PROC_NULL, st.source());
        assertNotNull(st.toString());
    }
}
