package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;
import org.jmpi.internal.Staging;

/**
 * The shared bodies of MPI-IO data access: checks, then one native call. A buffer is a
 * base (a segment or a primitive array) with a byte offset, an element count and a
 * datatype; the segment forms and the message forms ({@code Object buf}: an array or a
 * {@link Buf}) both end in the same two bodies, one blocking and one nonblocking.
 */
final class FileCalls {
    private FileCalls() {
    }

    /**
     * An access of a segment ({@code count < 0}: as many elements as it holds): its
     * {@link Status}, or the {@link Request} of a nonblocking {@code op}.
     */
    static <T> T access(MpiFile f, FileOp op, long offset, MemorySegment buf, int count, Datatype type) {
        checkFile(f, op, offset);
        MemorySegment b = op.read ? Args.writable(buf, "buf") : Args.segment(buf, "buf");
        return access(f, op, offset, b, 0, P2p.count(b, count, type), type);
    }

    /** An access of a message argument (an array or a {@link Buf}): its status or request. */
    static <T> T access(MpiFile f, FileOp op, long offset, Object buf) {
        checkFile(f, op, offset);
        Object base = op.read ? Msg.target(buf, "buf") : Msg.base(buf, "buf");
        return access(f, op, offset, base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"));
    }

    /** The access of {@code n} elements of {@code type} at byte {@code at} of {@code base}, all checked. */
    @SuppressWarnings("unchecked")
    private static <T> T access(MpiFile f, FileOp op, long offset, Object base, long at, int n, Datatype type) {
        return (T) (op.nonblocking ? start(f, op, offset, base, at, n, type)
                : blocking(f, op, offset, base, at, n, type));
    }

    /**
     * The blocking body. Heap memory goes through this thread's native staging memory
     * ({@link Staging}): copied in before a write, out after a read (the elements read),
     * never pinned, since a collective or shared-pointer access may wait for the other
     * processes of the file.
     */
    private static Status blocking(MpiFile f, FileOp op, long offset, Object base, long at, int n, Datatype type) {
        if (op.read && MpiQuirks.READS_PAST_EOF_COUNTED && op.pointer != FileOp.Pointer.SHARED) {
            n = ReadClip.clip(f, op.pointer == FileOp.Pointer.EXPLICIT ? offset : f.position(), n, type);
        }
        MemorySegment t = type.handle();
        Status status = new Status();
        long span = Buffers.span(n, type);
        boolean whole = !op.read || P2p.copyIn(span, type);
        MemorySegment staged = Staging.in(base, at, span, 0, whole);
        int rc;
        try {
            rc = (int) op.downcall.invokeExact(f.handle, offset, staged, n, t, status.segment());
            if (rc == 0 && op.read) {
                Staging.out(staged, base, at, whole ? span : P2p.received(status.segment()));
            }
        } catch (Throwable e) {
            throw rethrow(e);
        } finally {
            Staging.release(staged, base, 0);
        }
        f.check(rc, op.call);
        return status;
    }

    /**
     * The nonblocking body. A native segment is given to MPI as is. Heap memory (an array
     * or a heap segment) is copied to native memory the request owns, which MPI uses
     * instead; a read's copy is copied back into the array when the request completes.
     * The request keeps its memory reachable and the file refuses close and setView until
     * it completes. A read is clipped to the end of the file first (see {@link ReadClip}).
     */
    private static Request start(MpiFile f, FileOp op, long offset, Object base, long at, int n, Datatype type) {
        if (op.read) {
            long start = switch (op.pointer) {
                case EXPLICIT -> offset;
                case INDIVIDUAL -> f.position();
                case SHARED -> f.positionShared();
            };
            n = ReadClip.clip(f, start, n, type);
        }
        MemorySegment t = type.handle();
        long span = Buffers.span(n, type);
        Request r = new Request();
        MemorySegment b;
        if (NativeCopy.isNative(base)) {
            b = Msg.at(base, at);
        } else {
            b = NativeCopy.of(base, at, span, true, Arena.ofAuto());
            if (op.read) {
                r.copyingBack(new MemorySegment[][] {NativeCopy.back(b, base, at, span)});
            }
        }
        int rc;
        try {
            rc = (int) op.downcall.invokeExact(f.handle, offset, b, n, t, r.slot);
        } catch (Throwable e) {
            throw rethrow(e);
        }
        f.check(rc, op.call);
        f.track(r.startedFileIo(b));
        return r;
    }

    private static void checkFile(MpiFile f, FileOp op, long offset) {
        f.checkAccess(op);
        if (op.collective) {
            f.requireNoSplit(op.call);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, got " + offset);
        }
    }

    /** Rethrows what a downcall handle threw, unchecked. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("unexpected checked exception from a downcall", t);
    }
}
