package org.jmpi;

/** The memory model of a window ({@code MPI_WIN_MODEL}), see {@link Win#model()}. */
public enum MemoryModel {
    /**
     * {@code MPI_WIN_SEPARATE}: the public copy that RMA reaches and the private copy that
     * local loads and stores see are kept consistent only by synchronization calls.
     */
    SEPARATE,
    /**
     * {@code MPI_WIN_UNIFIED}: public and private copies are the same memory; an update
     * becomes visible locally once completed (after {@link Win#sync()} for loads racing it).
     */
    UNIFIED;

    /** The constant whose C value is {@code value}. */
    static MemoryModel of(int value) {
        return Codes.decode(MemoryModel.class, value);
    }
}
