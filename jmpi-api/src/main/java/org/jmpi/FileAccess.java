package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Blocking data access of an {@link MpiFile}: at explicit offsets ({@code *At}), at
 * this process's file pointer ({@code read}, {@code write}, {@code readAll},
 * {@code writeAll}) and at the shared file pointer ({@code *Shared}, {@code *Ordered}).
 * Offsets are in etypes of the view (bytes by default). A native segment is passed as
 * is; a heap segment ({@code MemorySegment.ofArray}) goes through this thread's native
 * staging memory (copied in before a write, out after a read), never pinned. Each call returns the {@link Status}: {@link Status#count} tells how many
 * elements were read (fewer than asked at the end of the file) or written. The
 * {@code *All} and {@code *Ordered} forms are collective. Arguments are checked before
 * the native call.
 *
 * <p>Open MPI 4.1's collective reads can report the count asked for rather than the count
 * read when they reach the end of the file (open-mpi/ompi issue 14015); the independent
 * reads report it exactly.
 */
public sealed interface FileAccess permits MpiFile {

    /** Reads at {@code offset} etypes into the view ({@code MPI_File_read_at}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, buf, -1, type);
    }

    /** Reads at {@code offset} etypes into the view ({@code MPI_File_read_at}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** Writes at {@code offset} etypes into the view ({@code MPI_File_write_at}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, buf, -1, type);
    }

    /** Writes at {@code offset} etypes into the view ({@code MPI_File_write_at}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** Reads at {@code offset}; collective ({@code MPI_File_read_at_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, buf, -1, type);
    }

    /** Reads at {@code offset}; collective ({@code MPI_File_read_at_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** Writes at {@code offset}; collective ({@code MPI_File_write_at_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, buf, -1, type);
    }

    /** Writes at {@code offset}; collective ({@code MPI_File_write_at_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** Reads at this process's file pointer and advances it ({@code MPI_File_read}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status read(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ, 0, buf, -1, type);
    }

    /** Reads at this process's file pointer and advances it ({@code MPI_File_read}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status read(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ, 0, buf, Args.count(count, "count"), type);
    }

    /** Writes at this process's file pointer and advances it ({@code MPI_File_write}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status write(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, buf, -1, type);
    }

    /** Writes at this process's file pointer and advances it ({@code MPI_File_write}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status write(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, buf, Args.count(count, "count"), type);
    }

    /** Reads at each process's file pointer; collective ({@code MPI_File_read_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readAll(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, buf, -1, type);
    }

    /** Reads at each process's file pointer; collective ({@code MPI_File_read_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** Writes at each process's file pointer; collective ({@code MPI_File_write_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeAll(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, buf, -1, type);
    }

    /** Writes at each process's file pointer; collective ({@code MPI_File_write_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** Reads at the shared file pointer and advances it ({@code MPI_File_read_shared}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readShared(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, buf, -1, type);
    }

    /** Reads at the shared file pointer and advances it ({@code MPI_File_read_shared}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** Writes at the shared file pointer and advances it ({@code MPI_File_write_shared}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeShared(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, buf, -1, type);
    }

    /** Writes at the shared file pointer and advances it ({@code MPI_File_write_shared}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** Reads at the shared file pointer in rank order; collective ({@code MPI_File_read_ordered}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status readOrdered(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, buf, -1, type);
    }

    /** Reads at the shared file pointer in rank order; collective ({@code MPI_File_read_ordered}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status readOrdered(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    /** Writes at the shared file pointer in rank order; collective ({@code MPI_File_write_ordered}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Status writeOrdered(MemorySegment buf, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, buf, -1, type);
    }

    /** Writes at the shared file pointer in rank order; collective ({@code MPI_File_write_ordered}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Status writeOrdered(MemorySegment buf, int count, Datatype type) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
