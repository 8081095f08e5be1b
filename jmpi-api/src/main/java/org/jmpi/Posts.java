package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

/**
 * The shared body of every nonblocking and persistent point-to-point call and of
 * {@code MPI_Imrecv}: checks, then one native call. A native segment is given to MPI as
 * is; an array or a heap segment through a native copy the request owns ({@link Staged}).
 */
final class Posts {
    /**
     * Which call a post makes: its MPI name, whether it receives and whether it makes a
     * persistent request. Nested here, so the switch in {@link #call} is on the ordinal.
     */
    enum Kind {
        ISEND("MPI_Isend", false, false),
        ISSEND("MPI_Issend", false, false),
        IRSEND("MPI_Irsend", false, false),
        IBSEND("MPI_Ibsend", false, false),
        IRECV("MPI_Irecv", true, false),
        SEND_INIT("MPI_Send_init", false, true),
        SSEND_INIT("MPI_Ssend_init", false, true),
        RSEND_INIT("MPI_Rsend_init", false, true),
        BSEND_INIT("MPI_Bsend_init", false, true),
        RECV_INIT("MPI_Recv_init", true, true),
        IMRECV("MPI_Imrecv", true, false);

        final String call;
        final boolean receives;
        final boolean persistent;

        Kind(String call, boolean receives, boolean persistent) {
            this.call = call;
            this.receives = receives;
            this.persistent = persistent;
        }
    }

    private Posts() {
    }

    static Request reuse(Request r) {
        if (r == null) {
            throw new NullPointerException("reuse");
        }
        return r.reusable();
    }

    /** A call on a segment: the whole of it when {@code count < 0}, else its first {@code count} elements. */
    static Request post(Comm c, Kind op, MemorySegment buf, int count, Datatype type, int peer, int tag,
                        Request r) {
        c.check();
        MemorySegment b = op.receives ? Args.writable(buf, "buf") : Args.segment(buf, "buf");
        long elements = P2p.elements(b, count, type);
        checkPeer(c, op, peer, tag);
        return post(c.handle, op, b, 0, elements, type, peer, tag, r);
    }

    /** A call on a message argument: an array (all of it) or a {@link Buf}. */
    static Request post(Comm c, Kind op, Object buf, int peer, int tag, Request r) {
        Object base = op.receives ? Msg.target(buf, "buf") : Msg.base(buf, "buf");
        c.check();
        checkPeer(c, op, peer, tag);
        return post(c.handle, op, base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"), peer, tag, r);
    }

    private static void checkPeer(Comm c, Kind op, int peer, int tag) {
        if (op.receives) {
            Args.source(peer, c.peers, "source");
            Args.recvTag(tag, "tag");
        } else {
            Args.dest(peer, c.peers, "dest");
            Args.tag(tag, "tag");
        }
    }

    /** {@code MPI_Imrecv} of the matched message in {@code message}, whose status is {@code matched}; checked. */
    static Request imrecv(MemorySegment message, MemorySegment matched, Object base, long offset, long elements,
                          Datatype type, Request r) {
        return post(message, Kind.IMRECV, base, offset, elements, type, 0, 0, r).receiving(elements, type, matched);
    }

    /**
     * The checked body: {@code elements x type} from {@code offset} bytes into {@code base}
     * (a segment or an array) on the communicator {@code h} (the message handle for
     * {@code MPI_Imrecv}); beyond MPI's int count as one element of a large type. A send
     * (not a persistent one, which copies at each start) copies an array in here.
     */
    static Request post(MemorySegment h, Kind op, Object base, long offset, long elements, Datatype type,
                        int peer, int tag, Request r) {
        boolean receive = op.receives;
        boolean persistent = op.persistent;
        Staged staged = Staged.of(base, offset, Buffers.span(elements, type), type, receive);
        MemorySegment b = staged == null ? Msg.at(base, offset) : staged.memory;
        int rc;
        try {
            if (staged != null && !persistent) {
                staged.begin();
            }
            if (elements > LargeCounts.limit()) {
                // MPI keeps a freed type alive for the operations that use it.
                try (Datatype big = LargeCounts.type(elements, type)) {
                    rc = call(h, op, b, 1, big, peer, tag, r.slot);
                }
            } else {
                rc = call(h, op, b, (int) elements, type, peer, tag, r.slot);
            }
        } catch (RuntimeException | Error e) {
            if (staged != null) {
                staged.free();
            }
            throw e;
        }
        if (rc != 0) {
            if (staged != null) {
                staged.free();
            }
            throw Errors.exception(rc, op.call);
        }
        r.receiving(receive ? elements : 0, receive ? type : null, null);
        return persistent ? r.persistent(b, staged) : r.started(b, staged);
    }

    private static int call(MemorySegment h, Kind op, MemorySegment b, int n, Datatype type, int peer, int tag,
                            MemorySegment s) {
        MemorySegment t = type.handle();
        return switch (op) {
            case ISEND -> MpiCalls.MPI_Isend(b, n, t, peer, tag, h, s);
            case ISSEND -> MpiCalls.MPI_Issend(b, n, t, peer, tag, h, s);
            case IRSEND -> MpiCalls.MPI_Irsend(b, n, t, peer, tag, h, s);
            case IBSEND -> MpiCalls.MPI_Ibsend(b, n, t, peer, tag, h, s);
            case IRECV -> MpiCalls.MPI_Irecv(b, n, t, peer, tag, h, s);
            case SEND_INIT -> MpiCalls.MPI_Send_init(b, n, t, peer, tag, h, s);
            case SSEND_INIT -> MpiCalls.MPI_Ssend_init(b, n, t, peer, tag, h, s);
            case RSEND_INIT -> MpiCalls.MPI_Rsend_init(b, n, t, peer, tag, h, s);
            case BSEND_INIT -> MpiCalls.MPI_Bsend_init(b, n, t, peer, tag, h, s);
            case RECV_INIT -> MpiCalls.MPI_Recv_init(b, n, t, peer, tag, h, s);
            default -> MpiCalls.MPI_Imrecv(b, n, t, h, s);
        };
    }
}
