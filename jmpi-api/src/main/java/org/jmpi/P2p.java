package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.MpiKind;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
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
    /**
     * A blocking send's mode: its MPI name and the nonblocking call of the same mode. Nested
     * here, so the switch on it is on the ordinal.
     */
    enum Mode {
        SEND("MPI_Send", Posts.Kind.ISEND),
        SSEND("MPI_Ssend", Posts.Kind.ISSEND),
        RSEND("MPI_Rsend", Posts.Kind.IRSEND),
        BSEND("MPI_Bsend", Posts.Kind.IBSEND);

        final String call;
        /** The nonblocking call of this mode. */
        final Posts.Kind immediate;

        Mode(String call, Posts.Kind immediate) {
            this.call = call;
            this.immediate = immediate;
        }
    }

    /** Heap receive buffers up to this size are staged whole (see {@link #copyIn}). */
    static final long SMALL = 4096;

    private P2p() {
    }

    /** A blocking send in {@code mode}; {@code count < 0} means the whole segment. */
    static void send(Comm c, Mode mode, MemorySegment buf, int count, Datatype type, int dest, int tag) {
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
    static void send(Comm c, Mode mode, Object buf, int dest, int tag) {
        Object base = Msg.base(buf, "buf");
        c.check();
        send(c, mode, base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"), dest, tag);
    }

    /** The checked send of {@code n} elements at {@code offset} bytes into {@code base} (a segment or an array). */
    private static void send(Comm c, Mode mode, Object base, long offset, int n, Datatype type, int dest, int tag) {
        Args.dest(dest, c.peers, "dest");
        Args.tag(tag, "tag");
        if (n > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(n, type)) {
                send(c, mode, base, offset, 1, big, dest, tag);
            }
            return;
        }
        if (Polling.needed()) {
            Polling.send(c, mode, base, offset, n, type, dest, tag);
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
        Errors.check(rc, mode.call);
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
        recv(c, base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"), source, tag, status);
    }

    private static void recv(Comm c, Object base, long offset, int n, Datatype type, int source, int tag,
                             Status status) {
        Args.source(source, c.peers, "source");
        Args.recvTag(tag, "tag");
        if (n > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(n, type)) {
                recv(c, base, offset, 1, big, source, tag, status);
            }
            return;
        }
        if (Polling.needed()) {
            Polling.recv(c, base, offset, n, type, source, tag, status);
            return;
        }
        receive(c.handle, null, null, base, offset, n, type, source, tag, status);
    }

    /**
     * The checked body of {@code MPI_Recv} on {@code comm} or, when {@code message} is not
     * null, of {@code MPI_Mrecv} of that matched message, whose status is {@code matched}
     * ({@code source} and {@code tag} unused): {@code n x type} at {@code offset} bytes into
     * {@code base}, an array or a segment, heap memory staged in this thread's native
     * memory. A truncation says the sizes.
     */
    static void receive(MemorySegment comm, MemorySegment message, MemorySegment matched, Object base, long offset,
                        int n, Datatype type, int source, int tag, Status status) {
        MemorySegment t = type.handle();
        MemorySegment st = status == null ? Scratch.statuses(1) : status.segment();
        if (base instanceof MemorySegment seg && seg.isNative()) {
            MemorySegment b = offset == 0 ? seg : seg.asSlice(offset);
            int rc = message == null ? MpiCalls.MPI_Recv(b, n, t, source, tag, comm, st)
                    : MpiCalls.MPI_Mrecv(b, n, t, message, st);
            if (rc != 0) {
                throw receiveFailed(rc, message, n, type, st, matched);
            }
            return;
        }
        long lead = Blocks.first(n, type);
        long span = Buffers.span(n, type) - lead;
        boolean whole = copyIn(span, type);
        MemorySegment b = Staging.in(base, offset + lead, span, 0, whole);
        int rc;
        try {
            MemorySegment p = lead == 0 ? b : b.asSlice(-lead);
            rc = message == null ? MpiCalls.MPI_Recv(p, n, t, source, tag, comm, st)
                    : MpiCalls.MPI_Mrecv(p, n, t, message, st);
            if (rc == 0) {
                Staging.out(b, base, offset + lead, whole ? span : received(st));
            }
        } finally {
            Staging.release(b, base, 0);
        }
        if (rc != 0) {
            throw receiveFailed(rc, message, n, type, st, matched);
        }
    }

    private static MpiException receiveFailed(int rc, MemorySegment message, int n, Datatype type, MemorySegment st,
                                              MemorySegment matched) {
        return Errors.exception(rc, message == null ? "MPI_Recv" : "MPI_Mrecv",
                truncation(rc, n, type, st, 0, matched));
    }

    /**
     * For a receive of {@code count x type} that failed with MPI_ERR_TRUNCATE, what jmpi
     * knows about the sizes: the buffer's and the message's. The message's size is what
     * {@code matched}, the status of a matched probe, says when not null, else what the
     * status at byte {@code at} of {@code st} says on Open MPI, which reports it there (the
     * standard leaves it undefined: MPICH 4.0.2 writes 0 or leaves what was there, so it
     * stays unknown). Null for any other error.
     */
    static String truncation(int code, long count, Datatype type, MemorySegment st, long at, MemorySegment matched) {
        if (Errors.errorClass(code) != MpiCalls.MPI_ERR_TRUNCATE()) {
            return null;
        }
        long room;
        try {
            room = count * type.size();
        } catch (IllegalStateException closed) {
            room = -1; // the datatype was closed while the receive was pending
        }
        boolean described = st != null && st.address() != MpiCalls.MPI_STATUS_IGNORE().address();
        MemorySegment reported = matched != null ? matched
                : described && Abi.KIND == MpiKind.OPEN_MPI ? st.asSlice(at, Scratch.STATUS_BYTES) : null;
        long incoming = reported == null ? -1 : received(reported);
        String from = described ? " from rank " + Abi.statusSource(st, at) + " (tag " + Abi.statusTag(st, at) + ")" : "";
        String buffer = "the receive buffer of " + count + " x " + type + (room >= 0 ? " (" + room + " bytes)" : "");
        return incoming > 0
                ? "a message of " + incoming + " bytes" + from + " does not fit " + buffer
                : "the message" + from + " is larger than " + buffer + " (this MPI does not report its size)";
    }

    /** The checked-buffer body of {@code MPI_Sendrecv}: each side a segment or an array with its offset, count and type. */
    static void sendrecv(Comm c, Object send, long sendOffset, int sn, Datatype sendType, int dest, int sendTag,
                         Object recv, long recvOffset, int rn, Datatype recvType, int source, int recvTag,
                         Status status) {
        Args.dest(dest, c.peers, "dest");
        Args.tag(sendTag, "sendTag");
        Args.source(source, c.peers, "source");
        Args.recvTag(recvTag, "recvTag");
        if (Polling.needed()) {
            Polling.sendrecv(c, Msg.at(send, sendOffset), sn, sendType, dest, sendTag, Msg.at(recv, recvOffset), rn,
                    recvType, source, recvTag, status);
            return;
        }
        MemorySegment st = status == null ? Scratch.statuses(1) : status.segment();
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
        if (rc != 0) {
            throw Errors.exception(rc, "MPI_Sendrecv", truncation(rc, rn, recvType, st, 0, null));
        }
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

    /** The bytes a completed receive delivered, read from its status (what {@code MPI_Get_elements_x} of MPI_BYTE gives). */
    static long received(MemorySegment status) {
        return Abi.statusBytes(status, 0);
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
        Args.recvTag(tag, "tag");
        return c;
    }
}
