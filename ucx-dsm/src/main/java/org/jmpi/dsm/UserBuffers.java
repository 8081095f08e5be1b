package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * The one parser of a user's buffer, as mpi4py has one: a {@link MemorySegment} (its
 * elements are bytes) or a Java primitive array, whose element layout comes from the
 * array's component type. A buffer is usable, and a range of elements lies inside it, or
 * the call is refused here with the argument's name, before anything is sent.
 * Allocation-free. Not public API.
 */
final class UserBuffers {
    private UserBuffers() {
    }

    /**
     * The element layout of {@code data} (unaligned, as array elements may sit anywhere in
     * a window), or null for a segment, checked usable by this thread and, for a
     * {@code destination}, writable.
     *
     * @throws NullPointerException     naming {@code arg} if {@code data} is null
     * @throws IllegalArgumentException if {@code data} is neither a segment nor a primitive array
     */
    static ValueLayout parse(Object data, boolean destination, String arg) {
        if (data instanceof MemorySegment seg) {
            usable(seg, arg);
            if (destination && seg.isReadOnly()) {
                throw new IllegalArgumentException(arg + ": segment is read-only");
            }
            return null;
        }
        Class<?> c = Objects.requireNonNull(data, arg).getClass();
        if (c == byte[].class) {
            return JAVA_BYTE;
        } else if (c == long[].class) {
            return JAVA_LONG_UNALIGNED;
        } else if (c == int[].class) {
            return JAVA_INT_UNALIGNED;
        } else if (c == double[].class) {
            return JAVA_DOUBLE_UNALIGNED;
        } else if (c == float[].class) {
            return JAVA_FLOAT_UNALIGNED;
        } else if (c == short[].class) {
            return JAVA_SHORT_UNALIGNED;
        } else if (c == char[].class) {
            return JAVA_CHAR_UNALIGNED;
        }
        throw new IllegalArgumentException(arg + ": a " + c.getTypeName()
                + " is neither a MemorySegment nor an array of byte, short, char, int, long, float or double");
    }

    /** The bytes of one element: the array's element size, or 1 for a segment ({@code element} null). */
    static long unit(ValueLayout element) {
        return element == null ? 1 : element.byteSize();
    }

    /** How many elements {@code data} holds: the array's length, or the segment's size in bytes. */
    static long length(Object data, ValueLayout element) {
        return element == null ? ((MemorySegment) data).byteSize() : Array.getLength(data);
    }

    /** The size of {@code data} in bytes. */
    static long byteSize(Object data, ValueLayout element) {
        return length(data, element) * unit(element);
    }

    /**
     * Refuses {@code count} elements from {@code offset} unless they lie inside a buffer
     * of {@code length} elements.
     */
    static void checkRange(long length, long offset, long count, String arg) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new IndexOutOfBoundsException(arg + ": elements [" + offset + ", " + offset + " + " + count
                    + ") outside [0, " + length + ")");
        }
    }

    /** A segment the calling thread may use now: not null, its arena open and, if confined, its own. */
    static MemorySegment usable(MemorySegment seg, String arg) {
        Objects.requireNonNull(seg, arg);
        if (!seg.scope().isAlive()) {
            throw new IllegalStateException(arg + ": the segment's arena has been closed");
        }
        if (!seg.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException(arg + ": the segment belongs to a confined arena of another thread");
        }
        return seg;
    }

    /** A heap segment over the array {@code data} (for a nonblocking call, which stages through it). */
    static MemorySegment heapSegment(Object data) {
        return switch (data) {
            case byte[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            default -> (MemorySegment) data;
        };
    }
}
