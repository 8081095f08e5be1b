package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Checks that {@code count} elements of a datatype lie inside a segment before MPI reads
 * or writes them. For most types {@code count x extent <= byteSize} is the whole story;
 * for a type whose data reaches outside its extent (resized smaller, negative
 * displacements) the true bounds of the first and last element are checked instead.
 */
final class Buffers {
    private Buffers() {
    }

    /** The number of whole elements of {@code type} that fill {@code seg}, checked to lie inside it. */
    static int countOf(MemorySegment seg, Datatype type, String arg) {
        return Args.count(elements(seg, type, arg), arg);
    }

    /** As {@link #countOf} but as a long, for calls that take counts beyond MPI's int (see {@link LargeCounts}). */
    static long elements(MemorySegment seg, Datatype type, String arg) {
        long n = Args.elements(seg, type.extent(), arg, type);
        if (!type.contained()) {
            inside(seg, n, type, arg);
        }
        return n;
    }

    /** Checks that {@code count} elements of {@code type} lie inside {@code seg}. */
    static void fits(MemorySegment seg, long count, Datatype type, String arg) {
        if (type.contained()) {
            Args.fits(seg, count, type.extent(), arg, type);
        } else {
            inside(seg, Args.count(count, "count"), type, arg);
        }
    }

    /**
     * The bytes from the start of a segment up to the end of the data of {@code count}
     * elements of {@code type} (already checked to lie inside it): what a copy of the
     * buffer must cover.
     */
    static long span(long count, Datatype type) {
        if (count == 0) {
            return 0;
        }
        if (type.contained()) {
            return count * type.extent();
        }
        return type.trueLowerBound() + type.trueExtent() + Math.max(0, (count - 1) * type.extent());
    }

    private static void inside(MemorySegment seg, long count, Datatype type, String arg) {
        if (count == 0) {
            return;
        }
        long d = Args.bytes((long) count - 1, type.extent(), arg, type);
        long first = Args.sum(type.trueLowerBound(), Math.min(0, d), arg);
        long end = Args.sum(type.trueLowerBound() + type.trueExtent(), Math.max(0, d), arg);
        if (first < 0 || end > seg.byteSize()) {
            throw new IllegalArgumentException(arg + ": " + count + " x " + type + " touch bytes [" + first + ", "
                    + end + ") but the segment has " + seg.byteSize());
        }
    }
}
