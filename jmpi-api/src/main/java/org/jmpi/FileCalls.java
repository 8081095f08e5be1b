package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;
import org.jmpi.internal.Staging;

/** The shared bodies of MPI-IO data access: checks, then one native call. */
final class FileCalls {
    private FileCalls() {
    }

    /**
     * A blocking access; {@code count < 0} means as many elements as the segment holds. A
     * heap segment goes through this thread's native staging memory ({@link Staging}):
     * copied in before a write, out after a read (the elements read), never pinned, since
     * a collective or shared-pointer access may wait for the other processes of the file.
     */
    static Status blocking(MpiFile f, FileOp op, long offset, MemorySegment buf, int count, Datatype type) {
        MemorySegment b = checked(f, op, offset, buf);
        int n = P2p.count(b, count, type);
        if (op.read && MpiQuirks.READS_PAST_EOF_COUNTED && op.pointer != FileOp.Pointer.SHARED) {
            n = ReadClip.clip(f, op.pointer == FileOp.Pointer.EXPLICIT ? offset : f.position(), n, type);
        }
        MemorySegment t = type.handle();
        Status status = new Status();
        long span = Buffers.span(n, type);
        boolean whole = !op.read || P2p.copyIn(span, type);
        MemorySegment staged = Staging.in(b, span, 0, whole);
        int rc;
        try {
            rc = (int) op.downcall.invokeExact(f.handle, offset, staged, n, t, status.segment());
            if (rc == 0 && op.read && staged != b) {
                Staging.out(staged, b, whole ? span : P2p.received(status.segment()));
            }
        } catch (Throwable e) {
            throw rethrow(e);
        } finally {
            Staging.release(staged, b, 0);
        }
        f.check(rc, op.call);
        return status;
    }

    /**
     * Starts a nonblocking access on a native segment; the request keeps the segment
     * reachable and the file refuses close and setView until it completes. A read is
     * clipped to the end of the file first (see {@link ReadClip}).
     */
    static Request start(MpiFile f, FileOp op, long offset, MemorySegment buf, int count, Datatype type) {
        MemorySegment b = P2p.nativeOnly(checked(f, op, offset, buf), "buf");
        int n = P2p.count(b, count, type);
        if (op.read) {
            long start = switch (op.pointer) {
                case EXPLICIT -> offset;
                case INDIVIDUAL -> f.position();
                case SHARED -> f.positionShared();
            };
            n = ReadClip.clip(f, start, n, type);
        }
        MemorySegment t = type.handle();
        Request r = new Request();
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

    private static MemorySegment checked(MpiFile f, FileOp op, long offset, MemorySegment buf) {
        f.checkAccess(op);
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, got " + offset);
        }
        return op.read ? Args.writable(buf, "buf") : Args.segment(buf, "buf");
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

    /** A heap segment over a whole array, staged by the blocking calls. */
    static MemorySegment array(byte[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(short[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(char[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(int[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(long[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(float[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }

    static MemorySegment array(double[] a) {
        return MemorySegment.ofArray(Objects.requireNonNull(a, "buf"));
    }
}
