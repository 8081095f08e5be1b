package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Staging;

/**
 * A split collective data access in progress on an {@link MpiFile} (MPI 3.1 13.4.5), and
 * the bodies of {@link SplitCollectives}: the begin call checks its arguments, reserves
 * the file's one split collective, hands MPI the buffer and records it here; the end call
 * checks that it ends this very access with the same buffer on the same thread, completes
 * it and releases what the begin took.
 *
 * <p>A native segment is given to MPI as is. Heap memory (an array or a heap segment) may
 * move, so MPI gets a native copy instead ({@code malloc}'d, never freed by the garbage
 * collector under the pending access): a write's data copied in at the begin, a read's
 * copied back into the array at the end. A read is clipped to the whole elements before
 * the end of the file when it begins, as {@link ReadClip} does for nonblocking reads: Open
 * MPI 4.1 reads in the background and never finishes a read past the end; MPICH's ROMIO
 * reads in the begin call and would count elements past the end of a strided view.
 */
final class FileSplit {
    /** The six split collectives, each a begin and an end routine. */
    enum Kind {
        READ_ALL(true, FileOp.Pointer.INDIVIDUAL, "readAll"),
        WRITE_ALL(false, FileOp.Pointer.INDIVIDUAL, "writeAll"),
        READ_AT_ALL(true, FileOp.Pointer.EXPLICIT, "readAtAll"),
        WRITE_AT_ALL(false, FileOp.Pointer.EXPLICIT, "writeAtAll"),
        READ_ORDERED(true, FileOp.Pointer.SHARED, "readOrdered"),
        WRITE_ORDERED(false, FileOp.Pointer.SHARED, "writeOrdered");

        final boolean read;
        final FileOp.Pointer pointer;
        /** The Java names of the two calls, for messages. */
        final String begin;
        final String end;
        /** The C names of the two calls. */
        final String beginCall;
        final String endCall;

        Kind(boolean read, FileOp.Pointer pointer, String java) {
            this.read = read;
            this.pointer = pointer;
            this.begin = java + "Begin";
            this.end = java + "End";
            String c = "MPI_File_" + name().toLowerCase(Locale.ROOT);
            this.beginCall = c + "_begin";
            this.endCall = c + "_end";
        }
    }

    final Kind op;
    /** The buffer argument the begin call got, which the end call must get again. */
    private final Object given;
    private final Thread thread = Thread.currentThread();
    /** The memory MPI got: the user's native segment, or {@link #copy}; null until MPI has it. */
    private MemorySegment memory;
    /** The native copy of heap memory ({@link Staging#allocate}), or null. */
    private MemorySegment copy;
    /** Where a read's copy goes back: the array or heap segment, and the byte offset into it. */
    private Object base;
    private long at;

    private FileSplit(Kind op, Object given) {
        this.op = op;
        this.given = given;
    }

    /** Begins {@code op} on a message argument (an array or a {@link Buf}) at {@code offset} (explicit only). */
    static void begin(MpiFile f, Kind op, long offset, Object buf) {
        checkFile(f, op, offset);
        Object b = op.read ? Msg.target(buf, "buf") : Msg.base(buf, "buf");
        begin(f, op, offset, buf, b, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"));
    }

    /** Begins {@code op} on a segment: {@code count} elements of {@code type}, all it holds when negative. */
    static void begin(MpiFile f, Kind op, long offset, MemorySegment buf, int count, Datatype type) {
        checkFile(f, op, offset);
        MemorySegment b = op.read ? Args.writable(buf, "buf") : Args.segment(buf, "buf");
        begin(f, op, offset, buf, b, 0, P2p.count(b, count, type), type);
    }

    private static void checkFile(MpiFile f, Kind op, long offset) {
        f.checkAccess(op.read, op.pointer, op.begin);
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must not be negative, got " + offset);
        }
    }

