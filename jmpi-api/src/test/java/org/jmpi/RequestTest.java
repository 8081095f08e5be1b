package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
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

/** Requests: persistent, reused, multi-completion, synchronous mode, cancel and futures. */
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
