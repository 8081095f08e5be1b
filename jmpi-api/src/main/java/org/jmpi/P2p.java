package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Staging;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The shared bodies of the point-to-point calls: checks, then one native call. Heap
 * segments go through this thread's native staging memory ({@link Staging}), never
 * pinned: the call may wait for a peer, and the JVM must be able to reach a safepoint
 * meanwhile.
 */
final class P2p {
    static final int SEND = 0;
    static final int SSEND = 1;
    static final int RSEND = 2;
    static final int BSEND = 3;
    /** Heap receive buffers up to this size are staged whole (see {@link #copyIn}). */
    static final long SMALL = 4096;
    private static final String[] SEND_NAMES = {"MPI_Send", "MPI_Ssend", "MPI_Rsend", "MPI_Bsend"};

    private P2p() {
    }

    /** A blocking send in {@code mode}; {@code count < 0} means the whole segment. */
    static void send(Comm c, int mode, MemorySegment buf, int count, Datatype type, int dest, int tag) {
        c.check();
        long elements = elements(Args.segment(buf, "buf"), count, type);
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                send(c, mode, buf, 1, big, dest, tag);
            }
            return;
        }
        send(c, mode, buf, 0, (int) elements, type, dest, tag);
    }

    /** A blocking send in {@code mode} of a message argument (an array or a {@link Buf}). */
    static void send(Comm c, int mode, Object buf, int dest, int tag) {
        Object base = Msg.base(buf, "buf");
        c.check();
        int n = Msg.count(buf, "buf");
        Datatype type = Msg.type(buf, "buf");
        if (n > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(n, type)) {
                send(c, mode, base, Msg.offset(buf), 1, big, dest, tag);
            }
            return;
        }
        send(c, mode, base, Msg.offset(buf), n, type, dest, tag);
    }

    /** The checked send of {@code n} elements at {@code offset} bytes into {@code base} (a segment or an array). */
    private static void send(Comm c, int mode, Object base, long offset, int n, Datatype type, int dest, int tag) {
        Args.dest(dest, c.peers, "dest");
        Args.tag(tag, MpiState.tagUpperBound(), "tag");
        if (Polling.needed()) {
            Polling.send(c, mode, Msg.at(base, offset), n, type, dest, tag);
            return;
        }
        MemorySegment t = type.handle();
        MemorySegment h = c.handle;
        long lead = Blocks.first(n, type);
        MemorySegment b = Staging.in(base, offset + lead, Buffers.span(n, type) - lead, 0, true);
        MemorySegment p = lead == 0 ? b : b.asSlice(-lead);
        int rc;
        try {
            rc = switch (mode) {
                case SEND -> MpiCalls.MPI_Send(p, n, t, dest, tag, h);
                case SSEND -> MpiCalls.MPI_Ssend(p, n, t, dest, tag, h);
                case RSEND -> MpiCalls.MPI_Rsend(p, n, t, dest, tag, h);
                default -> MpiCalls.MPI_Bsend(p, n, t, dest, tag, h);
            };
        } finally {
            Staging.release(b, base, 0);
        }
        Errors.check(rc, SEND_NAMES[mode]);
    }

    /** A blocking receive; {@code count < 0} means as many elements as the segment holds. */
    static void recv(Comm c, MemorySegment buf, int count, Datatype type, int source, int tag, Status status) {
        c.check();
        long elements = elements(Args.writable(buf, "buf"), count, type);
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                recv(c, buf, 1, big, source, tag, status);
            }
            return;
        }
        recv(c, buf, 0, (int) elements, type, source, tag, status);
    }

    /** A blocking receive into a message argument (an array or a {@link Buf}). */
    static void recv(Comm c, Object buf, int source, int tag, Status status) {
        Object base = Msg.target(buf, "buf");
        c.check();
        int n = Msg.count(buf, "buf");
        Datatype type = Msg.type(buf, "buf");
        if (n > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(n, type)) {
                recv(c, base, Msg.offset(buf), 1, big, source, tag, status);
            }
            return;
        }
        recv(c, base, Msg.offset(buf), n, type, source, tag, status);
    }

    private static void recv(Comm c, Object base, long offset, int n, Datatype type, int source, int tag,
                             Status status) {
        Args.source(source, c.peers, "source");
        Args.recvTag(tag, MpiState.tagUpperBound(), "tag");
        if (Polling.needed()) {
            Polling.recv(c, Msg.at(base, offset), n, type, source, tag, status);
            return;
        }
        MemorySegment t = type.handle();
        MemorySegment st = status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment();
        if (base instanceof MemorySegment seg && seg.isNative()) {
            MemorySegment b = offset == 0 ? seg : seg.asSlice(offset);
            Errors.check(MpiCalls.MPI_Recv(b, n, t, source, tag, c.handle, st), "MPI_Recv");
            return;
        }
        long lead = Blocks.first(n, type);
        long span = Buffers.span(n, type) - lead;
        boolean whole = copyIn(span, type);
        st = whole || status != null ? st : Scratch.statuses(1);
        MemorySegment b = Staging.in(base, offset + lead, span, 0, whole);
        try {
            Errors.check(MpiCalls.MPI_Recv(lead == 0 ? b : b.asSlice(-lead), n, t, source, tag, c.handle, st),
                    "MPI_Recv");
            Staging.out(b, base, offset + lead, whole ? span : received(st));
        } finally {
            Staging.release(b, base, 0);
        }
    }

    /** The checked-buffer body of {@code MPI_Sendrecv}: each side a segment or an array with its offset, count and type. */
    static void sendrecv(Comm c, Object send, long sendOffset, int sn, Datatype sendType, int dest, int sendTag,
                         Object recv, long recvOffset, int rn, Datatype recvType, int source, int recvTag,
                         Status status) {
        Args.dest(dest, c.peers, "dest");
        Args.tag(sendTag, MpiState.tagUpperBound(), "sendTag");
        Args.source(source, c.peers, "source");
        Args.recvTag(recvTag, MpiState.tagUpperBound(), "recvTag");
        if (Polling.needed()) {
            Polling.sendrecv(c, Msg.at(send, sendOffset), sn, sendType, dest, sendTag, Msg.at(recv, recvOffset), rn,
                    recvType, source, recvTag, status);
            return;
        }
        MemorySegment st = status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment();
        long sendLead = Blocks.first(sn, sendType);
        long recvLead = Blocks.first(rn, recvType);
        long span = Buffers.span(rn, recvType) - recvLead;
        MemorySegment sb = Staging.in(send, sendOffset + sendLead, Buffers.span(sn, sendType) - sendLead, 0, true);
        MemorySegment rb = MemorySegment.NULL;
        int rc;
        try {
            rb = Staging.in(recv, recvOffset + recvLead, span, 1, true);
            rc = MpiCalls.MPI_Sendrecv(sendLead == 0 ? sb : sb.asSlice(-sendLead), sn, sendType.handle(), dest,
                    sendTag, recvLead == 0 ? rb : rb.asSlice(-recvLead), rn, recvType.handle(), source, recvTag,
                    c.handle, st);
            if (rc == 0) {
                Staging.out(rb, recv, recvOffset + recvLead, span);
            }
        } finally {
            Staging.release(sb, send, 0);
            if (rb != MemorySegment.NULL) {
                Staging.release(rb, recv, 1);
            }
        }
        Errors.check(rc, "MPI_Sendrecv");
    }

    /**
     * Whether a blocking receive of {@code span} bytes into a heap segment stages a copy of
     * all of them (and copies all of them back): for small buffers, where that costs less than asking
     * MPI how much arrived, and for types other than dense predefined ones, whose gaps MPI
     * leaves untouched. Otherwise only the received bytes are copied back, a prefix of the
     * buffer.
     */
    static boolean copyIn(long span, Datatype type) {
        return span <= SMALL || !type.isPredefined() || type.size() != type.extent()
                || type.lowerBound() != 0;
    }

    /** The bytes a completed receive delivered, from its status ({@code MPI_Get_elements_x} of MPI_BYTE). */
    static long received(MemorySegment status) {
        MemorySegment n = Scratch.words();
        Errors.check(MpiCalls.MPI_Get_elements_x(status, Datatype.BYTE.handle(), n), "MPI_Get_elements_x");
        return n.get(JAVA_LONG_UNALIGNED, 0);
    }

    /**
     * The element count: the whole segment when {@code count < 0} (possibly beyond MPI's int:
     * callers pass such counts through {@link LargeCounts}), else checked to fit.
     */
    static long elements(MemorySegment buf, int count, Datatype type) {
        Objects.requireNonNull(type, "type");
        if (count < 0) {
            return Buffers.elements(buf, type, "buf");
        }
        Buffers.fits(buf, count, type, "buf");
        return count;
    }

    /** {@link #elements}, refused beyond MPI's int count (for calls without a large-count path). */
    static int count(MemorySegment buf, int count, Datatype type) {
        long n = elements(buf, count, type);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buf: " + n + " x " + type + " exceed MPI's int count;"
                    + " pass an explicit count or use a larger datatype");
        }
        return (int) n;
    }

    /** Checks the communicator, a source rank and a receive tag for the probe calls. */
    static Comm checkedPeer(Comm c, int source, int tag) {
        c.check();
        Args.source(source, c.peers, "source");
        Args.recvTag(tag, MpiState.tagUpperBound(), "tag");
        return c;
    }

    /** Refuses heap segments in nonblocking calls: the array could move before completion. */
    static MemorySegment nativeOnly(MemorySegment seg, String arg) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException(arg + ": a nonblocking operation needs a native segment;"
                    + " a heap array may move before the operation completes (copy it to an Arena"
                    + "-allocated segment, or use the blocking call)");
        }
        return seg;
    }
}
