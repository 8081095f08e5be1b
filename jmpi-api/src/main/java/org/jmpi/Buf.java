package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

import org.jmpi.internal.Args;
import org.jmpi.internal.PrimitiveArrays;

/**
 * A message buffer: C's (buffer, count, datatype) triple. Every call that moves data
 * takes one, for each side separately; a plain Java primitive array stands for all of
 * itself with its element type's datatype, so {@code world.send(ints, dest, tag)} needs
 * no {@code Buf}. The memory is a Java primitive array or a {@code MemorySegment} (native,
 * passed to MPI as is, or on the heap); offsets, counts and bounds are checked here, once,
 * when the view is made.
 *
 * <p>The default datatype of each Java element type (one naming, used everywhere):
 * <table>
 * <caption>Java element types and their datatypes</caption>
 * <tr><th>array / layout</th><th>datatype</th></tr>
 * <tr><td>{@code byte[]}, {@code JAVA_BYTE}</td><td>{@link Datatype#INT8}</td></tr>
 * <tr><td>{@code short[]}, {@code JAVA_SHORT}</td><td>{@link Datatype#INT16}</td></tr>
 * <tr><td>{@code char[]}, {@code JAVA_CHAR}</td><td>{@link Datatype#UINT16}</td></tr>
 * <tr><td>{@code int[]}, {@code JAVA_INT}</td><td>{@link Datatype#INT32}</td></tr>
 * <tr><td>{@code long[]}, {@code JAVA_LONG}</td><td>{@link Datatype#INT64}</td></tr>
 * <tr><td>{@code float[]}, {@code JAVA_FLOAT}</td><td>{@link Datatype#FLOAT}</td></tr>
 * <tr><td>{@code double[]}, {@code JAVA_DOUBLE}</td><td>{@link Datatype#DOUBLE}</td></tr>
 * </table>
 *
 * <p>Arrays are never pinned while MPI may wait: blocking calls copy them through this
 * thread's native staging memory, nonblocking calls through native memory their request
 * owns (copied back when it completes). See {@link Comm} for when each copy happens.
 *
 * @param base   the memory: a primitive array or a {@code MemorySegment}
 * @param offset bytes from the start of {@code base} to the first element
 * @param count  the number of {@code type} elements
 * @param type   the datatype of each element
 */
public record Buf(Object base, long offset, int count, Datatype type) {
    /** The datatypes of the arrays' elements, in the order of {@link PrimitiveArrays#kind}. */
    private static final Datatype[] DEFAULT_TYPES = {
        Datatype.INT8, Datatype.INT16, Datatype.UINT16, Datatype.INT32, Datatype.INT64, Datatype.FLOAT,
        Datatype.DOUBLE};

    /** Checks the view; use the {@code of} factories. */
    public Buf {
        Objects.requireNonNull(base, "buf");
        Objects.requireNonNull(type, "type");
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " is negative");
        }
        long size = Blocks.size(base);
        if (offset < 0 || offset > size) {
            throw new IllegalArgumentException("offset: " + offset + " bytes outside a buffer of " + size);
        }
        if (count > 0) {
            long span = Buffers.span(count, type);
            if (type.trueLowerBound() < 0 && offset + type.trueLowerBound() < 0 || span > size - offset) {
                throw new IllegalArgumentException("count: " + count + " x " + type + " need " + span
                        + " bytes from offset " + offset + " but the buffer has " + size);
            }
        }
    }

    /** All of a primitive array, with its element type's datatype. */
    public static Buf of(Object array) {
        Objects.requireNonNull(array, "buf");
        return new Buf(array, 0, length(array, "buf"), defaultType(array, "buf"));
    }

    /** {@code count} elements of a primitive array from element {@code offset}, with its element type's datatype. */
    public static Buf of(Object array, int offset, int count) {
        Objects.requireNonNull(array, "buf");
        Args.range(length(array, "buf"), offset, count, "buf");
        return new Buf(array, (long) offset * elementSize(array), count, defaultType(array, "buf"));
    }

    /**
     * {@code count} elements of {@code type} in a primitive array, starting at array element
     * {@code offset}: any datatype over any array, for instance one column of a row-major
     * matrix, {@code Buf.of(matrix, j, 1, column)}.
     */
    public static Buf of(Object array, int offset, int count, Datatype type) {
        Objects.requireNonNull(array, "buf");
        int length = length(array, "buf");
        if (offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset: " + offset + " outside an array of " + length);
        }
        return new Buf(array, (long) offset * elementSize(array), count, type);
    }

    /** A whole segment as elements of {@code type}: as many as fit ({@code byteSize / extent}). */
    public static Buf of(MemorySegment seg, Datatype type) {
        Objects.requireNonNull(seg, "buf");
        return new Buf(seg, 0, Buffers.countOf(seg, type, "buf"), type);
    }

    /** A whole segment as elements of the datatype of {@code layout} (see the table above). */
    public static Buf of(MemorySegment seg, ValueLayout layout) {
        return of(seg, LayoutTypes.predefined(Objects.requireNonNull(layout, "layout"), "layout"));
    }

    /** The first {@code count} elements of {@code type} in a segment. */
    public static Buf of(MemorySegment seg, int count, Datatype type) {
        return new Buf(Objects.requireNonNull(seg, "buf"), 0, count, type);
    }

    /** {@code count} elements of {@code type} starting {@code byteOffset} bytes into a segment. */
    public static Buf at(MemorySegment seg, long byteOffset, int count, Datatype type) {
        return new Buf(Objects.requireNonNull(seg, "buf"), byteOffset, count, type);
    }

    /** The bytes from {@link #offset} to the end of the last element's data. */
    public long span() {
        return Buffers.span(count, type);
    }

    /**
     * The memory as a segment from {@link #offset}: the native segment (or a slice of it),
     * or a heap segment over the array.
     */
    public MemorySegment segment() {
        return Msg.at(base, offset);
    }

    /** Whether the memory is native (a segment MPI can be given as is). */
    public boolean isNative() {
        return base instanceof MemorySegment m && m.isNative();
    }

    /** The datatype of a primitive array's elements (see the table above). */
    static Datatype defaultType(Object array, String arg) {
        return DEFAULT_TYPES[PrimitiveArrays.kind(array, arg)];
    }

    /** Bytes per element of a primitive array. */
    static int elementSize(Object array) {
        return (int) PrimitiveArrays.layout(array, "buf").byteSize();
    }

    /** The length of a primitive array. */
    static int length(Object array, String arg) {
        return PrimitiveArrays.length(array, arg);
    }
}
