package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The result of comparing two communicators or groups ({@code MPI_IDENT}, ...). */
public enum Comparison {
    /** The same object. */
    IDENT(MpiCalls.MPI_IDENT()),
    /** Same members in the same order, different context (communicators only). */
    CONGRUENT(MpiCalls.MPI_CONGRUENT()),
    /** Same members, different order. */
    SIMILAR(MpiCalls.MPI_SIMILAR()),
    /** Different members. */
    UNEQUAL(MpiCalls.MPI_UNEQUAL());

    private final int value;

    Comparison(int value) {
        this.value = value;
    }

    static Comparison of(int value) {
        for (Comparison c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        throw new IllegalStateException("unknown MPI comparison result " + value);
    }
}
