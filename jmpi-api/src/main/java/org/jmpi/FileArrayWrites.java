package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Blocking writes of whole Java arrays to an {@link MpiFile}, typed as in
 * {@link FileArrayReads} and copied to native staging memory before the call, never pinned. The returned {@link Status} counts the elements written.
 */
public sealed interface FileArrayWrites permits MpiFile {

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status writeAt(long offset, byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status writeAtAll(long offset, byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status write(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status writeAll(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status writeShared(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code byte[]} ({@code MPI_INT8_T}). */
    default Status writeOrdered(byte[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT8);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status writeAt(long offset, short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status writeAtAll(long offset, short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status write(short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status writeAll(short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status writeShared(short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code short[]} ({@code MPI_SHORT}). */
    default Status writeOrdered(short[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.SHORT);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status writeAt(long offset, char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status writeAtAll(long offset, char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status write(char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status writeAll(char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status writeShared(char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code char[]} ({@code MPI_UINT16_T}). */
    default Status writeOrdered(char[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.UINT16);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status writeAt(long offset, int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status writeAtAll(long offset, int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status write(int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status writeAll(int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status writeShared(int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code int[]} ({@code MPI_INT}). */
    default Status writeOrdered(int[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status writeAt(long offset, long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status writeAtAll(long offset, long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status write(long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status writeAll(long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status writeShared(long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code long[]} ({@code MPI_INT64_T}). */
    default Status writeOrdered(long[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.INT64);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status writeAt(long offset, float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status writeAtAll(long offset, float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status write(float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status writeAll(float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status writeShared(float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code float[]} ({@code MPI_FLOAT}). */
    default Status writeOrdered(float[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.FLOAT);
    }

    /** {@link FileAccess#writeAt(long, MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status writeAt(long offset, double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT, offset, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#writeAtAll(long, MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status writeAtAll(long offset, double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_AT_ALL, offset, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#write(MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status write(double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#writeAll(MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status writeAll(double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ALL, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#writeShared(MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status writeShared(double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_SHARED, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    /** {@link FileAccess#writeOrdered(MemorySegment, Datatype)} from a whole {@code double[]} ({@code MPI_DOUBLE}). */
    default Status writeOrdered(double[] buf) {
        return FileCalls.blocking(file(), FileOp.WRITE_ORDERED, 0, FileCalls.array(buf), -1, Datatype.DOUBLE);
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
