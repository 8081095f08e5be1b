package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.jmpi.Checks.next;
import static org.jmpi.Checks.prev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nonblocking and persistent point-to-point on Java arrays, heap segments and
 * {@link Buf}s (through native memory the request owns), matched receives into arrays,
 * and what a truncated receive reports. Each rank sends to the next and receives from the
 * previous rank of a ring (itself at np=1).
 */
class NonblockingTest {

    @MpiTest
    void arraysTravelThroughIsendAndIrecv() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int from = prev(world);
        int[] ints = Checks.fill(5000, i -> me * 100_000 + i);
        double[] doubles = {me + 0.5, me + 1.5, me + 2.5};
        long[] longs = {me, -me, 7L * me};
        int[] inInts = new int[6000];
        Arrays.fill(inInts, -7);
        double[] inDoubles = new double[3];
        MemorySegment inLongs = MemorySegment.ofArray(new long[3]);
        Request[] all = {
            world.irecv(inInts, from, 1),
            world.irecv(inDoubles, from, 2),
            world.irecv(inLongs, Datatype.INT64, from, 3),
            world.isend(ints, next(world), 1),
            world.issend(doubles, next(world), 2),
            world.isend(MemorySegment.ofArray(longs), Datatype.INT64, next(world), 3),
        };
        // each send copied its array when it started: changing the arrays now changes nothing that arrives
        Arrays.fill(ints, -1);
        Arrays.fill(doubles, -1);
        Request.waitAll(all);
        for (int i = 0; i < 5000; i++) {
            assertEquals(from * 100_000 + i, inInts[i], "inInts[" + i + "]");
        }
        for (int i = 5000; i < 6000; i++) {
            assertEquals(-7, inInts[i], "past the message, inInts[" + i + "] is untouched");
        }
        assertArrayEquals(new double[] {from + 0.5, from + 1.5, from + 2.5}, inDoubles);
        assertArrayEquals(new long[] {from, -from, 7L * from}, inLongs.toArray(JAVA_LONG));
    }

    @MpiTest
    void countedMessagesAreBufs() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int from = prev(world);
        int[] src = Checks.fill(10, i -> me * 100 + i);
        int[] dst = new int[10];
        Arrays.fill(dst, -1);
        Request r = world.irecv(Buf.of(dst, 4, 5), from, 3);
        Request s = world.isend(Buf.of(src, 2, 5), next(world), 3);
        Request.waitAll(r, s);
        assertArrayEquals(new int[] {-1, -1, -1, -1, from * 100 + 2, from * 100 + 3, from * 100 + 4, from * 100 + 5,
            from * 100 + 6, -1}, dst);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocateFrom(JAVA_INT, me, me + 1, me + 2, me + 3);
            MemorySegment in = arena.allocate(JAVA_INT, 4);
            Request reusedRecv = new Request();
            Request reusedSend = new Request();
            for (int round = 0; round < 5; round++) {
                int[] got = new int[3];
                world.irecv(got, from, 10 + round, reusedRecv);
                world.isend(Buf.of(out, 3, Datatype.INT32), next(world), 10 + round, reusedSend);
                Request.waitAll(reusedRecv, reusedSend);
                assertArrayEquals(new int[] {from, from + 1, from + 2}, got);
            }
            Request seg = world.irecv(Buf.of(in, 2, Datatype.INT32), from, 20);
            world.isend(new int[] {5, 6}, next(world), 20).waitFor();
            seg.waitFor();
            assertArrayEquals(new int[] {5, 6, 0, 0}, in.toArray(JAVA_INT));
        }
    }

    @MpiTest
    void persistentArraysRestartWithNewContents() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int from = prev(world);
        long[] out = new long[8];
        long[] in = new long[8];
        double[] bigOut = new double[2000];
        double[] bigIn = new double[2000];
        Request send = world.sendInit(out, next(world), 4);
        Request recv = world.recvInit(in, from, 4);
        Request bigSend = world.ssendInit(Buf.of(bigOut, 0, 1500), next(world), 5);
        Request bigRecv = world.recvInit(Buf.of(bigIn, 0, 1500), from, 5);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < out.length; i++) {
                out[i] = round * 1000L + me * 10L + i;
            }
            for (int i = 0; i < bigOut.length; i++) {
                bigOut[i] = round + me / 10.0 + i;
            }
            Arrays.fill(in, -1);
            Arrays.fill(bigIn, -1);
            Request.startAll(recv, send);
            bigRecv.start();
            bigSend.start();
            Request.waitAll(recv, send, bigRecv, bigSend);
            for (int i = 0; i < in.length; i++) {
                assertEquals(round * 1000L + from * 10L + i, in[i], "round " + round + ", in[" + i + "]");
            }
            for (int i = 0; i < 1500; i++) {
                assertEquals(round + from / 10.0 + i, bigIn[i], "round " + round + ", bigIn[" + i + "]");
            }
            assertEquals(-1, bigIn[1500], "past the receive");
        }
        for (Request r : new Request[] {send, recv, bigSend, bigRecv}) {
            assertTrue(r.isPersistent() && r.isDone());
            r.close();
        }
    }

    @MpiTest
    void cancelledReceiveLeavesTheArrayUntouched() {
        Comm world = TestMpi.world();
        for (int n : new int[] {4, 4000}) {
            int[] buf = new int[n];
            Request r = world.irecv(buf, Comm.ANY_SOURCE, 999);
            // what the array holds after the start (jmpi copies a small receive's array in when it starts)
            Arrays.fill(buf, 43);
            r.cancel();
            Status st = new Status();
            r.waitFor(st);
            assertTrue(st.cancelled());
            int[] expected = new int[n];
            Arrays.fill(expected, 43);
            assertArrayEquals(expected, buf, n + " ints");
            assertFalse(r.isActive());
        }
        world.barrier();
    }

    @MpiTest
    void matchedReceivesFillArrays() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int from = prev(world);
        Request s1 = world.isend(new int[] {me, 5, 6, 7}, next(world), 31);
        Message m = world.mprobe(from, 31);
        int[] in = new int[m.count(Datatype.INT32)];
        Status st = m.recv(in);
        assertEquals(from, st.source());
        assertArrayEquals(new int[] {from, 5, 6, 7}, in);
        assertThrows(IllegalStateException.class, () -> m.recv(new int[4]));
        Request s2 = world.isend(new double[] {me, 0.25, 0.5}, next(world), 32);
        Message m2 = world.mprobe(from, 32);
        double[] d = new double[6];
        m2.irecv(Buf.of(d, 2, 3)).waitFor();
        assertArrayEquals(new double[] {0, 0, from, 0.25, 0.5, 0}, d);
        Request.waitAll(s1, s2);
    }

    /**
     * Young collections while receives into arrays are pending: the collector may move the
     * arrays (each piece is below G1's humongous size, so it lives in the young generation
     * and is evacuated), so MPI writes to the request's native copy, which is copied into
     * the array where it is when the receive completes.
     */
    @MpiTest(timeoutSeconds = 120)
    void youngCollectionsDuringPendingReceivesLoseNoData() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int from = prev(world);
        int pieces = 4;
        double[][] in = new double[pieces + 1][];
        Request[] all = new Request[2 * (pieces + 1)];
        for (int k = 0; k <= pieces; k++) {
            in[k] = new double[k < pieces ? 200_000 : 2_000_000];
            all[k] = world.irecv(in[k], from, k);
        }
        long before = youngCollections();
        long deadline = System.nanoTime() + 60_000_000_000L;
        Object[] kept = new Object[4096];
        while (youngCollections() < before + 3 && System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                kept[i & (kept.length - 1)] = new byte[1024 + (i & 1023)];
            }
        }
        assertTrue(youngCollections() >= before + 3, "young collections while pending: " + (youngCollections() - before));
        for (int k = 0; k <= pieces; k++) {
            double[] out = new double[in[k].length];
            for (int i = 0; i < out.length; i++) {
                out[i] = me * 1e7 + k * 1e6 + i;
            }
            all[pieces + 1 + k] = world.isend(out, next(world), k);
        }
        Request.waitAll(all);
        for (int k = 0; k <= pieces; k++) {
            for (int i = 0; i < in[k].length; i++) {
                if (in[k][i] != from * 1e7 + k * 1e6 + i) {
                    assertEquals(from * 1e7 + k * 1e6 + i, in[k][i], "piece " + k + ", element " + i);
                }
            }
        }
    }

    private static long youngCollections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName();
            if (name.contains("Young") || name.contains("Scavenge") || name.equals("Copy") || name.contains("Minor")) {
                n += gc.getCollectionCount();
            }
        }
        return n;
    }

    /**
     * A message longer than the receive buffer: the MpiException gives the buffer's size
     * and, where MPI reports it (Open MPI's status; a matched probe's status on either MPI),
     * the message's. The sends start first: Open MPI 4.1.4 silently truncates a message
     * a rank sends itself into a receive posted before it (count 3, no error).
     */
    @MpiTest
    void truncationGivesTheSizes() {
        Comm world = TestMpi.world();
        int from = prev(world);
        int[] ten = new int[10];
        String fromRank = "from rank " + from + " (tag ";
        String message = TestMpi.mpich() ? "is larger than the receive buffer" : "a message of 40 bytes " + fromRank;

        Request sent = world.isend(ten, next(world), 40);
        MpiException blocking = assertThrows(MpiException.class, () -> world.recv(new int[4], from, 40));
        assertTruncation(blocking, "MPI_Recv", message, "the receive buffer of 4 x MPI_INT32_T (16 bytes)");
        sent.waitFor();

        sent = world.isend(ten, next(world), 41);
        Request onArray = world.irecv(new int[4], from, 41);
        assertTruncation(assertThrows(MpiException.class, onArray::waitFor), "MPI_Wait", message,
                "the receive buffer of 4 x MPI_INT32_T (16 bytes)");
        assertFalse(onArray.isActive());
        sent.waitFor();

        try (Arena arena = Arena.ofConfined()) {
            Request s = world.isend(ten, next(world), 42);
            Request onSegment = world.irecv(arena.allocate(JAVA_INT, 3), Datatype.INT, from, 42);
            MpiException all = assertThrows(MpiException.class, () -> Request.waitAll(onSegment, s));
            assertEquals(ErrorCodes.ERR_IN_STATUS, all.errorClass());
            assertTruncation(all, "requests[0] failed: MPI_ERR_TRUNCATE", message,
                    "the receive buffer of 3 x MPI_INT (12 bytes)");
            if (s.isActive()) {
                s.waitFor();
            }
        }

        if (world.size() > 1) { // MPI_Sendrecv to itself posts its receive first: silently truncated
            MpiException exchanged = assertThrows(MpiException.class, () -> world.sendrecv(ten, next(world), 46,
                    new int[4], from, 46));
            assertTruncation(exchanged, "MPI_Sendrecv", message, "the receive buffer of 4 x MPI_INT32_T (16 bytes)");
        }

        // on a virtual thread the blocking receive polls an MPI_Irecv (see Polling)
        sent = world.isend(ten, next(world), 45);
        MpiException[] polled = new MpiException[1];
        try {
            Thread.ofVirtual().start(() -> polled[0] = assertThrows(MpiException.class,
                    () -> world.recv(new int[4], from, 45))).join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTruncation(polled[0], "MPI_Test", message, "the receive buffer of 4 x MPI_INT32_T (16 bytes)");
        sent.waitFor();

        sent = world.isend(ten, next(world), 43);
        Message m = world.mprobe(from, 43);
        MpiException matched = assertThrows(MpiException.class, () -> m.recv(new int[4]));
        assertEquals(ErrorCodes.ERR_TRUNCATE, matched.errorClass());
        assertTruncation(matched, "MPI_Mrecv", "a message of 40 bytes " + fromRank,
                "the receive buffer of 4 x MPI_INT32_T (16 bytes)");
        sent.waitFor();

        sent = world.isend(ten, next(world), 44);
        Message m2 = world.mprobe(from, 44);
        Request pending = m2.irecv(Buf.of(new int[6], 1, 5));
        assertTruncation(assertThrows(MpiException.class, pending::waitFor), "MPI_Wait", "a message of 40 bytes",
                "the receive buffer of 5 x MPI_INT32_T (20 bytes)");
        sent.waitFor();
        world.barrier();
    }

    private static void assertTruncation(MpiException e, String call, String message, String buffer) {
        String text = e.getMessage();
        assertTrue(text.contains(call) && text.contains(message) && text.contains(buffer), text);
    }
}
