package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * The Java primitive arrays a message may be: their kind (one switch over the seven array
 * types), element layout, length and heap segment. Anything else is an
 * {@code IllegalArgumentException} naming the argument. Not public API.
 */
public final class PrimitiveArrays {
    private PrimitiveArrays() {
    }

    /** The element layouts, unaligned, in the order of {@link #kind}. */
    private static final ValueLayout[] LAYOUTS = {
        ValueLayout.JAVA_BYTE, ValueLayout.JAVA_SHORT_UNALIGNED, ValueLayout.JAVA_CHAR_UNALIGNED,
        ValueLayout.JAVA_INT_UNALIGNED, ValueLayout.JAVA_LONG_UNALIGNED, ValueLayout.JAVA_FLOAT_UNALIGNED,
        ValueLayout.JAVA_DOUBLE_UNALIGNED};

    /**
     * Which of the seven array types {@code array} is: 0 to 6 for {@code byte[]}, {@code short[]},
     * {@code char[]}, {@code int[]}, {@code long[]}, {@code float[]} and {@code double[]}, or -1
     * for anything else. A chain of type tests, which the JIT reduces to the one type a call
     * site sees (a loop over a table of classes it cannot).
     */
    public static int kindOf(Object array) {
        if (array instanceof byte[]) {
            return 0;
        } else if (array instanceof short[]) {
            return 1;
        } else if (array instanceof char[]) {
            return 2;
        } else if (array instanceof int[]) {
            return 3;
        } else if (array instanceof long[]) {
            return 4;
        } else if (array instanceof float[]) {
            return 5;
        }
        return array instanceof double[] ? 6 : -1;
    }

    /** {@link #kindOf}, refusing what is not a primitive array with {@link #notAnArray}. */
    public static int kind(Object array, String arg) {
        int kind = kindOf(Objects.requireNonNull(array, arg));
        if (kind < 0) {
            throw notAnArray(array, arg);
        }
        return kind;
    }

    /** The unaligned layout of one element of an array of kind {@code kind} (see {@link #kindOf}). */
    public static ValueLayout layout(int kind) {
        return LAYOUTS[kind];
    }

    /** The (unaligned) layout of one element of {@code array}. */
    public static ValueLayout layout(Object array, String arg) {
        return layout(kind(array, arg));
    }

    /** The number of elements of {@code array}. */
    public static int length(Object array, String arg) {
        kind(array, arg);
        return Array.getLength(array);
    }

    /** A heap segment over all of {@code array}. */
    public static MemorySegment segment(Object array, String arg) {
        return switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw notAnArray(array, arg);
        };
    }

    /** The refusal of something that is not a message buffer, naming the argument. */
    public static IllegalArgumentException notAnArray(Object value, String arg) {
        if (value instanceof MemorySegment) {
            return new IllegalArgumentException(arg + ": a MemorySegment has no element type; pass Buf.of(segment,"
                    + " datatype) or the (segment, datatype) form of the call");
        }
        return new IllegalArgumentException(arg + ": a " + value.getClass().getTypeName() + " is not a message buffer;"
                + " pass a byte[], short[], char[], int[], long[], float[] or double[], or a Buf");
    }
}
