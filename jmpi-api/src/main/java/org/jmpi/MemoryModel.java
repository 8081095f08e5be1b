package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The memory model of a window ({@code MPI_WIN_MODEL}), see {@link Win#model()}. */
public enum MemoryModel {
    /**
     * {@code MPI_WIN_SEPARATE}: the public copy that RMA reaches and the private copy that
     * local loads and stores see are kept consistent only by synchronization calls.
     */
    SEPARATE(MpiCalls.MPI_WIN_SEPARATE()),
    /**
     * {@code MPI_WIN_UNIFIED}: public and private copies are the same memory; an update
     * becomes visible locally once completed (after {@link Win#sync()} for loads racing it).
     */
    UNIFIED(MpiCalls.MPI_WIN_UNIFIED());

    private final int value;

    MemoryModel(int value) {
        this.value = value;
    }

    static MemoryModel of(int value) {
        for (MemoryModel m : values()) {
            if (m.value == value) {
                return m;
            }
        }
        throw new IllegalStateException("unknown MPI window memory model " + value);
    }
}
