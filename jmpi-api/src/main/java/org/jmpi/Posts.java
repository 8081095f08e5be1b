package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;

/** The shared body of every nonblocking and persistent point-to-point call. */
final class Posts {
    static final int ISEND = 0;
    static final int ISSEND = 1;
    static final int IRSEND = 2;
    static final int IBSEND = 3;
    static final int IRECV = 4;
    static final int SEND_INIT = 5;
    static final int SSEND_INIT = 6;
    static final int RSEND_INIT = 7;
    static final int BSEND_INIT = 8;
    static final int RECV_INIT = 9;
    private static final String[] NAMES = {"MPI_Isend", "MPI_Issend", "MPI_Irsend", "MPI_Ibsend", "MPI_Irecv",
        "MPI_Send_init", "MPI_Ssend_init", "MPI_Rsend_init", "MPI_Bsend_init", "MPI_Recv_init"};

    private Posts() {
    }

    static Request reuse(Request r) {
        if (r == null) {
            throw new NullPointerException("reuse");
        }
        return r.reusable();
    }

    static Request post(Comm c, int op, MemorySegment buf, int count, Datatype type, int peer, int tag,
                        Request r) {
        c.check();
        boolean receive = op == IRECV || op == RECV_INIT;
        MemorySegment b = P2p.nativeOnly(receive ? Args.writable(buf, "buf") : Args.segment(buf, "buf"), "buf");
        long elements = P2p.elements(b, count, type);
        if (receive) {
            Args.source(peer, c.peers, "source");
            Args.recvTag(tag, MpiState.tagUpperBound(), "tag");
        } else {
            Args.dest(peer, c.peers, "dest");
            Args.tag(tag, MpiState.tagUpperBound(), "tag");
        }
        if (elements > LargeCounts.limit()) {
            // MPI keeps a freed type alive for the operations that use it.
            try (Datatype big = LargeCounts.type(elements, type)) {
                return post(c, op, buf, 1, big, peer, tag, r);
            }
        }
        int n = (int) elements;
        MemorySegment t = type.handle();
        MemorySegment h = c.handle;
        MemorySegment s = r.slot;
        int rc = switch (op) {
            case ISEND -> MpiCalls.MPI_Isend(b, n, t, peer, tag, h, s);
            case ISSEND -> MpiCalls.MPI_Issend(b, n, t, peer, tag, h, s);
            case IRSEND -> MpiCalls.MPI_Irsend(b, n, t, peer, tag, h, s);
            case IBSEND -> MpiCalls.MPI_Ibsend(b, n, t, peer, tag, h, s);
            case IRECV -> MpiCalls.MPI_Irecv(b, n, t, peer, tag, h, s);
            case SEND_INIT -> MpiCalls.MPI_Send_init(b, n, t, peer, tag, h, s);
            case SSEND_INIT -> MpiCalls.MPI_Ssend_init(b, n, t, peer, tag, h, s);
            case RSEND_INIT -> MpiCalls.MPI_Rsend_init(b, n, t, peer, tag, h, s);
            case BSEND_INIT -> MpiCalls.MPI_Bsend_init(b, n, t, peer, tag, h, s);
            default -> MpiCalls.MPI_Recv_init(b, n, t, peer, tag, h, s);
        };
        Errors.check(rc, NAMES[op]);
        return op >= SEND_INIT ? r.persistent(b) : r.started(b);
    }
}
