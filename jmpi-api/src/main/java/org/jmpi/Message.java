package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Staging;

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
     * Receives the message into the whole segment ({@code MPI_Mrecv}); the segment may be
     * larger than the message. Heap segments go through native staging memory (the received
     * bytes are copied out after the call), never pinned: a message whose data is still on
     * its way may keep the call waiting.
     */
    public Status recv(MemorySegment buf, Datatype type) {
        Status out = new Status();
        recv(buf, -1, type, out);
        return out;
    }

    /** Receives at most {@code count} elements into {@code buf} and fills {@code out} when not null. */
    public void recv(MemorySegment buf, int count, Datatype type, Status out) {
        long elements = checkReceive(buf, count, type);
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                recv(buf, 1, big, out);
            }
            return;
        }
        int n = (int) elements;
        if (Polling.needed()) {
            received = true;
            Polling.mrecv(slot, buf, n, type, out);
            return;
        }
        MemorySegment st = out == null ? MpiCalls.MPI_STATUS_IGNORE() : out.segment();
        long span = Buffers.span(n, type);
        boolean whole = P2p.copyIn(span, type);
        st = whole || out != null || buf.isNative() ? st : Scratch.statuses(1);
        MemorySegment b = Staging.in(buf, span, 0, whole);
        int rc;
        try {
            rc = MpiCalls.MPI_Mrecv(b, n, type.handle(), slot, st);
            received = true;
            if (rc == 0) {
                Staging.out(b, buf, whole || b == buf ? span : P2p.received(st));
            }
        } finally {
            Staging.release(b, buf, 0);
        }
        Errors.check(rc, "MPI_Mrecv");
    }

    /** Starts receiving the message into the whole native segment ({@code MPI_Imrecv}). */
    public Request irecv(MemorySegment buf, Datatype type) {
        long elements = checkReceive(P2p.nativeOnly(Args.writable(buf, "buf"), "buf"), -1, type);
        Datatype big = elements > LargeCounts.limit() ? LargeCounts.type(elements, type) : null;
        Request r = new Request();
        try {
            Errors.check(MpiCalls.MPI_Imrecv(buf, big == null ? (int) elements : 1, (big == null ? type : big).handle(),
                    slot, r.slot), "MPI_Imrecv");
        } finally {
            if (big != null) {
                big.close();
            }
        }
        received = true;
        return r.started(buf);
    }

    private long checkReceive(MemorySegment buf, int count, Datatype type) {
        MpiState.checkCall();
        if (received) {
            throw new IllegalStateException("message: already received");
        }
        return P2p.elements(Args.writable(buf, "buf"), count, type);
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
