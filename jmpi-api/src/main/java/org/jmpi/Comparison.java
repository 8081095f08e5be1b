package org.jmpi;

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

    /** The constant whose C value is {@code value}. */
    static Comparison of(int value) {
        return Codes.decode(Comparison.class, value);
    }
}
