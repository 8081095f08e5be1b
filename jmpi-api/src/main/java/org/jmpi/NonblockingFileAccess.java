package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Nonblocking data access of an {@link MpiFile}: each call starts the operation and
 * returns its {@link Request}; {@link Request#waitFor(Status)} then fills the status,
 * whose {@link Status#count} tells how many elements were read or written. Buffers must
 * be native segments (a heap array could move before completion; such a segment is
 * refused with a message saying so) and must not be touched until the request
 * completes. The request keeps the segment reachable and refuses {@code close()} while
 * in flight; the file refuses {@link MpiFile#close()} and {@link MpiFile#setView} until
 * its requests have completed. The {@code *All} forms are collective (MPI 3.1).
 *
 * <p>A read covers only the whole elements that end before the end of the file when it
 * starts, and its status counts them, as a short blocking read would: Open MPI 4.1's
 * ompio never completes a nonblocking read that reaches past the end. For the shared
 * file pointer this uses the pointer's position when the call starts, so another
 * process moving it at the same moment can still push a read past the end.
 */
public sealed interface NonblockingFileAccess permits MpiFile {

    /** Starts a read at {@code offset} ({@code MPI_File_iread_at}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_AT, offset, buf, -1, type);
    }

    /** Starts a read at {@code offset} ({@code MPI_File_iread_at}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** Starts a write at {@code offset} ({@code MPI_File_iwrite_at}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAt(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_AT, offset, buf, -1, type);
    }

    /** Starts a write at {@code offset} ({@code MPI_File_iwrite_at}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAt(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_AT, offset, buf, Args.count(count, "count"), type);
    }

    /** Starts a collective read at {@code offset} ({@code MPI_File_iread_at_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_AT_ALL, offset, buf, -1, type);
    }

    /** Starts a collective read at {@code offset} ({@code MPI_File_iread_at_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** Starts a collective write at {@code offset} ({@code MPI_File_iwrite_at_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAtAll(long offset, MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_AT_ALL, offset, buf, -1, type);
    }

    /** Starts a collective write at {@code offset} ({@code MPI_File_iwrite_at_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAtAll(long offset, MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /** Starts a read at this process's file pointer, advancing it now ({@code MPI_File_iread}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iread(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD, 0, buf, -1, type);
    }

    /** Starts a read at this process's file pointer, advancing it now ({@code MPI_File_iread}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iread(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD, 0, buf, Args.count(count, "count"), type);
    }

    /** Starts a write at this process's file pointer, advancing it now ({@code MPI_File_iwrite}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwrite(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE, 0, buf, -1, type);
    }

    /** Starts a write at this process's file pointer, advancing it now ({@code MPI_File_iwrite}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwrite(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE, 0, buf, Args.count(count, "count"), type);
    }

    /** Starts a collective read at each process's file pointer ({@code MPI_File_iread_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadAll(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_ALL, 0, buf, -1, type);
    }

    /** Starts a collective read at each process's file pointer ({@code MPI_File_iread_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** Starts a collective write at each process's file pointer ({@code MPI_File_iwrite_all}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteAll(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_ALL, 0, buf, -1, type);
    }

    /** Starts a collective write at each process's file pointer ({@code MPI_File_iwrite_all}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteAll(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /** Starts a read at the shared file pointer ({@code MPI_File_iread_shared}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request ireadShared(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_SHARED, 0, buf, -1, type);
    }

    /** Starts a read at the shared file pointer ({@code MPI_File_iread_shared}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request ireadShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IREAD_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    /** Starts a write at the shared file pointer ({@code MPI_File_iwrite_shared}): the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default Request iwriteShared(MemorySegment buf, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_SHARED, 0, buf, -1, type);
    }

    /** Starts a write at the shared file pointer ({@code MPI_File_iwrite_shared}): the first {@code count} elements of {@code type} in {@code buf}. */
    default Request iwriteShared(MemorySegment buf, int count, Datatype type) {
        return FileCalls.start(file(), FileOp.IWRITE_SHARED, 0, buf, Args.count(count, "count"), type);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
