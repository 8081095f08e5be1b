package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * The split collective data access of an {@link MpiFile} (MPI 3.1 13.4.5): each
 * collective access in two calls, {@code *Begin} and {@code *End}, so that a process can
 * compute between them. Every process of the file's group calls both. The buffer is a
 * message, as in {@link FileAccess}: an array or a {@link Buf}, or a segment with a
 * datatype (and a count); the end call takes the same buffer again (the same array, an
 * equal {@code Buf} or the same segment) and returns the {@link Status}, whose
 * {@link Status#count} tells how many elements were read or written.
 *
 * <pre>{@code
 * file.readAtAllBegin((long) world.rank() * n, block);    // int[] block
 * double partial = computeSomethingElse();
 * Status st = file.readAtAllEnd(block);                  // block holds the data now
 * }</pre>
 *
 * <p>MPI allows one split collective per file at a time, ended on the thread that began
 * it, and no other collective I/O on the file in between: each is refused with an
 * {@link IllegalStateException}, as are {@link MpiFile#close()} and
 * {@link MpiFile#setView setView} until the end call. An end call with another buffer is
 * an {@link IllegalArgumentException}, before MPI sees it.
 *
 * <p>Between begin and end MPI may read or write the buffer. A native segment is used in
 * place: do not touch it, and keep its arena open, until the end call (an end call that
 * finds the arena closed is refused, since MPI may still write there, and the access then
 * stays open, with the file). An array or heap segment is never given to MPI (it could
 * move): the begin call copies it to native memory that the access owns (so a write's
 * array may be reused at once), and the end call copies a read's data into it. A read
 * covers the whole elements before the end of the file when it begins, and its status
 * counts them, as a short blocking read would (Open MPI 4.1 performs split reads in the
 * background and never finishes one past the end of the file; for an ordered read each
 * rank finds its start with an exclusive scan over a communicator the file keeps for
 * this).
 */
public sealed interface SplitCollectives permits MpiFile {

    /**
     * Reads at each process's file pointer into {@code buf}, advancing it: the first half
     * of {@code MPI_File_read_all} ({@code MPI_File_read_all_begin}), for a message
     * {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #readAllEnd}.
     */
    default void readAllBegin(Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ALL, 0, buf);
    }

    /** {@link #readAllBegin(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void readAllBegin(MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ALL, 0, buf, -1, type);
    }

    /** {@link #readAllBegin(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void readAllBegin(MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #readAllBegin(Object)} began
     * ({@code MPI_File_read_all_end}); collective. {@code buf} is the buffer the begin
     * call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status readAllEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.READ_ALL, buf);
    }

    /**
     * Writes {@code buf} at each process's file pointer, advancing it: the first half of
     * {@code MPI_File_write_all} ({@code MPI_File_write_all_begin}), for a message
     * {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #writeAllEnd}.
     */
    default void writeAllBegin(Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ALL, 0, buf);
    }

    /** {@link #writeAllBegin(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void writeAllBegin(MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ALL, 0, buf, -1, type);
    }

    /** {@link #writeAllBegin(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void writeAllBegin(MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ALL, 0, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #writeAllBegin(Object)} began
     * ({@code MPI_File_write_all_end}); collective. {@code buf} is the buffer the begin
     * call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status writeAllEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.WRITE_ALL, buf);
    }

    /**
     * Reads at {@code offset} etypes into {@code buf}: the first half of
     * {@code MPI_File_read_at_all} ({@code MPI_File_read_at_all_begin}), for a message
     * {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #readAtAllEnd}.
     */
    default void readAtAllBegin(long offset, Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.READ_AT_ALL, offset, buf);
    }

    /** {@link #readAtAllBegin(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void readAtAllBegin(long offset, MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #readAtAllBegin(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void readAtAllBegin(long offset, MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #readAtAllBegin(long, Object)} began
     * ({@code MPI_File_read_at_all_end}); collective. {@code buf} is the buffer the begin
     * call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status readAtAllEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.READ_AT_ALL, buf);
    }

    /**
     * Writes {@code buf} at {@code offset} etypes: the first half of
     * {@code MPI_File_write_at_all} ({@code MPI_File_write_at_all_begin}), for a message
     * {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #writeAtAllEnd}.
     */
    default void writeAtAllBegin(long offset, Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_AT_ALL, offset, buf);
    }

    /** {@link #writeAtAllBegin(long, Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void writeAtAllBegin(long offset, MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_AT_ALL, offset, buf, -1, type);
    }

    /** {@link #writeAtAllBegin(long, Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void writeAtAllBegin(long offset, MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_AT_ALL, offset, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #writeAtAllBegin(long, Object)} began
     * ({@code MPI_File_write_at_all_end}); collective. {@code buf} is the buffer the
     * begin call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status writeAtAllEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.WRITE_AT_ALL, buf);
    }

    /**
     * Reads at the shared file pointer in rank order into {@code buf}: the first half of
     * {@code MPI_File_read_ordered} ({@code MPI_File_read_ordered_begin}), for a message
     * {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #readOrderedEnd}.
     */
    default void readOrderedBegin(Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ORDERED, 0, buf);
    }

    /** {@link #readOrderedBegin(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void readOrderedBegin(MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ORDERED, 0, buf, -1, type);
    }

    /** {@link #readOrderedBegin(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void readOrderedBegin(MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.READ_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #readOrderedBegin(Object)} began
     * ({@code MPI_File_read_ordered_end}); collective. {@code buf} is the buffer the
     * begin call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status readOrderedEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.READ_ORDERED, buf);
    }

    /**
     * Writes {@code buf} at the shared file pointer in rank order: the first half of
     * {@code MPI_File_write_ordered} ({@code MPI_File_write_ordered_begin}), for a
     * message {@code buf}, an array or a {@link Buf}; collective. End it with
     * {@link #writeOrderedEnd}.
     */
    default void writeOrderedBegin(Object buf) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ORDERED, 0, buf);
    }

    /** {@link #writeOrderedBegin(Object)} of the whole segment, as {@code byteSize / extent} elements of {@code type}. */
    default void writeOrderedBegin(MemorySegment buf, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ORDERED, 0, buf, -1, type);
    }

    /** {@link #writeOrderedBegin(Object)} of the first {@code count} elements of {@code type} in {@code buf}. */
    default void writeOrderedBegin(MemorySegment buf, int count, Datatype type) {
        FileSplit.begin(file(), FileSplit.Kind.WRITE_ORDERED, 0, buf, Args.count(count, "count"), type);
    }

    /**
     * Completes the access {@link #writeOrderedBegin(Object)} began
     * ({@code MPI_File_write_ordered_end}); collective. {@code buf} is the buffer the
     * begin call got: the same array, an equal {@code Buf} or the same segment.
     */
    default Status writeOrderedEnd(Object buf) {
        return FileSplit.end(file(), FileSplit.Kind.WRITE_ORDERED, buf);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
