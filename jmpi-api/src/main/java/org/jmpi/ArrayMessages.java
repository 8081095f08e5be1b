package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;

/**
 * Java primitive arrays in the blocking calls of a {@link Comm}: each array type maps to
 * its MPI datatype (byte: INT8, short: INT16, char: UINT16, int: INT32, long: INT64,
 * float: FLOAT, double: DOUBLE). The array is never pinned: its data moves through this
 * thread's native staging memory (copied in before a send, out after a receive: the
 * elements received), so the JVM can collect garbage while the call waits; see
 * {@link Comm}. Allocates nothing once the thread has warmed up (up to 4 MiB per array).
 */
public sealed interface ArrayMessages permits Comm {

    /** Sends a whole {@code byte[]} ({@code MPI_Send}, {@code MPI_INT8}) through native staging memory. */
    default void send(byte[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.INT8, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(byte[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice(offset), count, Datatype.INT8, dest, tag);
    }

    /** Receives into a whole {@code byte[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(byte[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.INT8, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(byte[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(byte[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice(offset), count, Datatype.INT8, source, tag, status);
    }

    /** Broadcasts a whole {@code byte[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(byte[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.INT8, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(byte[] send, byte[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT8, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(byte[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.INT8, op);
    }

    /** Sends a whole {@code short[]} ({@code MPI_Send}, {@code MPI_SHORT}) through native staging memory. */
    default void send(short[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.SHORT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(short[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.SHORT, dest, tag);
    }

    /** Receives into a whole {@code short[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(short[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.SHORT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(short[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(short[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.SHORT, source, tag, status);
    }

    /** Broadcasts a whole {@code short[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(short[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.SHORT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(short[] send, short[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.SHORT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(short[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.SHORT, op);
    }

    /** Sends a whole {@code char[]} ({@code MPI_Send}, {@code MPI_UINT16}) through native staging memory. */
    default void send(char[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.UINT16, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(char[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.UINT16, dest, tag);
    }

    /** Receives into a whole {@code char[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(char[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.UINT16, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(char[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(char[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.UINT16, source, tag, status);
    }

    /** Broadcasts a whole {@code char[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(char[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.UINT16, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(char[] send, char[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.UINT16, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(char[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.UINT16, op);
    }

    /** Sends a whole {@code int[]} ({@code MPI_Send}, {@code MPI_INT}) through native staging memory. */
    default void send(int[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.INT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(int[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.INT, dest, tag);
    }

    /** Receives into a whole {@code int[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(int[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.INT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(int[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(int[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.INT, source, tag, status);
    }

    /** Broadcasts a whole {@code int[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(int[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.INT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(int[] send, int[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(int[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.INT, op);
    }

    /** Sends a whole {@code long[]} ({@code MPI_Send}, {@code MPI_INT64}) through native staging memory. */
    default void send(long[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.INT64, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(long[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.INT64, dest, tag);
    }

    /** Receives into a whole {@code long[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(long[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.INT64, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(long[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(long[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.INT64, source, tag, status);
    }

    /** Broadcasts a whole {@code long[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(long[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.INT64, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(long[] send, long[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT64, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(long[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.INT64, op);
    }

    /** Sends a whole {@code float[]} ({@code MPI_Send}, {@code MPI_FLOAT}) through native staging memory. */
    default void send(float[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.FLOAT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(float[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.FLOAT, dest, tag);
    }

    /** Receives into a whole {@code float[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(float[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.FLOAT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(float[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(float[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.FLOAT, source, tag, status);
    }

    /** Broadcasts a whole {@code float[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(float[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.FLOAT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(float[] send, float[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.FLOAT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(float[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.FLOAT, op);
    }

    /** Sends a whole {@code double[]} ({@code MPI_Send}, {@code MPI_DOUBLE}) through native staging memory. */
    default void send(double[] buf, int dest, int tag) {
        comm().send(heap(buf, "buf"), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    default void send(double[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().send(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.DOUBLE, dest, tag);
    }

    /** Receives into a whole {@code double[]} ({@code MPI_Recv}); see {@link PointToPoint#recv(MemorySegment, Datatype, int, int)}. */
    default Status recv(double[] buf, int source, int tag) {
        Status status = new Status();
        comm().recv(heap(buf, "buf"), buf.length, Datatype.DOUBLE, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    default Status recv(double[] buf, int offset, int count, int source, int tag) {
        Status status = new Status();
        recv(buf, offset, count, source, tag, status);
        return status;
    }

    /**
     * Receives at most {@code count} elements into {@code buf} from {@code offset} and
     * fills {@code status} when it is not null ({@code MPI_Recv}); no {@code Status} is created.
     */
    default void recv(double[] buf, int offset, int count, int source, int tag, Status status) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        comm().recv(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.DOUBLE, source, tag, status);
    }

    /** Broadcasts a whole {@code double[]} from {@code root} ({@code MPI_Bcast}). */
    default void bcast(double[] buf, int root) {
        comm().bcast(heap(buf, "buf"), Datatype.DOUBLE, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    default void allreduce(double[] send, double[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        comm().allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.DOUBLE, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(double[] buf, Op op) {
        comm().allreduce(heap(buf, "buf"), Datatype.DOUBLE, op);
    }

    private static MemorySegment heap(Object array, String arg) {
        Objects.requireNonNull(array, arg);
        return switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException(arg + ": not a primitive array");
        };
    }

    private Comm comm() {
        return (Comm) this;
    }
}
