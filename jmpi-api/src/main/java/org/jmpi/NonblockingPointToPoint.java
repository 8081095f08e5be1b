package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Nonblocking and persistent point-to-point operations of a {@link Comm}. They take
 * native segments only (a heap array could move before the operation completes; such a
 * segment is refused with a message saying so), keep the segment reachable until the
 * request completes, and must not see the buffer modified (sends) or read (receives)
 * before then. The overloads taking a {@link Request} reuse it, so an isend/irecv/wait
 * loop allocates nothing.
 */
public sealed interface NonblockingPointToPoint permits Comm {

    /** Starts a standard send of the whole segment ({@code MPI_Isend}). */
    default Request isend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.ISEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a standard send of the first {@code count} elements into {@code reuse} ({@code MPI_Isend}). */
    default Request isend(MemorySegment buf, int count, Datatype type, int dest, int tag, Request reuse) {
        return Posts.post(comm(), Posts.ISEND, buf, Args.count(count, "count"), type, dest, tag,
                Posts.reuse(reuse));
    }

    /** Starts a synchronous send ({@code MPI_Issend}): it completes once the receive has started. */
    default Request issend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.ISSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a ready send ({@code MPI_Irsend}): the matching receive must be posted. */
    default Request irsend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.IRSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a buffered send through the attached buffer ({@code MPI_Ibsend}). */
    default Request ibsend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.IBSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a receive into the whole segment ({@code MPI_Irecv}). */
    default Request irecv(MemorySegment buf, Datatype type, int source, int tag) {
        return Posts.post(comm(), Posts.IRECV, buf, -1, type, source, tag, new Request());
    }

    /** Starts a receive of at most {@code count} elements into {@code reuse} ({@code MPI_Irecv}). */
    default Request irecv(MemorySegment buf, int count, Datatype type, int source, int tag, Request reuse) {
        return Posts.post(comm(), Posts.IRECV, buf, Args.count(count, "count"), type, source, tag,
                Posts.reuse(reuse));
    }

    /**
     * A persistent standard send of the whole segment ({@code MPI_Send_init}), started
     * with {@link Request#start()} as often as needed and freed by {@link Request#close()}.
     * The request keeps the segment reachable until it is closed.
     */
    default Request sendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.SEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent synchronous send ({@code MPI_Ssend_init}). */
    default Request ssendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.SSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent ready send ({@code MPI_Rsend_init}). */
    default Request rsendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.RSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent buffered send ({@code MPI_Bsend_init}). */
    default Request bsendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.BSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent receive into the whole segment ({@code MPI_Recv_init}). */
    default Request recvInit(MemorySegment buf, Datatype type, int source, int tag) {
        return Posts.post(comm(), Posts.RECV_INIT, buf, -1, type, source, tag, new Request());
    }

    private Comm comm() {
        return (Comm) this;
    }
}
