package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of misuse (docs/bad-input.md) beyond {@link ArgumentCheckTest} and
 * {@link CollectiveArgumentTest}: each case is a specific Java exception whose message
 * names the argument or the problem, thrown before any native call, and the rank goes on
 * to the next case and ends with a working collective.
 */
class MisuseCatalogTest {

    @MpiTest
    void closedAndForeignArenas() throws Exception {
        Comm world = TestMpi.world();
        int me = world.rank();
        MemorySegment closed;
        try (Arena arena = Arena.ofConfined()) {
            closed = arena.allocate(JAVA_INT, 4);
        }
        fails(IllegalStateException.class, "buf: the segment's arena has been closed",
                () -> world.recv(closed, Datatype.INT, me, 0));
        fails(IllegalStateException.class, "buf: the segment's arena has been closed",
                () -> world.isend(closed, Datatype.INT, me, 0));
        fails(IllegalStateException.class, "buf: the segment's arena has been closed",
                () -> world.irecv(closed, Datatype.INT, me, 0));
        fails(IllegalStateException.class, "recv: the segment's arena has been closed",
                () -> world.allreduce(closed, Datatype.INT, Op.SUM));
        try (Arena mine = Arena.ofConfined()) {
            MemorySegment confined = mine.allocate(JAVA_INT, 4);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread.ofPlatform().start(() -> {
                try {
                    world.send(confined, Datatype.INT, me, 0);
                } catch (Throwable t) {
                    seen.set(t);
                }
            }).join();
            assertTrue(seen.get() instanceof WrongThreadException, String.valueOf(seen.get()));
            assertTrue(seen.get().getMessage().contains("buf: the segment belongs to a confined arena of another thread"),
                    seen.get().getMessage());
        }
        world.barrier();
    }

    @MpiTest
    void arenaClosedUnderAPendingReceive() {
        Comm world = TestMpi.world();
        Request r;
        try (Arena arena = Arena.ofConfined()) {
            r = world.irecv(arena.allocate(JAVA_INT, 4), Datatype.INT, world.rank(), 4242);
        }
        fails(IllegalStateException.class, "buffer's arena was closed while the operation was in flight", r::waitFor);
        fails(IllegalStateException.class, "buffer's arena was closed", r::test);
        r.cancel();
        Status st = new Status();
        r.waitFor(st);
        assertTrue(st.cancelled(), "the orphaned receive was cancelled");
        world.barrier();
    }

