package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.HeapCalls;
import org.jmpi.internal.Runtime;

/** The shared bodies of the point-to-point calls: checks, then one native call. */
final class P2p {
    static final int SEND = 0;
    static final int SSEND = 1;
    static final int RSEND = 2;
    static final int BSEND = 3;
    private static final String[] SEND_NAMES = {"MPI_Send", "MPI_Ssend", "MPI_Rsend", "MPI_Bsend"};

    private P2p() {
    }

    /** A blocking send in {@code mode}; {@code count < 0} means the whole segment. */
    static void send(Comm c, int mode, MemorySegment buf, int count, Datatype type, int dest, int tag) {
        c.check();
        long elements = elements(Args.segment(buf, "buf"), count, type);
        Args.dest(dest, c.peers, "dest");
        Args.tag(tag, Runtime.tagUpperBound(), "tag");
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                send(c, mode, buf, 1, big, dest, tag);
            }
            return;
        }
        int n = (int) elements;
        if (Polling.needed()) {
            Polling.send(c, mode, buf, n, type, dest, tag);
            return;
        }
        MemorySegment t = type.handle();
        MemorySegment h = c.handle;
        int rc;
        if (buf.isNative()) {
            rc = switch (mode) {
                case SEND -> MpiCalls.MPI_Send(buf, n, t, dest, tag, h);
                case SSEND -> MpiCalls.MPI_Ssend(buf, n, t, dest, tag, h);
                case RSEND -> MpiCalls.MPI_Rsend(buf, n, t, dest, tag, h);
                default -> MpiCalls.MPI_Bsend(buf, n, t, dest, tag, h);
            };
        } else {
            try {
                rc = switch (mode) {
                    case SEND -> (int) HeapCalls.SEND.invokeExact(buf, n, t, dest, tag, h);
                    case SSEND -> (int) HeapCalls.SSEND.invokeExact(buf, n, t, dest, tag, h);
                    case RSEND -> (int) HeapCalls.RSEND.invokeExact(buf, n, t, dest, tag, h);
                    default -> (int) HeapCalls.BSEND.invokeExact(buf, n, t, dest, tag, h);
                };
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, SEND_NAMES[mode]);
    }

    /** A blocking receive; {@code count < 0} means as many elements as the segment holds. */
    static void recv(Comm c, MemorySegment buf, int count, Datatype type, int source, int tag, Status status) {
        c.check();
        long elements = elements(Args.writable(buf, "buf"), count, type);
        Args.source(source, c.peers, "source");
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
        if (elements > LargeCounts.limit()) {
            try (Datatype big = LargeCounts.type(elements, type)) {
                recv(c, buf, 1, big, source, tag, status);
            }
            return;
        }
        int n = (int) elements;
        if (Polling.needed()) {
            Polling.recv(c, buf, n, type, source, tag, status);
            return;
        }
        MemorySegment t = type.handle();
        MemorySegment st = status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment();
        int rc;
        if (buf.isNative()) {
            rc = MpiCalls.MPI_Recv(buf, n, t, source, tag, c.handle, st);
        } else {
            try {
                rc = (int) HeapCalls.RECV.invokeExact(buf, n, t, source, tag, c.handle, st);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Recv");
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
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
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
