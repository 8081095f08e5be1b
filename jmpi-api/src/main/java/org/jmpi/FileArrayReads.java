package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Blocking reads of an {@link MpiFile} into whole Java arrays: each array type maps to
 * its MPI datatype (byte: INT8, short: SHORT, char: UINT16, int: INT, long: INT64,
 * float: FLOAT, double: DOUBLE). The array is never pinned: MPI reads into this thread's
 * native staging memory, and the elements read are copied into the array after the call
 * (see {@link Comm}), so the JVM can collect garbage while a collective read waits for
 * the other processes. The returned
 * {@link Status} counts the elements read. For part of an array, pass
 * {@code MemorySegment.ofArray(a).asSlice(...)} to {@link FileAccess}.
 */
public sealed interface FileArrayReads permits MpiFile {

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status readAt(long offset, byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status readAtAll(long offset, byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status read(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status readAll(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status readShared(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status readOrdered(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status readAt(long offset, short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status readAtAll(long offset, short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status read(short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status readAll(short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status readShared(short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status readOrdered(short[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status readAt(long offset, char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status readAtAll(long offset, char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status read(char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status readAll(char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status readShared(char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status readOrdered(char[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status readAt(long offset, int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status readAtAll(long offset, int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status read(int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status readAll(int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status readShared(int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code int[]} ({@code MPI_INT}). */
    default Status readOrdered(int[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status readAt(long offset, long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status readAtAll(long offset, long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status read(long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status readAll(long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status readShared(long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status readOrdered(long[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status readAt(long offset, float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status readAtAll(long offset, float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status read(float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status readAll(float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status readShared(float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status readOrdered(float[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#readAt(long, MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status readAt(long offset, double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT, offset, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#readAtAll(long, MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status readAtAll(long offset, double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#read(MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status read(double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#readAll(MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status readAll(double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ALL, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#readShared(MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status readShared(double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_SHARED, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#readOrdered(MemorySegment, Datatype)} into a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status readOrdered(double[] buf) {
        return FileCalls.blocking(file(), FileOp.READ_ORDERED, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
