package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Blocking data access of an {@link MpiFile}: at explicit offsets ({@code *At}), at
 * this process's file pointer ({@code read}, {@code write}, {@code readAll},
 * {@code writeAll}) and at the shared file pointer ({@code *Shared}, {@code *Ordered}).
 * Offsets are in etypes of the view (bytes by default). The buffer is a message
 * ({@code Object buf}): a primitive array, all of it with its element type's datatype
 * ({@code file.readAt(0, ints)}), or a {@link Buf} with its own offset, count and
 * datatype; or a segment with a datatype (and a count). A native segment is passed as
 * is; an array or heap segment goes through this thread's native staging memory (copied
 * in before a write, out after a read), never pinned. Each call returns the
 * {@link Status}: {@link Status#count} tells how many elements were read (fewer than
 * asked at the end of the file) or written. The {@code *All} and {@code *Ordered} forms
 * are collective. Arguments are checked before the native call.
 *
 * <p>Open MPI 4.1's collective reads can report the count asked for rather than the count
 * read when they reach the end of the file (open-mpi/ompi issue 14015); the independent
 * reads report it exactly.
 */
public sealed interface FileAccess permits MpiFile {

    /** Reads at {@code offset} etypes into the view ({@code MPI_File_read_at}) into {@code buf}, an array or a {@link Buf}. */
    default Status readAt(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.READ_AT, offset, buf);
    }

    /** Writes {@code buf}, an array or a {@link Buf}, at {@code offset} etypes into the view ({@code MPI_File_write_at}). */
    default Status writeAt(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.WRITE_AT, offset, buf);
    }

    /** {@link #readAt(long, Object)}; collective ({@code MPI_File_read_at_all}). */
    default Status readAtAll(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.READ_AT_ALL, offset, buf);
    }

    /** {@link #writeAt(long, Object)}; collective ({@code MPI_File_write_at_all}). */
    default Status writeAtAll(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.WRITE_AT_ALL, offset, buf);
    }

    /** Reads at this process's file pointer into {@code buf} and advances it ({@code MPI_File_read}). */
    default Status read(Object buf) {
        return FileCalls.access(file(), FileOp.READ, 0, buf);
    }

    /** Writes {@code buf} at this process's file pointer and advances it ({@code MPI_File_write}). */
    default Status write(Object buf) {
        return FileCalls.access(file(), FileOp.WRITE, 0, buf);
    }

    /** {@link #read(Object)} at each process's file pointer; collective ({@code MPI_File_read_all}). */
    default Status readAll(Object buf) {
        return FileCalls.access(file(), FileOp.READ_ALL, 0, buf);
    }

    /** {@link #write(Object)} at each process's file pointer; collective ({@code MPI_File_write_all}). */
    default Status writeAll(Object buf) {
        return FileCalls.access(file(), FileOp.WRITE_ALL, 0, buf);
    }

    /** Reads at the shared file pointer into {@code buf} and advances it ({@code MPI_File_read_shared}). */
    default Status readShared(Object buf) {
        return FileCalls.access(file(), FileOp.READ_SHARED, 0, buf);
    }

    /** Writes {@code buf} at the shared file pointer and advances it ({@code MPI_File_write_shared}). */
    default Status writeShared(Object buf) {
        return FileCalls.access(file(), FileOp.WRITE_SHARED, 0, buf);
    }

    /** Reads at the shared file pointer in rank order; collective ({@code MPI_File_read_ordered}). */
    default Status readOrdered(Object buf) {
        return FileCalls.access(file(), FileOp.READ_ORDERED, 0, buf);
    }

    /** Writes at the shared file pointer in rank order; collective ({@code MPI_File_write_ordered}). */
    default Status writeOrdered(Object buf) {
        return FileCalls.access(file(), FileOp.WRITE_ORDERED, 0, buf);
    }

    /** {@link #readAt(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_AT, offset, buf, -1, type);
    }

    /** {@link #readAt(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #writeAt(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_AT, offset, buf, -1, type);
    }

    /** {@link #writeAt(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #readAtAll(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #readAtAll(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #writeAtAll(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #writeAtAll(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #read(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status read(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ, 0, buf, -1, type);
    }

    /** {@link #read(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status read(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #write(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status write(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE, 0, buf, -1, type);
    }

    /** {@link #write(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status write(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #readAll(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAll(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_ALL, 0, buf, -1, type);
    }

    /** {@link #readAll(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #writeAll(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAll(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_ALL, 0, buf, -1, type);
    }

    /** {@link #writeAll(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #readShared(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readShared(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_SHARED, 0, buf, -1, type);
    }

    /** {@link #readShared(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #writeShared(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeShared(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_SHARED, 0, buf, -1, type);
    }

    /** {@link #writeShared(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #readOrdered(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readOrdered(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_ORDERED, 0, buf, -1, type);
    }

    /** {@link #readOrdered(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readOrdered(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.READ_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #writeOrdered(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeOrdered(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_ORDERED, 0, buf, -1, type);
    }

    /** {@link #writeOrdered(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeOrdered(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.WRITE_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
