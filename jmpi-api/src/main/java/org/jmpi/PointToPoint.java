package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Slots;
import org.jmpi.internal.Staging;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Blocking point-to-point messages of a {@link Comm}: the four send modes, receive,
 * send-receive, probe and matched probe. A native segment is passed as is (zero copy);
 * a heap segment ({@code MemorySegment.ofArray}) is copied through per-thread native
 * staging memory (in before a send, out after a receive), never pinned: a blocking call
 * may wait as long as its peer makes it, and the JVM must still be able to collect
 * garbage meanwhile.
 * Counts come from the segment size and the datatype's extent unless given explicitly;
 * every argument is checked before the native call.
 */
public sealed interface PointToPoint permits Comm {

    /**
     * Sends a message ({@code MPI_Send}): a Java primitive array (all of it, with its
     * element type's datatype, see {@link Buf}) or a {@link Buf}, for example
     * {@code world.send(ints, 1, 0)} or {@code world.send(Buf.of(ints, 0, 4), 1, 0)}.
     */
    default void send(Object buf, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SEND, buf, dest, tag);
    }

    /** Synchronous send of a message, an array or a {@link Buf} ({@code MPI_Ssend}). */
    default void ssend(Object buf, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SSEND, buf, dest, tag);
    }

    /** Ready send of a message, an array or a {@link Buf} ({@code MPI_Rsend}). */
    default void rsend(Object buf, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.RSEND, buf, dest, tag);
    }

    /** Buffered send of a message, an array or a {@link Buf} ({@code MPI_Bsend}). */
    default void bsend(Object buf, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.BSEND, buf, dest, tag);
    }

    /**
     * Receives into a message buffer, an array (up to all of it) or a {@link Buf}
     * ({@code MPI_Recv}); a longer message is an {@link MpiException} (MPI_ERR_TRUNCATE).
     */
    default Status recv(Object buf, int source, int tag) {
        Status status = new Status();
        P2p.recv(comm(), buf, source, tag, status);
        return status;
    }

    /** {@link #recv(Object, int, int)} filling {@code status} when it is not null; allocates nothing. */
    default void recv(Object buf, int source, int tag, Status status) {
        P2p.recv(comm(), buf, source, tag, status);
    }

    /** Sends the whole segment as {@code byteSize / extent} elements of {@code type} ({@code MPI_Send}). */
    default void send(MemorySegment buf, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SEND, buf, -1, type, dest, tag);
    }

    /** Sends the first {@code count} elements of {@code type} in {@code buf} ({@code MPI_Send}). */
    default void send(MemorySegment buf, int count, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SEND, buf, Args.count(count, "count"), type, dest, tag);
    }

    /** Synchronous send: returns once the matching receive has started ({@code MPI_Ssend}). */
    default void ssend(MemorySegment buf, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SSEND, buf, -1, type, dest, tag);
    }

    /** Synchronous send of the first {@code count} elements ({@code MPI_Ssend}). */
    default void ssend(MemorySegment buf, int count, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.SSEND, buf, Args.count(count, "count"), type, dest, tag);
    }

    /** Ready send: the matching receive must already be posted ({@code MPI_Rsend}). */
    default void rsend(MemorySegment buf, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.RSEND, buf, -1, type, dest, tag);
    }

    /** Ready send of the first {@code count} elements ({@code MPI_Rsend}). */
    default void rsend(MemorySegment buf, int count, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.RSEND, buf, Args.count(count, "count"), type, dest, tag);
    }

    /**
     * Buffered send: copies the message into the buffer attached with
     * {@link Mpi#attachBuffer} and returns ({@code MPI_Bsend}). Without an attached buffer,
     * or with one too small, MPI reports {@code MPI_ERR_BUFFER}.
     */
    default void bsend(MemorySegment buf, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.BSEND, buf, -1, type, dest, tag);
    }

    /** Buffered send of the first {@code count} elements ({@code MPI_Bsend}). */
    default void bsend(MemorySegment buf, int count, Datatype type, int dest, int tag) {
        P2p.send(comm(), P2p.Mode.BSEND, buf, Args.count(count, "count"), type, dest, tag);
    }

    /**
     * Receives into the whole segment, as many {@code type} elements as fit
     * ({@code MPI_Recv}); {@link Comm#ANY_SOURCE} and {@link Comm#ANY_TAG} match anything.
     * A message longer than the buffer is an {@link MpiException} (MPI_ERR_TRUNCATE).
     */
    default Status recv(MemorySegment buf, Datatype type, int source, int tag) {
        Status status = new Status();
        P2p.recv(comm(), buf, -1, type, source, tag, status);
        return status;
    }

    /** Receives into the whole segment and fills {@code status} when not null; allocates nothing. */
    default void recv(MemorySegment buf, Datatype type, int source, int tag, Status status) {
        P2p.recv(comm(), buf, -1, type, source, tag, status);
    }

    /** Receives at most {@code count} elements and fills {@code status} when not null. */
    default void recv(MemorySegment buf, int count, Datatype type, int source, int tag, Status status) {
        P2p.recv(comm(), buf, Args.count(count, "count"), type, source, tag, status);
    }

    /**
     * Sends {@code sendBuf} to {@code dest} and receives into {@code recvBuf} from
     * {@code source} in one deadlock-free call ({@code MPI_Sendrecv}).
     */
    default Status sendrecv(MemorySegment sendBuf, Datatype sendType, int dest, int sendTag,
                            MemorySegment recvBuf, Datatype recvType, int source, int recvTag) {
        Status status = new Status();
        sendrecv(sendBuf, sendType, dest, sendTag, recvBuf, recvType, source, recvTag, status);
        return status;
    }

    /** {@code MPI_Sendrecv} filling {@code status} when it is not null; allocates nothing. */
    default void sendrecv(MemorySegment sendBuf, Datatype sendType, int dest, int sendTag,
                          MemorySegment recvBuf, Datatype recvType, int source, int recvTag, Status status) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(sendType, "sendType");
        Objects.requireNonNull(recvType, "recvType");
        int sn = Buffers.countOf(Args.segment(sendBuf, "sendBuf"), sendType, "sendBuf");
        int rn = Buffers.countOf(Args.writable(recvBuf, "recvBuf"), recvType, "recvBuf");
        P2p.sendrecv(c, sendBuf, 0, sn, sendType, dest, sendTag, recvBuf, 0, rn, recvType, source, recvTag, status);
    }

    /**
     * Sends one message and receives another in one deadlock-free call
     * ({@code MPI_Sendrecv}); each side is an array or a {@link Buf} with its own count
     * and datatype.
     */
    default Status sendrecv(Object sendBuf, int dest, int sendTag, Object recvBuf, int source, int recvTag) {
        Status status = new Status();
        sendrecv(sendBuf, dest, sendTag, recvBuf, source, recvTag, status);
        return status;
    }

    /** {@link #sendrecv(Object, int, int, Object, int, int)} filling {@code status} when it is not null. */
    default void sendrecv(Object sendBuf, int dest, int sendTag, Object recvBuf, int source, int recvTag,
                          Status status) {
        Object s = Msg.base(sendBuf, "sendBuf");
        Object r = Msg.target(recvBuf, "recvBuf");
        Comm c = comm();
        c.check();
        P2p.sendrecv(c, s, Msg.offset(sendBuf), Msg.count(sendBuf, "sendBuf"), Msg.type(sendBuf, "sendBuf"), dest,
                sendTag, r, Msg.offset(recvBuf), Msg.count(recvBuf, "recvBuf"), Msg.type(recvBuf, "recvBuf"), source,
                recvTag, status);
    }

    /**
     * Sends the whole segment to {@code dest} and replaces it with the message received
     * from {@code source} ({@code MPI_Sendrecv_replace}); both messages have the same size.
     */
    default Status sendrecvReplace(MemorySegment buf, Datatype type, int dest, int sendTag, int source, int recvTag) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        int n = Buffers.countOf(Args.writable(buf, "buf"), type, "buf");
        Args.dest(dest, c.peers, "dest");
        Args.tag(sendTag, "sendTag");
        Args.source(source, c.peers, "source");
        Args.recvTag(recvTag, "recvTag");
        Status status = new Status();
        if (Polling.needed()) {
            Polling.sendrecv(c, buf, n, type, dest, sendTag, buf, n, type, source, recvTag, status);
            return status;
        }
        long span = Buffers.span(n, type);
        MemorySegment b = Staging.in(buf, span, 0, true);
        int rc;
        try {
            rc = MpiCalls.MPI_Sendrecv_replace(b, n, type.handle(), dest, sendTag, source, recvTag, c.handle,
                    status.segment());
            if (rc == 0) {
                Staging.out(b, buf, span);
            }
        } finally {
            Staging.release(b, buf, 0);
        }
        Errors.check(rc, "MPI_Sendrecv_replace");
        return status;
    }

    /** Blocks until a matching message is available and describes it ({@code MPI_Probe}). */
    default Status probe(int source, int tag) {
        Comm c = P2p.checkedPeer(comm(), source, tag);
        Status status = new Status();
        if (Polling.needed()) {
            for (int polls = 0; !iprobe(source, tag, status); ) {
                Polling.pause(++polls);
            }
            return status;
        }
        Errors.check(MpiCalls.MPI_Probe(source, tag, c.handle, status.segment()), "MPI_Probe");
        return status;
    }

    /** Describes a matching message if one is available, else returns null ({@code MPI_Iprobe}). */
    default Status iprobe(int source, int tag) {
        Status status = new Status();
        return iprobe(source, tag, status) ? status : null;
    }

    /**
     * Whether a matching message is available ({@code MPI_Iprobe}); if so, fills
     * {@code status} when it is not null. Allocates nothing.
     */
    default boolean iprobe(int source, int tag, Status status) {
        Comm c = P2p.checkedPeer(comm(), source, tag);
        MemorySegment flag = Scratch.words();
        Errors.check(MpiCalls.MPI_Iprobe(source, tag, c.handle, flag,
                status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment()), "MPI_Iprobe");
        return flag.get(JAVA_INT, 0) != 0;
    }

    /**
     * Blocks until a matching message is available and removes it from matching
     * ({@code MPI_Mprobe}): no other receive can take it, so threads probing the same
     * source concurrently each get their own message. Receive it with
     * {@link Message#recv}.
     */
    default Message mprobe(int source, int tag) {
        Comm c = P2p.checkedPeer(comm(), source, tag);
        if (Polling.needed()) {
            Message m;
            for (int polls = 0; (m = improbe(source, tag)) == null; ) {
                Polling.pause(++polls);
            }
            return m;
        }
        Status status = new Status();
        MemorySegment slot = Slots.next(MemorySegment.NULL);
        Errors.check(MpiCalls.MPI_Mprobe(source, tag, c.handle, slot, status.segment()), "MPI_Mprobe");
        return new Message(slot, status);
    }

    /** Like {@link #mprobe} but returns null at once when no message matches ({@code MPI_Improbe}). */
    default Message improbe(int source, int tag) {
        Comm c = P2p.checkedPeer(comm(), source, tag);
        Status status = new Status();
        MemorySegment slot = Slots.next(MemorySegment.NULL);
        MemorySegment flag = Scratch.words();
        Errors.check(MpiCalls.MPI_Improbe(source, tag, c.handle, flag, slot, status.segment()), "MPI_Improbe");
        return flag.get(JAVA_INT, 0) != 0 ? new Message(slot, status) : null;
    }

    private Comm comm() {
        return (Comm) this;
    }
}
