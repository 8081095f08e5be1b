package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * {@code MPI_Status_set_elements_x} as the standard defines it on every MPI: afterwards
 * {@code MPI_Get_elements_x} of the same datatype returns the count, a number of basic
 * elements. MPICH 4.0.2 takes the count as whole elements of a derived datatype instead
 * ({@link MpiQuirks#SET_ELEMENTS_COUNTS_WHOLE_TYPES}); there the status gets the byte
 * count of that many basic elements, found with MPICH's own {@code MPI_Get_elements_x}, so
 * that its element and count queries agree with the standard's.
 */
final class StatusElements {
    /** Bytes before a byte count that ends inside a basic element reaches that element's start (the largest is 32). */
    private static final int LARGEST_BASIC = 64;

    private StatusElements() {
    }

    /** Sets {@code count} basic elements of {@code type} in the status {@code st}. */
    static void set(MemorySegment st, Datatype type, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, got " + count);
        }
        long size = type.size();
        if (size == 0 && count > 0) {
            throw new IllegalArgumentException("count: " + type + " holds no data (size 0), so only count 0 can be set");
        }
        if (!MpiQuirks.SET_ELEMENTS_COUNTS_WHOLE_TYPES || type.isPredefined() || count == 0) {
            Errors.check(MpiCalls.MPI_Status_set_elements_x(st, type.handle(), count), "MPI_Status_set_elements_x");
            return;
        }
        long perElement = elements(st, type, size);
        long bytes = Math.addExact(Math.multiplyExact(count / perElement, size),
                partial(st, type, count % perElement, size));
        bytes(st, bytes);
    }

    /** The bytes of the first {@code rest} basic elements of one element of {@code type} (fewer than it has). */
    private static long partial(MemorySegment st, Datatype type, long rest, long size) {
        long lo = 0;
        long hi = size;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (whole(st, type, mid) >= rest) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The basic elements of {@code type} wholly within its first {@code bytes} bytes, which
     * grows with {@code bytes}: MPI's count at the last element boundary at or before it
     * (MPI calls a byte count that ends inside a basic element undefined).
     */
    private static long whole(MemorySegment st, Datatype type, long bytes) {
        for (long b = bytes; b >= 0 && b > bytes - LARGEST_BASIC; b--) {
            long n = elements(st, type, b);
            if (n >= 0) {
                return n;
            }
        }
        throw new IllegalStateException("MPI_Get_elements_x: no element boundary of " + type + " near byte " + bytes);
    }

    /** {@code MPI_Get_elements_x} of {@code type} for a status holding {@code bytes} bytes; negative when undefined. */
    private static long elements(MemorySegment st, Datatype type, long bytes) {
        bytes(st, bytes);
        MemorySegment n = Scratch.words();
        Errors.check(MpiCalls.MPI_Get_elements_x(st, type.handle(), n), "MPI_Get_elements_x");
        return n.get(JAVA_LONG_UNALIGNED, 0);
    }

    private static void bytes(MemorySegment st, long bytes) {
        Errors.check(MpiCalls.MPI_Status_set_elements_x(st, Datatype.BYTE.handle(), bytes), "MPI_Status_set_elements_x");
    }
}
