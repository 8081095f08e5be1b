package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.internal.Runtime;

/** A reduction operation ({@code MPI_Op}): the predefined ones as constants. */
public final class Op {
    /** {@code MPI_MAX}. */
    public static final Op MAX = new Op(OmpiHandles.MAX, "MPI_MAX");
    /** {@code MPI_MIN}. */
    public static final Op MIN = new Op(OmpiHandles.MIN, "MPI_MIN");
    /** {@code MPI_SUM}. */
    public static final Op SUM = new Op(OmpiHandles.SUM, "MPI_SUM");
    /** {@code MPI_PROD}. */
    public static final Op PROD = new Op(OmpiHandles.PROD, "MPI_PROD");
    /** {@code MPI_LAND}: logical and. */
    public static final Op LAND = new Op(OmpiHandles.LAND, "MPI_LAND");
    /** {@code MPI_BAND}: bitwise and. */
    public static final Op BAND = new Op(OmpiHandles.BAND, "MPI_BAND");
    /** {@code MPI_LOR}: logical or. */
    public static final Op LOR = new Op(OmpiHandles.LOR, "MPI_LOR");
    /** {@code MPI_BOR}: bitwise or. */
    public static final Op BOR = new Op(OmpiHandles.BOR, "MPI_BOR");
    /** {@code MPI_LXOR}: logical exclusive or. */
    public static final Op LXOR = new Op(OmpiHandles.LXOR, "MPI_LXOR");
    /** {@code MPI_BXOR}: bitwise exclusive or. */
    public static final Op BXOR = new Op(OmpiHandles.BXOR, "MPI_BXOR");
    /** {@code MPI_MAXLOC}: maximum and its index, on the pair types. */
    public static final Op MAXLOC = new Op(OmpiHandles.MAXLOC, "MPI_MAXLOC");
    /** {@code MPI_MINLOC}: minimum and its index, on the pair types. */
    public static final Op MINLOC = new Op(OmpiHandles.MINLOC, "MPI_MINLOC");
    /** {@code MPI_REPLACE} (one-sided accumulate). */
    public static final Op REPLACE = new Op(OmpiHandles.REPLACE, "MPI_REPLACE");
    /** {@code MPI_NO_OP} (one-sided accumulate). */
    public static final Op NO_OP = new Op(OmpiHandles.NO_OP, "MPI_NO_OP");

    private final MemorySegment handle;
    private final String name;

    private Op(MemorySegment handle, String name) {
        this.handle = handle;
        this.name = name;
    }

    MemorySegment handle() {
        Runtime.checkCall();
        return handle;
    }

    /**
     * Rethrows, on the calling thread, an exception that a user function of this op threw
     * during the reduction that just returned. Call after every native call given this op.
     */
    void afterReduction() {
    }

    @Override
    public String toString() {
        return name;
    }
}
