package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;
import org.jmpi.internal.MpiState;

/**
 * A message matched by {@link PointToPoint#mprobe} or {@link PointToPoint#improbe}
 * ({@code MPI_Message}): taken out of matching, so exactly one receive of this object
 * gets it. Its {@link #status()} tells the source, tag and size before receiving, so the
 * receiver can size its buffer. Receiving twice is an {@link IllegalStateException}.
 */
public final class Message {
    private final MemorySegment slot;
    private final Status status;
    private boolean received;

    Message(MemorySegment slot, Status status) {
        this.slot = slot;
        this.status = status;
    }

    /** The status of the matched message: source, tag, size. */
    public Status status() {
        return status;
    }

    /** The sender's rank. */
    public int source() {
        return status.source();
    }

    /** The message's tag. */
    public int tag() {
        return status.tag();
    }

    /** The number of {@code type} elements in the message, or -1 if not a whole number. */
    public int count(Datatype type) {
        return status.count(type);
    }

    /** The number of basic elements of {@code type} in the message, as a long ({@link Status#elements}). */
    public long elements(Datatype type) {
        return status.elements(type);
    }

    /**
     * Receives the message ({@code MPI_Mrecv}) into a message buffer: an array (up to all of
     * it) or a {@link Buf}. Arrays go through this thread's native staging memory, never
     * pinned: a message whose data is still on its way may keep the call waiting. A buffer
     * too small is an {@link MpiException} (MPI_ERR_TRUNCATE) that gives both sizes.
     */
    public Status recv(Object buf) {
        Status out = new Status();
        recv(buf, out);
        return out;
    }

    /** {@link #recv(Object)} filling {@code out} when it is not null. */
    public void recv(Object buf, Status out) {
        Object base = Msg.target(buf, "buf");
        checkReceive();
        receive(base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"), out);
    }

    /**
     * Receives the message into the whole segment ({@code MPI_Mrecv}); the segment may be
     * larger than the message. Heap segments go through native staging memory, as arrays do.
     */
    public Status recv(MemorySegment buf, Datatype type) {
        Status out = new Status();
        recv(buf, -1, type, out);
        return out;
    }

    /** Receives at most {@code count} elements into {@code buf} and fills {@code out} when not null. */
    public void recv(MemorySegment buf, int count, Datatype type, Status out) {
        checkReceive();
        receive(buf, 0, P2p.elements(Args.writable(buf, "buf"), count, type), type, out);
    }

    /**
     * The checked {@code MPI_Mrecv} of {@code elements x type} at {@code offset} bytes into
     * {@code base}; beyond MPI's int count as one element of a large type.
     */
    private void receive(Object base, long offset, long elements, Datatype type, Status out) {
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                receive(base, offset, 1, big, out);
            }
            return;
        }
        int n = (int) elements;
        received = true;
        if (Polling.needed()) {
            Polling.mrecv(slot, status.segment(), base, offset, n, type, out);
            return;
        }
        P2p.receive(null, slot, status.segment(), base, offset, n, type, 0, 0, out);
    }

    /**
     * Starts receiving the message ({@code MPI_Imrecv}) into a message buffer, an array or
     * a {@link Buf}: an array goes through native memory the request owns, copied back
     * when the request completes.
     */
    public Request irecv(Object buf) {
        Object base = Msg.target(buf, "buf");
        checkReceive();
        Request r = Posts.imrecv(slot, status.segment(), base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"),
                new Request());
        received = true;
        return r;
    }

    /** Starts receiving the message into the whole segment ({@code MPI_Imrecv}); a heap segment as an array. */
    public Request irecv(MemorySegment buf, Datatype type) {
        checkReceive();
        long elements = P2p.elements(Args.writable(buf, "buf"), -1, type);
        Request r = Posts.imrecv(slot, status.segment(), buf, 0, elements, type, new Request());
        received = true;
        return r;
    }

    private void checkReceive() {
        MpiState.checkCall();
        if (received) {
            throw new IllegalStateException("message: already received");
        }
    }

    /** Whether the message has been received. */
    public boolean isReceived() {
        return received;
    }

    @Override
    public String toString() {
        return "Message[source=" + source() + ", tag=" + tag() + (received ? ", received]" : "]");
    }
}