    @MpiTest
    void countsThatDoNotFitTheBufferOrMpi() {
        Comm world = TestMpi.world();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment four = arena.allocate(JAVA_INT, 4);
            fails(IllegalArgumentException.class, "buf: 5 x MPI_INT needs 20 bytes but the segment has 16",
                    () -> world.recv(four, 5, Datatype.INT, me, 0, null));
            fails(IllegalArgumentException.class, "count: count must not be negative, got -1",
                    () -> world.isend(four, -1, Datatype.INT, me, 0, new Request()));
            try (Datatype huge = Datatype.resized(0, 1L << 40, Datatype.INT)) {
                fails(IllegalArgumentException.class, "overflows a 64-bit byte count",
                        () -> world.send(four, Integer.MAX_VALUE, huge, me, 0));
                int[] far = new int[world.size()];
                java.util.Arrays.fill(far, Integer.MAX_VALUE);
                fails(IllegalArgumentException.class, "displs[0]: 2147483647 x resized(MPI_INT, lb 0, extent "
                        + (1L << 40) + ") (extent " + (1L << 40) + ") overflows a 64-bit byte count",
                        () -> world.allgatherv(Comm.IN_PLACE, four, new int[world.size()], far, huge));
            }
            MemorySegment sixteenGiB = arena.allocate(8).reinterpret(1L << 34);
            // Point-to-point and bcast carry such counts through derived types (LargeCountTest);
            // the other collectives refuse them.
            fails(IllegalArgumentException.class, "recv: count 17179869184 exceeds MPI's int range",
                    () -> world.allreduce(Comm.IN_PLACE, sixteenGiB, Datatype.BYTE, Op.BOR));
            fails(IllegalArgumentException.class, "count: must not be negative",
                    () -> BsendBuffer.sizeFor(-4, Datatype.INT, world));
            fails(IllegalArgumentException.class, "count must not be negative, got -1",
                    () -> Datatype.contiguous(-1, Datatype.INT));
            fails(IllegalArgumentException.class, "types: length 1 differs from the length 2 of blockLengths",
                    () -> Datatype.struct(new int[] {1, 1}, new long[] {0, 8}, new Datatype[] {Datatype.INT}));
        }
        world.barrier();
    }

    @MpiTest
    void ranksTagsColorsOutOfRange() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined(); Group group = world.group()) {
            MemorySegment one = arena.allocate(JAVA_INT);
            fails(IllegalArgumentException.class, "dest: rank " + n + " is not in [0, " + n + ")",
                    () -> world.sendrecv(one, Datatype.INT, n, 0, one, Datatype.INT, me, 0));
            fails(IllegalArgumentException.class, "root: rank -1 is not in [0, " + n + ")",
                    () -> world.gather(one, arena.allocate(JAVA_INT, n), Datatype.INT, -1));
            fails(IllegalArgumentException.class, "source: rank " + (n + 1),
                    () -> world.probe(n + 1, 0));
            fails(IllegalArgumentException.class, "tag: tag -7 is not in [0, ",
                    () -> world.recv(one, Datatype.INT, me, -7));
            fails(IllegalArgumentException.class, "tag: tag -2 is not in [0, ",
                    () -> world.iprobe(me, -2, null));
            fails(IllegalArgumentException.class, "ranks[1]: rank " + n + " is not in [0, " + n + ")",
                    () -> group.incl(0, n));
            fails(IllegalArgumentException.class, "ranks[1]: rank 0 is listed twice",
                    () -> group.excl(0, 0));
            fails(IllegalArgumentException.class, "color: -5 must be >= 0 or Group.UNDEFINED",
                    () -> world.split(-5, 0));
        }
        world.barrier();
    }

    @MpiTest
    void freedObjectsRefuseUse() {
        Comm world = TestMpi.world();
        int me = world.rank();
        Comm dup = world.dup();
        dup.close();
        dup.close();
        fails(IllegalStateException.class, "communicator dup of MPI_COMM_WORLD has been freed", dup::barrier);
        fails(IllegalStateException.class, "has been freed", () -> dup.send(new int[1], 0, 0));
        Datatype pair = Datatype.contiguous(2, Datatype.INT);
        pair.close();
        fails(IllegalStateException.class, "datatype contiguous(2 x MPI_INT) has been freed",
                () -> world.send(MemorySegment.ofArray(new int[2]), pair, me, 0));
        fails(IllegalStateException.class, "old: datatype contiguous(2 x MPI_INT) has been freed",
                () -> Datatype.vector(2, 1, 2, pair));
        Op max = Op.create((in, inout, count, type) -> { }, true);
        max.close();
        fails(IllegalStateException.class, "user op (commutative) has been freed",
                () -> world.allreduce(new int[1], max));
        Group g = world.group();
        g.close();
        fails(IllegalStateException.class, "group has been freed", g::size);
        fails(IllegalStateException.class, "group has been freed", () -> world.create(g));
        world.barrier();
    }

    /** Closing a user op under a reduction that calls it would free the code MPI is about to run. */
    @MpiTest
    void userOpClosedUnderAPendingReduction() {
        Comm world = TestMpi.world();
        int n = world.size();
        Op sum = Op.create((in, inout, count, type) -> {
            for (int i = 0; i < count; i++) {
                inout.setAtIndex(JAVA_INT, i, inout.getAtIndex(JAVA_INT, i) + in.getAtIndex(JAVA_INT, i));
            }
        }, true);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_INT, 256).fill((byte) 1);
            MemorySegment recv = arena.allocate(JAVA_INT, 256);
            Request pending = world.iallreduce(send, recv, Datatype.INT, sum);
            fails(IllegalStateException.class, "user op (commutative): 1 reduction(s) using it have not completed",
                    sum::close);
            pending.waitFor();
            assertEquals(0x01010101 * n, recv.getAtIndex(JAVA_INT, 255));
        }
        sum.close();
        fails(IllegalStateException.class, "has been freed", () -> world.allreduce(new int[1], sum));
        world.barrier();
    }

    @MpiTest
    void requestsMisused() {
        Comm world = TestMpi.world();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(JAVA_INT, 2);
            MemorySegment b = arena.allocate(JAVA_INT, 2);
            fails(IllegalStateException.class, "request: no operation was started on it", () -> new Request().waitFor());
            Request recv = world.irecv(b, Datatype.INT, me, 9);
            Request send = world.isend(a, Datatype.INT, me, 9);
            fails(IllegalArgumentException.class, "requests[1]: the same request as requests[0]",
                    () -> Request.waitAll(recv, recv));
            fails(IllegalArgumentException.class, "statuses: length 1 differs from the 2 requests",
                    () -> Request.waitAll(new Request[] {recv, send}, new Status[1]));
            fails(NullPointerException.class, "requests[1]", () -> Request.waitAll(recv, null));
            fails(IllegalStateException.class, "request: still active; wait for it before reusing it",
                    () -> world.irecv(b, 2, Datatype.INT, me, 9, recv));
            fails(IllegalStateException.class, "only a persistent request", recv::start);
            Request.waitAll(recv, send);
            fails(IllegalStateException.class, "request: has already completed", recv::waitFor);
            fails(IllegalArgumentException.class, "requests: none is active", () -> Request.waitAny(recv, send));
            send.close();
            fails(IllegalStateException.class, "request: closed", send::test);
            fails(NullPointerException.class, "reuse", () -> world.isend(a, 2, Datatype.INT, me, 9, null));

            Request persistent = world.recvInit(b, Datatype.INT, me, 10);
            persistent.start();
            fails(IllegalStateException.class, "request: already active", persistent::start);
            world.send(a, Datatype.INT, me, 10);
            persistent.waitFor();
            persistent.close();

            Request barrier = world.ibarrier();
            fails(IllegalStateException.class, "a nonblocking collective must complete before it is closed",
                    barrier::close);
            barrier.waitFor();

            world.send(a, Datatype.INT, me, 11);
            Message m = world.mprobe(me, 11);
            m.recv(b, Datatype.INT);
            fails(IllegalStateException.class, "message: already received", () -> m.recv(b, Datatype.INT));
        }
        world.barrier();
    }

    @MpiTest
    void heapReadOnlyNullAndInPlaceBuffers() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        MemorySegment heap = MemorySegment.ofArray(new int[4]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_INT, 4);
            // a heap segment in a nonblocking call goes through native memory its request owns,
            // so the request cannot be abandoned while MPI uses that memory
            world.sendInit(heap, Datatype.INT, me, 0).close();
            Request heapRecv = world.irecv(heap, Datatype.INT, me, 0);
            fails(IllegalStateException.class, "request: an operation on a Java array (MPI uses its native copy)"
                    + " must complete before it is closed", heapRecv::close);
            heapRecv.cancel();
            heapRecv.waitFor();
            fails(IllegalArgumentException.class, "buf is a read-only segment and cannot receive data",
                    () -> world.irecv(seg.asReadOnly(), Datatype.INT, me, 0));
            fails(IllegalArgumentException.class, "recv is a read-only segment",
                    () -> world.allreduce(seg, seg.asReadOnly(), Datatype.INT, Op.SUM));
            fails(IllegalArgumentException.class, "recvBuf is a read-only segment",
                    () -> world.sendrecv(seg, Datatype.INT, me, 0, seg.asReadOnly(), Datatype.INT, me, 0));
            if (n > 1) {
                fails(IllegalArgumentException.class, "buf is a read-only segment",
                        () -> world.bcast(seg.asReadOnly(), Datatype.INT, (me + 1) % n));
            }
            fails(NullPointerException.class, "op", () -> world.allreduce(seg, seg, Datatype.INT, null));
            fails(NullPointerException.class, "other", () -> world.compare(null));
            fails(NullPointerException.class, "buf", () -> world.recv((MemorySegment) null, Datatype.INT, me, 0));
            fails(IllegalArgumentException.class, "buf: IN_PLACE is only accepted as the send buffer of a collective",
                    () -> world.send(Comm.IN_PLACE, Datatype.INT, me, 0));
            fails(IllegalArgumentException.class, "union layout",
                    () -> Datatype.of(MemoryLayout.unionLayout(JAVA_INT, JAVA_LONG)));
            fails(IllegalArgumentException.class, "has byte order BIG_ENDIAN",
                    () -> Datatype.of(JAVA_INT.withOrder(java.nio.ByteOrder.BIG_ENDIAN)));
        }
        world.barrier();
    }

    /** What MPI itself reports comes back as an MpiException naming the call; the rank carries on. */
    @MpiTest
    void mpiErrorsAreExceptionsNotAborts() {
        Comm world = TestMpi.world();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment eight = arena.allocate(JAVA_INT, 8);
            Request sent = world.isend(eight, Datatype.INT, me, 21);
            MpiException truncated = org.junit.jupiter.api.Assertions.assertThrows(MpiException.class,
                    () -> world.recv(arena.allocate(JAVA_INT, 4), Datatype.INT, me, 21));
            assertTrue(truncated.getMessage().startsWith("MPI_Recv failed: ")
                    && truncated.getMessage().contains("truncated"), truncated.getMessage());
            assertTrue(truncated.getMessage().contains("the receive buffer of 4 x MPI_INT (16 bytes)"),
                    truncated.getMessage());
            sent.waitFor();
            MpiException badOp = org.junit.jupiter.api.Assertions.assertThrows(MpiException.class,
                    () -> world.allreduce(arena.allocate(JAVA_BYTE, 8), Datatype.DOUBLE, Op.BAND));
            assertTrue(badOp.getMessage().startsWith("MPI_Allreduce failed: ")
                    && badOp.getMessage().contains("MPI_ERR_OP"), badOp.getMessage());
        }
        int[] sum = {1};
        world.allreduce(sum, Op.SUM);
        assertEquals(world.size(), sum[0]);
    }
}
