package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The Java primitive arrays a message may be: their element layout, length and heap
 * segment, each one switch over the seven array types. Anything else is an
 * {@code IllegalArgumentException} naming the argument. Not public API.
 */
public final class PrimitiveArrays {
    private PrimitiveArrays() {
    }

    /** The (unaligned) layout of one element of {@code array}. */
    public static ValueLayout layout(Object array, String arg) {
        return switch (array) {
            case byte[] a -> ValueLayout.JAVA_BYTE;
            case short[] a -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case char[] a -> ValueLayout.JAVA_CHAR_UNALIGNED;
            case int[] a -> ValueLayout.JAVA_INT_UNALIGNED;
            case long[] a -> ValueLayout.JAVA_LONG_UNALIGNED;
            case float[] a -> ValueLayout.JAVA_FLOAT_UNALIGNED;
            case double[] a -> ValueLayout.JAVA_DOUBLE_UNALIGNED;
            default -> throw notAnArray(array, arg);
        };
    }

    /** The number of elements of {@code array}. */
    public static int length(Object array, String arg) {
        return switch (array) {
            case byte[] a -> a.length;
            case short[] a -> a.length;
            case char[] a -> a.length;
            case int[] a -> a.length;
            case long[] a -> a.length;
            case float[] a -> a.length;
            case double[] a -> a.length;
            default -> throw notAnArray(array, arg);
        };
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
