package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Nonblocking and persistent point-to-point operations of a {@link Comm}. A message is a
 * Java primitive array (all of it, with its element type's datatype) or a {@link Buf}
 * (part of an array, a segment, any count and datatype: {@code isend(Buf.of(seg, count,
 * type), dest, tag)} is the counted form); the older forms take a segment and a datatype.
 *
 * <p>A native segment is given to MPI as is: the request keeps it reachable until it
 * completes, and it must not be modified (sends) or read (receives) before then. An array
 * or a heap segment may move while the operation is pending, so MPI gets a native copy
 * the request owns instead: a send copies the data when it starts (a persistent send at
 * every {@link Request#start()}), a receive copies what arrived back into the array when
 * it completes (a persistent receive at every completion), not when it was cancelled or
 * failed. Such a request must be completed, not abandoned with {@link Request#close()}.
 * The overloads taking a {@code Request} reuse it, so an isend/irecv/wait loop on native
 * segments allocates nothing.
 */
public sealed interface NonblockingPointToPoint permits Comm {

    /** Starts a standard send of a message, an array or a {@link Buf} ({@code MPI_Isend}). */
    default Request isend(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.ISEND, buf, dest, tag, new Request());
    }

    /** Starts a standard send of a message into {@code reuse} ({@code MPI_Isend}). */
    default Request isend(Object buf, int dest, int tag, Request reuse) {
        return Posts.post(comm(), Posts.Kind.ISEND, buf, dest, tag, Posts.reuse(reuse));
    }

    /** Starts a synchronous send of a message ({@code MPI_Issend}): it completes once the receive has started. */
    default Request issend(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.ISSEND, buf, dest, tag, new Request());
    }

    /** Starts a ready send of a message ({@code MPI_Irsend}): the matching receive must be posted. */
    default Request irsend(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.IRSEND, buf, dest, tag, new Request());
    }

    /** Starts a buffered send of a message through the attached buffer ({@code MPI_Ibsend}). */
    default Request ibsend(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.IBSEND, buf, dest, tag, new Request());
    }

    /**
     * Starts a receive into a message buffer, an array (up to all of it) or a {@link Buf}
     * ({@code MPI_Irecv}); a longer message fails the completion with an
     * {@link MpiException} (MPI_ERR_TRUNCATE) that gives the sizes.
     */
    default Request irecv(Object buf, int source, int tag) {
        return Posts.post(comm(), Posts.Kind.IRECV, buf, source, tag, new Request());
    }

    /** Starts a receive into a message buffer, into {@code reuse} ({@code MPI_Irecv}). */
    default Request irecv(Object buf, int source, int tag, Request reuse) {
        return Posts.post(comm(), Posts.Kind.IRECV, buf, source, tag, Posts.reuse(reuse));
    }

    /**
     * A persistent standard send of a message ({@code MPI_Send_init}), started with
     * {@link Request#start()} as often as needed (each start sends the array's current
     * contents) and freed by {@link Request#close()}.
     */
    default Request sendInit(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.SEND_INIT, buf, dest, tag, new Request());
    }

    /** A persistent synchronous send of a message ({@code MPI_Ssend_init}). */
    default Request ssendInit(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.SSEND_INIT, buf, dest, tag, new Request());
    }

    /** A persistent ready send of a message ({@code MPI_Rsend_init}). */
    default Request rsendInit(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.RSEND_INIT, buf, dest, tag, new Request());
    }

    /** A persistent buffered send of a message ({@code MPI_Bsend_init}). */
    default Request bsendInit(Object buf, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.BSEND_INIT, buf, dest, tag, new Request());
    }

    /**
     * A persistent receive into a message buffer ({@code MPI_Recv_init}); each completion
     * copies what arrived into the array.
     */
    default Request recvInit(Object buf, int source, int tag) {
        return Posts.post(comm(), Posts.Kind.RECV_INIT, buf, source, tag, new Request());
    }

    /** Starts a standard send of the whole segment ({@code MPI_Isend}). */
    default Request isend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.ISEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a standard send of the first {@code count} elements into {@code reuse} ({@code MPI_Isend}). */
    default Request isend(MemorySegment buf, int count, Datatype type, int dest, int tag, Request reuse) {
        return Posts.post(comm(), Posts.Kind.ISEND, buf, Args.count(count, "count"), type, dest, tag,
                Posts.reuse(reuse));
    }

    /** Starts a synchronous send ({@code MPI_Issend}): it completes once the receive has started. */
    default Request issend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.ISSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a ready send ({@code MPI_Irsend}): the matching receive must be posted. */
    default Request irsend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.IRSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a buffered send through the attached buffer ({@code MPI_Ibsend}). */
    default Request ibsend(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.IBSEND, buf, -1, type, dest, tag, new Request());
    }

    /** Starts a receive into the whole segment ({@code MPI_Irecv}). */
    default Request irecv(MemorySegment buf, Datatype type, int source, int tag) {
        return Posts.post(comm(), Posts.Kind.IRECV, buf, -1, type, source, tag, new Request());
    }

    /** Starts a receive of at most {@code count} elements into {@code reuse} ({@code MPI_Irecv}). */
    default Request irecv(MemorySegment buf, int count, Datatype type, int source, int tag, Request reuse) {
        return Posts.post(comm(), Posts.Kind.IRECV, buf, Args.count(count, "count"), type, source, tag,
                Posts.reuse(reuse));
    }

    /**
     * A persistent standard send of the whole segment ({@code MPI_Send_init}), started
     * with {@link Request#start()} as often as needed and freed by {@link Request#close()}.
     * The request keeps the segment reachable until it is closed.
     */
    default Request sendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.SEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent synchronous send ({@code MPI_Ssend_init}). */
    default Request ssendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.SSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent ready send ({@code MPI_Rsend_init}). */
    default Request rsendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.RSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent buffered send ({@code MPI_Bsend_init}). */
    default Request bsendInit(MemorySegment buf, Datatype type, int dest, int tag) {
        return Posts.post(comm(), Posts.Kind.BSEND_INIT, buf, -1, type, dest, tag, new Request());
    }

    /** A persistent receive into the whole segment ({@code MPI_Recv_init}). */
    default Request recvInit(MemorySegment buf, Datatype type, int source, int tag) {
        return Posts.post(comm(), Posts.Kind.RECV_INIT, buf, -1, type, source, tag, new Request());
    }

    private Comm comm() {
        return (Comm) this;
    }
}
