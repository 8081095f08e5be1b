package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * Argument checks that run before any native call, so bad input is a Java exception
 * naming the argument instead of an MPI error or a crash. Not public API.
 */
public final class Args {
    /** {@code MPI_ANY_SOURCE} of the MPI of this process (-1 on Open MPI, -2 on MPICH). */
    public static final int ANY_SOURCE = MpiCalls.MPI_ANY_SOURCE();
    /** {@code MPI_PROC_NULL} of the MPI of this process (-2 on Open MPI, -1 on MPICH). */
    public static final int PROC_NULL = MpiCalls.MPI_PROC_NULL();
    /** {@code MPI_ROOT} of the MPI of this process (-4 on Open MPI, -3 on MPICH). */
    public static final int ROOT = MpiCalls.MPI_ROOT();
    /** {@code MPI_ANY_TAG} of the MPI of this process. */
    public static final int ANY_TAG = MpiCalls.MPI_ANY_TAG();
    /** The sentinel the public API exposes as {@code Comm.IN_PLACE}. */
    public static final MemorySegment IN_PLACE = MemorySegment.ofAddress(1);

    private Args() {
    }

    /** A usable segment: not null, not {@code IN_PLACE}, its arena open. */
    public static MemorySegment segment(MemorySegment seg, String arg) {
        Objects.requireNonNull(seg, arg);
        if (seg == IN_PLACE) {
            throw new IllegalArgumentException(arg + ": IN_PLACE is only accepted as the send buffer of a collective");
        }
        if (!seg.scope().isAlive()) {
            throw new IllegalStateException(arg + ": the segment's arena has been closed");
        }
        if (!seg.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException(arg + ": the segment belongs to a confined arena of another thread");
        }
        return seg;
    }

    /** A segment that data will be written into: usable and not read-only. */
    public static MemorySegment writable(MemorySegment seg, String arg) {
        segment(seg, arg);
        if (seg.isReadOnly()) {
            throw new IllegalArgumentException(arg + " is a read-only segment and cannot receive data");
        }
        return seg;
    }

    /** Elements of {@code extent} bytes that fill the segment exactly, as an MPI count. */
    public static int countOf(MemorySegment seg, long extent, String arg, Object type) {
        return count(elements(seg, extent, arg, type), arg);
    }

    /** Elements of {@code extent} bytes that fill the segment exactly, as a long. */
    public static long elements(MemorySegment seg, long extent, String arg, Object type) {
        long bytes = seg.byteSize();
        if (extent <= 0) {
            throw new IllegalArgumentException("datatype " + type + " has extent " + extent
                    + "; pass an explicit count");
        }
        if (bytes % extent != 0) {
            throw new IllegalArgumentException(arg + ": " + bytes + " bytes is not a whole number of "
                    + type + " elements (extent " + extent + ")");
        }
        return bytes / extent;
    }

    /** A count that fits MPI's {@code int}. */
    public static int count(long count, String arg) {
        if (count < 0) {
            throw new IllegalArgumentException(arg + ": count must not be negative, got " + count);
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(arg + ": count " + count + " exceeds MPI's int range");
        }
        return (int) count;
    }

    /** Checks that {@code count} elements of {@code extent} bytes fit in the segment. */
    public static void fits(MemorySegment seg, long count, long extent, String arg, Object type) {
        count(count, "count");
        long need = bytes(count, extent, arg, type);
        if (need > seg.byteSize()) {
            throw new IllegalArgumentException(arg + ": " + count + " x " + type + " needs " + need
                    + " bytes but the segment has " + seg.byteSize());
        }
    }

    /** {@code count x extent} bytes; a product beyond 64 bits is refused naming {@code arg}. */
    public static long bytes(long count, long extent, String arg, Object type) {
        try {
            return Math.multiplyExact(count, extent);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(arg + ": " + count + " x " + type + " (extent " + extent
                    + ") overflows a 64-bit byte count");
        }
    }

    /** {@code a + b}; a sum beyond 64 bits is refused naming {@code arg}. */
    public static long sum(long a, long b, String arg) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(arg + ": byte offset " + a + " + " + b + " overflows 64 bits");
        }
    }

    /** Checks {@code offset}/{@code count} against an array of {@code length} elements. */
    public static void range(int length, int offset, int count, String arg) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new IndexOutOfBoundsException(arg + ": offset " + offset + " and count " + count
                    + " do not fit an array of length " + length);
        }
    }

    /** A destination rank: {@code 0..size-1} or {@code PROC_NULL}. */
    public static int dest(int rank, int size, String arg) {
        if ((rank < 0 || rank >= size) && rank != PROC_NULL) {
            throw new IllegalArgumentException(arg + ": rank " + rank + " is not in [0, " + size + ")");
        }
        return rank;
    }

    /** A source rank: {@code 0..size-1}, {@code ANY_SOURCE} or {@code PROC_NULL}. */
    public static int source(int rank, int size, String arg) {
        return rank == ANY_SOURCE ? rank : dest(rank, size, arg);
    }

    /** A root rank: {@code 0..size-1}. */
    public static int root(int rank, int size) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("root: rank " + rank + " is not in [0, " + size + ")");
        }
        return rank;
    }

    /**
     * A send tag: {@code 0..MPI_TAG_UB}. Tags up to 32767, the least upper bound MPI
     * allows, pass without asking MPI for its own.
     */
    public static int tag(int tag, String arg) {
        if ((tag & ~MpiState.LEAST_TAG_UPPER_BOUND) == 0) {
            return tag;
        }
        int upper = MpiState.tagUpperBound();
        if (tag < 0 || tag > upper) {
            throw new IllegalArgumentException(arg + ": tag " + tag + " is not in [0, " + upper + "]");
        }
        return tag;
    }

    /** A receive tag: a send tag or {@code ANY_TAG}. */
    public static int recvTag(int tag, String arg) {
        return tag == ANY_TAG ? tag : tag(tag, arg);
    }

    /** A value that must not be negative (a block length, a number of elements). */
    public static int nonNegative(int value, String arg) {
        if (value < 0) {
            throw new IllegalArgumentException(arg + " must not be negative, got " + value);
        }
        return value;
    }

    /** An array, not null, whose every element is not negative. */
    public static int[] nonNegative(int[] values, String arg) {
        Objects.requireNonNull(values, arg);
        for (int i = 0; i < values.length; i++) {
            nonNegative(values[i], arg + "[" + i + "]");
        }
        return values;
    }

    /** Checks that array {@code arg} has the length of array {@code other}. */
    public static void sameLength(int length, String arg, int otherLength, String other) {
        if (length != otherLength) {
            throw new IllegalArgumentException(arg + ": length " + length + " differs from the length "
                    + otherLength + " of " + other);
        }
    }
}
