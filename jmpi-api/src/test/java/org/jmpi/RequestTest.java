package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * Requests: persistent, reused, multi-completion, synchronous mode, cancel, futures, the
 * status of a request without completing it; statuses set through MPI.
 */
class RequestTest {

    @MpiTest
    void persistentRingRunsManyRounds() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG, 16);
            MemorySegment in = arena.allocate(JAVA_LONG, 16);
            Request send = world.sendInit(out, Datatype.INT64, next(world), 3);
            Request recv = world.recvInit(in, Datatype.INT64, prev(world), 3);
            assertTrue(send.isPersistent());
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < 16; i++) {
                    out.setAtIndex(JAVA_LONG, i, round * 1000L + world.rank() * 100L + i);
                }
                Request.startAll(recv, send);
                Status[] st = {new Status(), new Status()};
                Request.waitAll(new Request[] {recv, send}, st);
                assertEquals(prev(world), st[0].source());
                for (int i = 0; i < 16; i++) {
                    assertEquals(round * 1000L + prev(world) * 100L + i, in.getAtIndex(JAVA_LONG, i));
                }
            }
            recv.start();
            send.start();
            send.waitFor();
            recv.waitFor();
            assertThrows(IllegalStateException.class, recv::waitFor, "not started again");
            send.close();
            recv.close();
            send.close();
            assertThrows(IllegalStateException.class, send::start);
        }
    }

    @MpiTest
    void reusedRequestsCarryALoop() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 8);
            MemorySegment in = arena.allocate(JAVA_INT, 8);
            Request r = new Request();
            Request s = new Request();
            Status status = new Status();
            for (int round = 0; round < 100; round++) {
                out.setAtIndex(JAVA_INT, 0, round);
                out.setAtIndex(JAVA_INT, 7, world.rank());
                world.irecv(in, 8, Datatype.INT, prev(world), round % 5, r);
                world.isend(out, 8, Datatype.INT, next(world), round % 5, s);
                assertThrows(IllegalStateException.class,
                        () -> world.isend(out, 8, Datatype.INT, next(world), 0, s), "still active");
                s.waitFor();
                r.waitFor(status);
                assertEquals(round % 5, status.tag());
                assertEquals(round, in.getAtIndex(JAVA_INT, 0));
                assertEquals(prev(world), in.getAtIndex(JAVA_INT, 7));
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Request().waitFor());
            assertTrue(e.getMessage().contains("no operation"), e.getMessage());
            Request persistent = world.sendInit(out, Datatype.INT, next(world), 1);
            assertThrows(IllegalStateException.class,
                    () -> world.isend(out, 8, Datatype.INT, next(world), 0, persistent));
            persistent.close();
        }
    }

    @MpiTest
    void waitSomeTestAnyAndTestAllComplete() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            int n = 6;
            Request[] recvs = new Request[n];
            MemorySegment[] in = new MemorySegment[n];
            for (int k = 0; k < n; k++) {
                in[k] = arena.allocate(JAVA_INT);
                recvs[k] = world.irecv(in[k], Datatype.INT, prev(world), k);
            }
            assertFalse(Request.testAll(recvs), "nothing sent yet");
            assertEquals(-1, Request.testAny(recvs));
            world.barrier();
            Request[] sends = new Request[n];
            for (int k = n - 1; k >= 0; k--) {
                MemorySegment out = arena.allocate(JAVA_INT);
                out.set(JAVA_INT, 0, world.rank() * 10 + k);
                sends[k] = world.isend(out, Datatype.INT, next(world), k);
            }
            boolean[] seen = new boolean[n];
            int done = 0;
            while (done < n) {
                for (int i : Request.waitSome(recvs)) {
                    assertFalse(seen[i]);
                    seen[i] = true;
                    assertEquals(prev(world) * 10 + i, in[i].get(JAVA_INT, 0));
                    done++;
                }
            }
            assertThrows(IllegalArgumentException.class, () -> Request.waitSome(recvs), "none active");
            while (!Request.testAll(sends)) {
                Thread.onSpinWait();
            }
            assertTrue(sends[0].isDone());
            world.barrier();
        }
    }

    @MpiTest(np = {2, 4})
    void synchronousSendWaitsForItsReceive() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_INT, 2);
            if (world.rank() == 0) {
                buf.setAtIndex(JAVA_INT, 1, 77);
                Request r = world.issend(buf, Datatype.INT, 1, 4);
                for (int i = 0; i < 1000; i++) {
                    assertFalse(r.test(), "completed before the receive was posted");
                }
                world.barrier();
                r.waitFor();
            } else {
                world.barrier();
                if (world.rank() == 1) {
                    world.recv(buf, Datatype.INT, 0, 4);
                    assertEquals(77, buf.getAtIndex(JAVA_INT, 1));
                }
            }
            world.barrier();
            if (world.rank() == 1) {
                Request r = world.irecv(buf, Datatype.INT, 0, 8);
                world.barrier();
                r.waitFor();
                assertEquals(88, buf.getAtIndex(JAVA_INT, 0));
            } else if (world.rank() == 0) {
                world.barrier();
                buf.setAtIndex(JAVA_INT, 0, 88);
                world.irsend(buf, Datatype.INT, 1, 8).waitFor();
            } else {
                world.barrier();
            }
        }
    }

    @MpiTest
    void unmatchedReceiveIsCancelled() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(JAVA_INT);
            Request r = world.irecv(buf, Datatype.INT, Comm.ANY_SOURCE, 999);
            r.cancel();
            Status st = new Status();
            r.waitFor(st);
            assertTrue(st.cancelled());
        }
    }

    @MpiTest
    void futuresCompleteWithoutAThreadEach() throws Exception {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofShared()) {
            int n = 32;
            List<CompletableFuture<Integer>> values = new ArrayList<>();
            MemorySegment[] in = new MemorySegment[n];
            for (int k = 0; k < n; k++) {
                in[k] = arena.allocate(JAVA_INT);
                MemorySegment seg = in[k];
                values.add(world.irecv(seg, Datatype.INT, prev(world), k).future()
                        .thenApply(st -> st.tag() * 1_000_000 + seg.get(JAVA_INT, 0)));
            }
            int threadsBefore = Thread.activeCount();
            Request[] sends = new Request[n];
            for (int k = 0; k < n; k++) {
                MemorySegment out = arena.allocate(JAVA_INT);
                out.set(JAVA_INT, 0, world.rank() * 100 + k);
                sends[k] = world.isend(out, Datatype.INT, next(world), k);
            }
            CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertTrue(Thread.activeCount() <= threadsBefore + 2, "a thread per request?");
            for (int k = 0; k < n; k++) {
                assertEquals(k * 1_000_000 + prev(world) * 100 + k, values.get(k).get());
            }
            Request.waitAll(sends);
            Request bound = world.irecv(in[0], Datatype.INT, prev(world), 500);
            CompletableFuture<Status> f = bound.future();
            assertTrue(f == bound.future(), "one future per request");
            assertThrows(IllegalStateException.class, () -> Request.waitAll(bound), "bound to a future");
            world.send(new int[] {5}, next(world), 500);
            Status st = new Status();
            bound.waitFor(st);
            assertEquals(500, st.tag());
            assertEquals(5, in[0].get(JAVA_INT, 0));
            TestMpi.mpi().progress();
        }
    }

    /**
     * MPI_Request_get_status: empty while nothing was sent (every rank asks before the
     * barrier, after which the ranks send), the status once the message has arrived, and
     * the request stays active, its array unwritten, until a test completes it.
     */
    @MpiTest
    void getStatusLeavesTheRequestActive() throws Exception {
        Comm world = TestMpi.world();
        int[] in = new int[4];
        Request r = world.irecv(in, prev(world), 31);
        assertTrue(r.getStatus().isEmpty(), "nothing was sent yet");
        assertFalse(r.getStatus(null));
        world.barrier();
        world.send(new int[] {world.rank(), 1, 2, 3}, next(world), 31);
        Status st = new Status();
        while (!r.getStatus(st)) {
            Thread.onSpinWait();
        }
        assertEquals(prev(world), st.source());
        assertEquals(31, st.tag());
        assertEquals(4, st.count(Datatype.INT32));
        assertTrue(r.isActive(), "get_status does not complete the request");
        assertArrayEquals(new int[4], in, "a receive into an array is written when the request completes");
        Optional<Status> again = r.getStatus();
        assertEquals(prev(world), again.orElseThrow().source());
        assertTrue(r.test());
        assertArrayEquals(new int[] {prev(world), 1, 2, 3}, in);
        IllegalStateException done = assertThrows(IllegalStateException.class, r::getStatus);
        assertTrue(done.getMessage().contains("has already completed"), done.getMessage());

        Request bound = world.irecv(in, prev(world), 32);
        CompletableFuture<Status> f = bound.future();
        world.barrier();
        world.send(new int[] {7, 7, 7, world.rank()}, next(world), 32);
        f.get(30, TimeUnit.SECONDS);
        assertEquals(32, bound.getStatus().orElseThrow().tag(), "a request bound to a future answers from it");
        assertArrayEquals(new int[] {7, 7, 7, prev(world)}, in);

        try (Request persistent = world.recvInit(MemorySegment.ofArray(new int[1]), Datatype.INT32, prev(world), 33)) {
            IllegalStateException idle = assertThrows(IllegalStateException.class, persistent::getStatus);
            assertTrue(idle.getMessage().contains("persistent request not started"), idle.getMessage());
        }
    }

    /** MPI_Status_set_elements and MPI_Status_set_cancelled, read back through MPI's own queries. */
    @MpiTest
    void statusSettersAgreeWithMpisQueries() {
        Comm world = TestMpi.world();
        Status st = new Status().setElements(Datatype.INT32, 5);
        assertEquals(5, st.count(Datatype.INT32));
        assertEquals(20, st.elements(Datatype.BYTE));
        assertEquals(10, st.count(Datatype.INT16));
        assertEquals(-1, st.count(Datatype.DOUBLE), "20 bytes are no whole number of doubles");
        st.setElements(Datatype.BYTE, 3L << 30);
        assertEquals(3L << 30, st.elements(Datatype.BYTE));
        assertEquals(-1, st.count(Datatype.BYTE), "beyond MPI's int count");
        try (Datatype pair = Datatype.contiguous(2, Datatype.INT32);
             Datatype rec = Datatype.struct(new int[] {1, 1}, new long[] {0, 8},
                     new Datatype[] {Datatype.INT32, Datatype.DOUBLE})) {
            // counts are basic elements, as the standard says, on both MPIs
            st.setElements(pair, 3);
            assertEquals(3, st.elements(pair));
            assertEquals(-1, st.count(pair));
            assertEquals(12, st.elements(Datatype.BYTE));
            st.setElements(pair, 4);
            assertEquals(2, st.count(pair));
            assertEquals(4, st.elements(Datatype.INT32));
            st.setElements(rec, 3);
            assertEquals(3, st.elements(rec));
            assertEquals(-1, st.count(rec));
            assertEquals(16, st.elements(Datatype.BYTE), "int, double, int");
            st.setElements(rec, 4);
            assertEquals(2, st.count(rec));
            assertEquals(24, st.elements(Datatype.BYTE));
            st.setElements(rec, 0);
            assertEquals(0, st.count(rec));
        }
        assertTrue(st.setCancelled(true).cancelled());
        st.setElements(Datatype.INT32, 2);
        assertTrue(st.cancelled(), "setting the elements keeps the cancelled flag");
        assertEquals(2, st.count(Datatype.INT32));
        assertFalse(st.setCancelled(false).cancelled());
        assertEquals(2, st.count(Datatype.INT32), "clearing the flag keeps the count");
        // BYTE counts and the flag are read from the status itself: they agree with MPI's
        // queries (INT8, one byte each), also above 32 bits and with the flag set
        long big = 5L << 32 | 7;
        st.setElements(Datatype.BYTE, big).setCancelled(true);
        assertEquals(big, st.elements(Datatype.BYTE));
        assertEquals(big, st.elements(Datatype.INT8));
        assertEquals(-1, st.count(Datatype.BYTE));
        assertTrue(st.cancelled());
        st.setCancelled(false).setElements(Datatype.INT8, 9);
        assertEquals(9, st.count(Datatype.BYTE));
        assertFalse(st.cancelled());

        Status received = world.sendrecv(new int[] {1, 2, 3}, world.rank(), 9, new int[3], world.rank(), 9);
        assertEquals(3, received.count(Datatype.INT32));
        received.setElements(Datatype.INT32, 1);
        assertEquals(1, received.count(Datatype.INT32));
        assertEquals(world.rank(), received.source());
        assertEquals(9, received.tag());

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> st.setElements(Datatype.INT32, -1));
        assertTrue(negative.getMessage().startsWith("count:"), negative.getMessage());
        NullPointerException none = assertThrows(NullPointerException.class, () -> st.setElements(null, 1));
        assertEquals("type", none.getMessage());
        try (Datatype empty = Datatype.contiguous(0, Datatype.INT32)) {
            IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
                    () -> st.setElements(empty, 1));
            assertTrue(nothing.getMessage().contains("holds no data"), nothing.getMessage());
            st.setElements(empty, 0);
            assertEquals(0, st.elements(Datatype.BYTE));
        }
    }

    @MpiTest
    void waitAnyReturnsEachIndexOnce() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            int n = 4;
            Request[] reqs = new Request[n];
            MemorySegment in = arena.allocate(JAVA_INT, n);
            for (int k = 0; k < n; k++) {
                reqs[k] = world.irecv(in.asSlice(k * 4L, 4), Datatype.INT, prev(world), k);
            }
            for (int k = 0; k < n; k++) {
                world.send(new int[] {k + 40}, next(world), k);
            }
            int[] order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = Request.waitAny(reqs);
            }
            java.util.Arrays.sort(order);
            assertArrayEquals(new int[] {0, 1, 2, 3}, order);
            assertArrayEquals(new int[] {40, 41, 42, 43}, in.toArray(JAVA_INT));
            assertThrows(IllegalArgumentException.class, () -> Request.waitAny(reqs));
        }
    }

    @MpiTest(np = 1)
    void misuseIsRefusedBeforeMpi() {
        Comm world = TestMpi.world();
        MemorySegment closed;
        Request pending;
        try (Arena arena = Arena.ofConfined()) {
            closed = arena.allocate(JAVA_INT);
            pending = world.irecv(closed, Datatype.INT, 0, 77);
        }
        IllegalStateException gone = assertThrows(IllegalStateException.class, pending::waitFor);
        assertTrue(gone.getMessage().contains("arena was closed"), gone.getMessage());
        pending.cancel();
        pending.waitFor();
        assertThrows(IllegalStateException.class, () -> world.isend(closed, Datatype.INT, 0, 0));
        IllegalStateException startOneShot = assertThrows(IllegalStateException.class,
                () -> world.isend(MemorySegment.NULL, Datatype.INT, Comm.PROC_NULL, 0).start());
        assertTrue(startOneShot.getMessage().contains("persistent"), startOneShot.getMessage());
        assertThrows(NullPointerException.class, () -> Request.waitAll((Request[]) null));
        Request a = world.isend(MemorySegment.NULL, Datatype.INT, Comm.PROC_NULL, 0);
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class, () -> Request.waitAll(a, a));
        assertTrue(same.getMessage().contains("requests[1]: the same request as requests[0]"), same.getMessage());
        NullPointerException hole = assertThrows(NullPointerException.class, () -> Request.waitAll(a, null));
        assertEquals("requests[1]", hole.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> Request.waitAll(new Request[] {a}, new Status[2]));
        assertTrue(lengths.getMessage().contains("statuses"), lengths.getMessage());
        a.waitFor();
        world.sendInit(MemorySegment.ofArray(new int[1]), Datatype.INT, 0, 0).close();
        Request onArray = world.irecv(new int[1], 0, 79);
        IllegalStateException abandoned = assertThrows(IllegalStateException.class, onArray::close);
        assertTrue(abandoned.getMessage().contains("must complete before it is closed"), abandoned.getMessage());
        onArray.cancel();
        onArray.waitFor();
    }
}
