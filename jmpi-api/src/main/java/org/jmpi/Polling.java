package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.LockSupport;

import org.jmpi.internal.Staging;

/**
 * Blocking calls made on a virtual thread. A virtual thread blocked inside a native call
 * keeps its carrier thread, so a few virtual threads waiting in {@code MPI_Recv} could
 * hold every carrier while the virtual threads that would send the awaited messages (on
 * this rank or, through them, on others) never run: the job deadlocks. On a virtual
 * thread the blocking calls therefore start the nonblocking form and poll it
 * ({@code MPI_Test}), yielding and then parking briefly between polls, so the carrier
 * is free while the call waits. Arrays and heap segments go through native memory the
 * request owns (see {@link Staged}).
 */
final class Polling {
    private static final int YIELDS = 16;
    private static final long MAX_PARK_NANOS = 200_000;

    private Polling() {
    }

    /** Whether the calling thread must poll instead of blocking in MPI: it is virtual. */
    static boolean needed() {
        return Thread.currentThread().isVirtual();
    }

    /** Pauses after {@code polls} unsuccessful polls: yields at first, then parks for up to 200 µs. */
    static void pause(int polls) {
        if (polls <= YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << Math.min(polls - YIELDS, 8)));
        }
    }

    /** A native copy of {@code seg} in {@code arena}. */
    private static MemorySegment copy(MemorySegment seg, Arena arena) {
        MemorySegment copy = arena.allocate(seg.byteSize(), 16);
        Staging.copy(seg, copy, seg.byteSize());
        return copy;
    }

    /**
     * A blocking send in {@code mode} ({@link P2p.Mode#SEND}...), already checked, as the
     * nonblocking send plus a poll; an array goes through the request's native copy.
     */
    static void send(Comm c, P2p.Mode mode, Object base, long offset, int n, Datatype type, int dest, int tag) {
        Posts.post(c.handle, mode.immediate, base, offset, n, type, dest, tag, new Request()).waitFor();
    }

    /** A blocking receive, already checked, as {@code MPI_Irecv} plus a poll. */
    static void recv(Comm c, Object base, long offset, int n, Datatype type, int source, int tag, Status status) {
        Posts.post(c.handle, Posts.Kind.IRECV, base, offset, n, type, source, tag, new Request()).waitFor(status);
    }

    /**
     * {@code MPI_Sendrecv} (or {@code MPI_Sendrecv_replace} when {@code sendBuf} is
     * {@code recvBuf}, sending from a copy) as a receive and a send started together,
     * then polled.
     */
    static void sendrecv(Comm c, MemorySegment sendBuf, int sendCount, Datatype sendType, int dest, int sendTag,
                         MemorySegment recvBuf, int recvCount, Datatype recvType, int source, int recvTag,
                         Status status) {
        try (Arena arena = Arena.ofConfined()) {
            // a heap send buffer is copied when the send starts anyway
            MemorySegment s = sendBuf == recvBuf && sendBuf.isNative() ? copy(sendBuf, arena) : sendBuf;
            Request received = Posts.post(c.handle, Posts.Kind.IRECV, recvBuf, 0, recvCount, recvType, source, recvTag,
                    new Request());
            Request sent;
            try {
                sent = Posts.post(c.handle, Posts.Kind.ISEND, s, 0, sendCount, sendType, dest, sendTag, new Request());
            } catch (RuntimeException e) {
                received.cancel();
                received.waitFor();
                throw e;
            }
            Request.waitAll(new Request[] {received, sent}, new Status[] {status, null});
        }
    }

    /** {@code MPI_Mrecv} of a matched message (whose status is {@code matched}) as {@code MPI_Imrecv} plus a poll. */
    static void mrecv(MemorySegment message, MemorySegment matched, Object base, long offset, int count, Datatype type,
                      Status status) {
        Posts.imrecv(message, matched, base, offset, count, type, new Request()).waitFor(status);
    }
}
