package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The result of comparing two communicators or groups ({@code MPI_IDENT}, ...). */
public enum Comparison {
    /** The same object. */
    IDENT,
    /** Same members in the same order, different context (communicators only). */
    CONGRUENT,
    /** Same members, different order. */
    SIMILAR,
    /** Different members. */
    UNEQUAL;

    /** {@code MPI_Comm_compare} or {@code MPI_Group_compare}: two handles in, the result out. */
    interface Call {
        int apply(MemorySegment a, MemorySegment b, MemorySegment result);
    }

    /** The result of comparing the objects {@code a} and {@code b} with {@code call}, named {@code name}. */
    static Comparison of(MemorySegment a, MemorySegment b, Call call, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(call.apply(a, b, out), name);
            return of(out.get(JAVA_INT, 0));
        }
    }

    /** The constant whose C value is {@code value}. */
    static Comparison of(int value) {
        return Codes.decode(Comparison.class, value);
    }
}