    private static void begin(MpiFile f, Kind op, long offset, Object given, Object base, long at, int n,
                              Datatype type) {
        FileSplit s = new FileSplit(op, given);
        if (!f.split.compareAndSet(null, s)) {
            throw f.splitActive(f.split.get(), op.begin + "()");
        }
        try {
            if (op.read) {
                n = clip(f, op, offset, n, type);
            }
            long span = Buffers.span(n, type);
            if (NativeCopy.isNative(base)) {
                s.memory = Msg.at(base, at);
            } else {
                s.copy = NativeCopy.of(base, at, span, true, null);
                s.base = base;
                s.at = at;
                s.memory = s.copy;
            }
            MemorySegment fh = f.handle;
            MemorySegment m = s.memory;
            MemorySegment t = type.handle();
            int rc = switch (op) {
                case READ_ALL -> MpiCalls.MPI_File_read_all_begin(fh, m, n, t);
                case WRITE_ALL -> MpiCalls.MPI_File_write_all_begin(fh, m, n, t);
                case READ_AT_ALL -> MpiCalls.MPI_File_read_at_all_begin(fh, offset, m, n, t);
                case WRITE_AT_ALL -> MpiCalls.MPI_File_write_at_all_begin(fh, offset, m, n, t);
                case READ_ORDERED -> MpiCalls.MPI_File_read_ordered_begin(fh, m, n, t);
                case WRITE_ORDERED -> MpiCalls.MPI_File_write_ordered_begin(fh, m, n, t);
            };
            f.check(rc, op.beginCall);
        } catch (RuntimeException | Error e) {
            s.release();
            f.split.set(null);
            throw e;
        }
    }

    /**
     * The elements of a read of {@code n} that lie before the end of the file. An ordered
     * read starts where the lower ranks' reads end: on Open MPI, where the clip is needed
     * for every read, each rank finds its start with an exclusive scan over the file's
     * processes (the shared pointer moves only once every process has begun). On MPICH an
     * ordered read is left as the blocking {@code readOrdered} leaves it.
     */
    private static int clip(MpiFile f, Kind op, long offset, int n, Datatype type) {
        return switch (op.pointer) {
            case EXPLICIT -> ReadClip.clip(f, offset, n, type);
            case INDIVIDUAL -> ReadClip.clip(f, f.position(), n, type);
            case SHARED -> {
                Comm ranks = f.ranks();
                if (ranks == null) {
                    yield n;
                }
                long start = f.positionShared();
                long[] below = {0};
                ranks.exscan(new long[] {(long) n * type.size() / f.etypeBytes()}, below, Op.SUM);
                yield ReadClip.clip(f, start + (ranks.rank() == 0 ? 0 : below[0]), n, type);
            }
        };
    }

    /** Ends {@code op} on {@code buf}, which must be what its begin call got; the status of the access. */
    static Status end(MpiFile f, Kind op, Object buf) {
        f.check();
        Objects.requireNonNull(buf, "buf");
        FileSplit s = f.split.get();
        if (s == null || s.memory == null) {
            throw new IllegalStateException("file " + f.path() + ": " + op.end + "() without " + op.begin
                    + "(): no split collective is active on this file");
        }
        if (s.op != op) {
            throw new IllegalStateException("file " + f.path() + ": the active split collective is " + s.op.begin
                    + "(); end it with " + s.op.end + "(), not " + op.end + "()");
        }
        if (s.thread != Thread.currentThread()) {
            throw new IllegalStateException("file " + f.path() + ": " + op.begin + "() ran on thread '"
                    + s.thread.getName() + "'; MPI needs its end on the same thread, not on '"
                    + Thread.currentThread().getName() + "'");
        }
        if (!Objects.equals(s.given, buf)) {
            throw new IllegalArgumentException("buf: not the buffer given to " + op.begin + "(); " + op.end
                    + "() takes the same array, Buf or segment");
        }
        if (s.copy == null && !s.memory.scope().isAlive()) {
            throw new IllegalStateException("buf: the arena of the buffer given to " + op.begin + "() was closed"
                    + " while the access was in flight");
        }
        Status status = new Status();
        MemorySegment fh = f.handle;
        MemorySegment st = status.segment();
        int rc;
        try {
            rc = switch (op) {
                case READ_ALL -> MpiCalls.MPI_File_read_all_end(fh, s.memory, st);
                case WRITE_ALL -> MpiCalls.MPI_File_write_all_end(fh, s.memory, st);
                case READ_AT_ALL -> MpiCalls.MPI_File_read_at_all_end(fh, s.memory, st);
                case WRITE_AT_ALL -> MpiCalls.MPI_File_write_at_all_end(fh, s.memory, st);
                case READ_ORDERED -> MpiCalls.MPI_File_read_ordered_end(fh, s.memory, st);
                case WRITE_ORDERED -> MpiCalls.MPI_File_write_ordered_end(fh, s.memory, st);
            };
            if (rc == 0 && op.read && s.copy != null) {
                Staging.copy(s.copy, Msg.at(s.base, s.at), s.copy.byteSize());
            }
        } finally {
            s.release();
            f.split.set(null);
        }
        f.check(rc, op.endCall);
        return status;
    }

    /** Frees the native copy, once. */
    private void release() {
        if (copy != null) {
            Staging.free(copy);
            copy = null;
        }
    }
}
