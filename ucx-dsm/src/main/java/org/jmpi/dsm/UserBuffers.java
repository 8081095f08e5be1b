package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.util.Objects;

import org.jmpi.internal.PrimitiveArrays;

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
        int kind = PrimitiveArrays.kindOf(Objects.requireNonNull(data, arg));
        if (kind < 0) {
            throw new IllegalArgumentException(arg + ": a " + data.getClass().getTypeName()
                    + " is neither a MemorySegment nor an array of byte, short, char, int, long, float or double");
        }
        return PrimitiveArrays.layout(kind);
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
        return data instanceof MemorySegment seg ? seg : PrimitiveArrays.segment(data, "data");
    }
}
