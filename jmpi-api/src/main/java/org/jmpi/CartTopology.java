package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The Cartesian topology of a communicator ({@link Comm#cart()}): the grid's dimensions
 * and periodicity and this process's coordinates, read once ({@code MPI_Cart_get}), and
 * the conversions between ranks and coordinates. Coordinates run from 0 to
 * {@code dims()[i] - 1}, the last dimension varying fastest with the rank. A view only:
 * closing the communicator ends it.
 */
public final class CartTopology {
    /** The neighbours one {@link #shift} finds: {@link Comm#PROC_NULL} off a non-periodic edge. */
    public record Shift(int source, int dest) {
    }

    private final Comm comm;
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;

    CartTopology(Comm comm) {
        this.comm = comm;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Cartdim_get(comm.handle, n), "MPI_Cartdim_get");
            int ndims = n.get(JAVA_INT, 0);
            MemorySegment d = arena.allocate(JAVA_INT, Math.max(1, ndims) * 3L);
            long b = Math.max(1, ndims) * 4L;
            Errors.check(MpiCalls.MPI_Cart_get(comm.handle, ndims, d, d.asSlice(b), d.asSlice(2 * b)), "MPI_Cart_get");
            this.dims = d.asSlice(0, 4L * ndims).toArray(JAVA_INT);
            this.periods = new boolean[ndims];
            for (int i = 0; i < ndims; i++) {
                periods[i] = d.getAtIndex(JAVA_INT, Math.max(1, ndims) + i) != 0;
            }
            this.coords = d.asSlice(2 * b, 4L * ndims).toArray(JAVA_INT);
        }
    }

    /**
     * Fills the zero entries of {@code dims} so that the product of all entries is
     * {@code nnodes}, as balanced as possible, in non-increasing order ({@code MPI_Dims_create});
     * returns a new array. Non-zero entries are kept.
     *
     * @throws IllegalArgumentException if {@code nnodes} is not positive, an entry is
     *                                  negative, or the non-zero entries do not divide {@code nnodes}
     */
    public static int[] dimsCreate(int nnodes, int... dims) {
        MpiState.checkCall();
        if (nnodes <= 0) {
            throw new IllegalArgumentException("nnodes: must be positive, got " + nnodes);
        }
        Args.nonNegative(dims, "dims");
        long fixed = 1;
        boolean free = false;
        for (int d : dims) {
            free |= d == 0;
            fixed = d == 0 ? fixed : Math.min(fixed * d, Integer.MAX_VALUE + 1L);
        }
        if (nnodes % fixed != 0 || (!free && fixed != nnodes)) {
            throw new IllegalArgumentException("dims: the given dimensions (product " + fixed + ") cannot make a"
                    + " grid of " + nnodes + " processes");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = TopologyCalls.ints(arena, dims);
            Errors.check(MpiCalls.MPI_Dims_create(nnodes, dims.length, d), "MPI_Dims_create");
            return d.asSlice(0, 4L * dims.length).toArray(JAVA_INT);
        }
    }

    /** The number of dimensions ({@code MPI_Cartdim_get}). */
    public int ndims() {
        return dims.length;
    }

    /** The number of processes along each dimension. */
    public int[] dims() {
        return dims.clone();
    }

    /** Which dimensions are periodic (wrap around). */
    public boolean[] periods() {
        return periods.clone();
    }

    /** This process's coordinates. */
    public int[] coords() {
        return coords.clone();
    }

    /** The coordinates of {@code rank} ({@code MPI_Cart_coords}). */
    public int[] coords(int rank) {
        comm.check();
        if (rank < 0 || rank >= comm.size) {
            throw new IllegalArgumentException("rank: " + rank + " is not in [0, " + comm.size + ")");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, Math.max(1, dims.length));
            Errors.check(MpiCalls.MPI_Cart_coords(comm.handle, rank, dims.length, out), "MPI_Cart_coords");
            return out.asSlice(0, 4L * dims.length).toArray(JAVA_INT);
        }
    }

    /**
     * The rank at {@code coords} ({@code MPI_Cart_rank}); along a periodic dimension any
     * coordinate is taken modulo the dimension.
     *
     * @throws IllegalArgumentException if the length is not {@link #ndims()} or a coordinate
     *                                  of a non-periodic dimension is off the grid
     */
    public int rank(int... coords) {
        comm.check();
        Objects.requireNonNull(coords, "coords");
        if (coords.length != dims.length) {
            throw new IllegalArgumentException("coords: length " + coords.length + " differs from the " + dims.length
                    + " dimensions");
        }
        for (int i = 0; i < coords.length; i++) {
            if (!periods[i] && (coords[i] < 0 || coords[i] >= dims[i])) {
                throw new IllegalArgumentException("coords[" + i + "]: " + coords[i] + " is not in [0, " + dims[i]
                        + ") of non-periodic dimension " + i);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Cart_rank(comm.handle, TopologyCalls.ints(arena, coords), out), "MPI_Cart_rank");
            return out.get(JAVA_INT, 0);
        }
    }

    /**
     * The ranks {@code disp} steps away along {@code direction} ({@code MPI_Cart_shift}):
     * {@code dest} is where this process sends for a shift by {@code disp}, {@code source}
     * where it receives from (the process {@code -disp} steps away).
     */
    public Shift shift(int direction, int disp) {
        comm.check();
        if (direction < 0 || direction >= dims.length) {
            throw new IllegalArgumentException("direction: " + direction + " is not a dimension in [0, "
                    + dims.length + ")");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 2);
            Errors.check(MpiCalls.MPI_Cart_shift(comm.handle, direction, disp, out, out.asSlice(4)), "MPI_Cart_shift");
            return new Shift(out.get(JAVA_INT, 0), out.get(JAVA_INT, 4));
        }
    }

    /**
     * Splits the grid into subgrids that keep the dimensions where {@code remainDims} is
     * true ({@code MPI_Cart_sub}); collective. Returns this process's subgrid, itself a
     * Cartesian communicator.
     */
    public Comm sub(boolean... remainDims) {
        comm.check();
        Objects.requireNonNull(remainDims, "remainDims");
        if (remainDims.length != dims.length) {
            throw new IllegalArgumentException("remainDims: length " + remainDims.length + " differs from the "
                    + dims.length + " dimensions");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Cart_sub(comm.handle, TopologyCalls.ints(arena, TopologyCalls.flags(remainDims)),
                    out), "MPI_Cart_sub");
            return Comm.created(out, "subgrid of " + comm.label());
        }
    }

    @Override
    public String toString() {
        return "CartTopology[dims " + Arrays.toString(dims) + ", periods "
                + Arrays.toString(periods) + ", coords " + Arrays.toString(coords) + "]";
    }
}
