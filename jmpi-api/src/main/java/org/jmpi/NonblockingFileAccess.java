package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Nonblocking data access of an {@link MpiFile}: each call starts the operation and
 * returns its {@link Request}; {@link Request#waitFor(Status)} then fills the status,
 * whose {@link Status#count} tells how many elements were read or written. Buffers are
 * as in {@link FileAccess}: an array or a {@link Buf}, or a segment with a datatype. A
 * native segment is used in place and must not be touched until the request completes.
 * An array or heap segment is never given to MPI (it could move): the call copies it to
 * native memory the request owns, so a write's array may be reused as soon as the call
 * returns, and a read's data are copied into the array when the request completes (not
 * if it is cancelled). The request keeps its memory reachable and refuses
 * {@code close()} while in flight; the file refuses {@link MpiFile#close()} and
 * {@link MpiFile#setView} until its requests have completed. The {@code *All} forms are
 * collective (MPI 3.1).
 *
 * <p>A read covers only the whole elements that end before the end of the file when it
 * starts, and its status counts them, as a short blocking read would: Open MPI 4.1's
 * ompio never completes a nonblocking read that reaches past the end. For the shared
 * file pointer this uses the pointer's position when the call starts, so another
 * process moving it at the same moment can still push a read past the end.
 */
public sealed interface NonblockingFileAccess permits MpiFile {

    /** Starts a read at {@code offset} into {@code buf}, an array or a {@link Buf} ({@code MPI_File_iread_at}). */
    default Request ireadAt(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.IREAD_AT, offset, buf);
    }

    /** Starts a write of {@code buf}, an array or a {@link Buf}, at {@code offset} ({@code MPI_File_iwrite_at}). */
    default Request iwriteAt(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.IWRITE_AT, offset, buf);
    }

    /** {@link #ireadAt(long, Object)}, collective ({@code MPI_File_iread_at_all}). */
    default Request ireadAtAll(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.IREAD_AT_ALL, offset, buf);
    }

    /** {@link #iwriteAt(long, Object)}, collective ({@code MPI_File_iwrite_at_all}). */
    default Request iwriteAtAll(long offset, Object buf) {
        return FileCalls.access(file(), FileOp.IWRITE_AT_ALL, offset, buf);
    }

    /** Starts a read into {@code buf} at this process's file pointer, advancing it now ({@code MPI_File_iread}). */
    default Request iread(Object buf) {
        return FileCalls.access(file(), FileOp.IREAD, 0, buf);
    }

    /** Starts a write of {@code buf} at this process's file pointer, advancing it now ({@code MPI_File_iwrite}). */
    default Request iwrite(Object buf) {
        return FileCalls.access(file(), FileOp.IWRITE, 0, buf);
    }

    /** {@link #iread(Object)} at each process's file pointer, collective ({@code MPI_File_iread_all}). */
    default Request ireadAll(Object buf) {
        return FileCalls.access(file(), FileOp.IREAD_ALL, 0, buf);
    }

    /** {@link #iwrite(Object)} at each process's file pointer, collective ({@code MPI_File_iwrite_all}). */
    default Request iwriteAll(Object buf) {
        return FileCalls.access(file(), FileOp.IWRITE_ALL, 0, buf);
    }

    /** Starts a read into {@code buf} at the shared file pointer ({@code MPI_File_iread_shared}). */
    default Request ireadShared(Object buf) {
        return FileCalls.access(file(), FileOp.IREAD_SHARED, 0, buf);
    }

    /** Starts a write of {@code buf} at the shared file pointer ({@code MPI_File_iwrite_shared}). */
    default Request iwriteShared(Object buf) {
        return FileCalls.access(file(), FileOp.IWRITE_SHARED, 0, buf);
    }

    /** {@link #ireadAt(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_AT, offset, buf, -1, type);
    }

    /** {@link #ireadAt(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #iwriteAt(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_AT, offset, buf, -1, type);
    }

    /** {@link #iwriteAt(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #ireadAtAll(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #ireadAtAll(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #iwriteAtAll(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #iwriteAtAll(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** {@link #iread(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iread(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD, 0, buf, -1, type);
    }

    /** {@link #iread(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iread(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #iwrite(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwrite(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE, 0, buf, -1, type);
    }

    /** {@link #iwrite(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwrite(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #ireadAll(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAll(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_ALL, 0, buf, -1, type);
    }

    /** {@link #ireadAll(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #iwriteAll(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAll(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_ALL, 0, buf, -1, type);
    }

    /** {@link #iwriteAll(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #ireadShared(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadShared(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_SHARED, 0, buf, -1, type);
    }

    /** {@link #ireadShared(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IREAD_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** {@link #iwriteShared(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteShared(MemorySegment buf, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_SHARED, 0, buf, -1, type);
    }

    /** {@link #iwriteShared(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.access(file(), FileOp.IWRITE_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
