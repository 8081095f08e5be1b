package mpi;

import org.jmpi.CartTopology;

/**
 * A communicator with a Cartesian topology, made by {@link Intracomm#createCart}: its
 * processes form a grid of {@code dims[i]} processes along each dimension {@code i}, which
 * wraps around where it is periodic. Coordinates run from 0 along each dimension; ranks
 * follow the grid with the last dimension varying fastest. Besides what every
 * intracommunicator does, it converts between ranks and coordinates, finds the neighbours
 * of a shift, and splits into subgrids.
 */
public final class CartComm extends Intracomm {
    /** The grid as MPI reports it, read on first use (it never changes). */
    private volatile CartTopology topology;

    /** A CartComm over a jmpi communicator, with the error handler it inherits. */
    CartComm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /**
     * A second object for the live Cartesian communicator with identifier {@code handle}.
     *
     * @param handle the identifier
     * @throws MPIException never; declared by the API
     */
    protected CartComm(long handle) throws MPIException {
        super(handle);
    }

    /**
     * The Cartesian communicator and pending request of a nonblocking duplication (identifiers).
     *
     * @param commRequest the identifiers of the communicator and of its request
     */
    protected CartComm(long[] commRequest) {
        super(commRequest);
    }

    /**
     * A duplicate ({@link #dup()}).
     *
     * @return the duplicate, with the same grid
     */
    @Override
    public CartComm clone() {
        return (CartComm) super.clone();
    }

    /**
     * A new communicator with the same group, grid and attributes ({@code MPI_Comm_dup});
     * collective.
     *
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    @Override
    public CartComm dup() throws MPIException {
        return call("MPI_Comm_dup", c -> new CartComm(c.dup(), errhandler()));
    }

    /**
     * Starts a duplication ({@code MPI_Comm_idup}); the duplicate keeps the grid.
     *
     * @return the new communicator, usable once {@link #getRequest()} completes
     * @throws MPIException if MPI fails
     */
    @Override
    public CartComm iDup() throws MPIException {
        return Duplication.start(this, CartComm::new);
    }

    /**
     * A duplicate with new info hints ({@code MPI_Comm_dup_with_info}); it keeps the grid.
     *
     * @param info the hints ({@link MPI#INFO_NULL} for none)
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    @Override
    public CartComm dupWithInfo(Info info) throws MPIException {
        return Duplication.withInfo(this, info, CartComm::new);
    }

    /**
     * The grid: dimensions, periodicity and the calling process's coordinates
     * ({@code MPI_Cart_get}).
     *
     * @return the topology
     * @throws MPIException if the communicator is freed or MPI fails
     */
    public CartParms getTopo() throws MPIException {
        return Topo.call(this, "MPI_Cart_get", c -> {
            CartTopology t = topology(c);
            return new CartParms(t.dims(), t.periods(), t.coords());
        });
    }

    /**
     * The rank of the process at {@code coords} ({@code MPI_Cart_rank}); along a periodic
     * dimension a coordinate off the grid wraps around.
     *
     * @param coords one coordinate per dimension
     * @return the rank
     * @throws MPIException if a coordinate of a non-periodic dimension is off the grid, or
     *                      the length is not the number of dimensions
     */
    public int getRank(int[] coords) throws MPIException {
        return Topo.call(this, "MPI_Cart_rank", c -> {
            Topo.notNull(coords, "coords");
            return topology(c).rank(coords);
        });
    }

    /**
     * The coordinates of process {@code rank} ({@code MPI_Cart_coords}).
     *
     * @param rank a rank of this communicator
     * @return one coordinate per dimension
     * @throws MPIException if the rank is not in the communicator
     */
    public int[] getCoords(int rank) throws MPIException {
        return Topo.call(this, "MPI_Cart_coords", c -> {
            Topo.rank(rank, c.size(), "rank");
            return topology(c).coords(rank);
        });
    }

    /**
     * The neighbours of a shift by {@code disp} along dimension {@code direction}
     * ({@code MPI_Cart_shift}): the rank this process sends to ({@code disp} steps ahead)
     * and the one it receives from ({@code disp} steps back), {@link MPI#PROC_NULL} off the
     * edge of a non-periodic dimension.
     *
     * @param direction the dimension, from 0
     * @param disp      the number of steps (negative: backwards)
     * @return the source and destination ranks
     * @throws MPIException if {@code direction} is not a dimension of the grid
     */
    public ShiftParms shift(int direction, int disp) throws MPIException {
        return Topo.call(this, "MPI_Cart_shift", c -> {
            CartTopology t = topology(c);
            if (direction < 0 || direction >= t.ndims()) {
                throw Failure.arg(MPI.ERR_DIMS, "direction: " + direction + " is not a dimension in [0, "
                        + t.ndims() + ")");
            }
            CartTopology.Shift s = t.shift(direction, disp);
            return new ShiftParms(s.source(), s.dest());
        });
    }

    /**
     * Splits the grid into subgrids keeping the dimensions where {@code remainDims} is true
     * ({@code MPI_Cart_sub}); collective. Processes that agree on the coordinates of the
     * dropped dimensions end up in the same subgrid.
     *
     * @param remainDims one flag per dimension
     * @return this process's subgrid
     * @throws MPIException if the length is not the number of dimensions, or MPI fails
     */
    public CartComm sub(boolean[] remainDims) throws MPIException {
        return Topo.call(this, "MPI_Cart_sub", c -> {
            Topo.notNull(remainDims, "remainDims");
            return new CartComm(topology(c).sub(remainDims), errhandler());
        });
    }

    /**
     * The rank MPI would give this process in a grid of {@code dims}, periodic where
     * {@code periods} says, over this communicator's processes ({@code MPI_Cart_map}), or
     * {@link MPI#UNDEFINED} if the grid would leave it out. Nothing is created.
     *
     * @param dims    processes along each dimension
     * @param periods whether each dimension is periodic
     * @return the rank, or {@link MPI#UNDEFINED}
     * @throws MPIException if the grid has more processes than the communicator, or the
     *                      lengths differ
     */
    public int map(int[] dims, boolean[] periods) throws MPIException {
        return Topo.call(this, "MPI_Cart_map", c -> {
            Topo.notNull(dims, "dims");
            Topo.notNull(periods, "periods");
            return c.cartMap(dims, periods);
        });
    }

    /**
     * Fills the zero entries of {@code dims} so that the product of all entries is
     * {@code nnodes}, as balanced as possible and in non-increasing order
     * ({@code MPI_Dims_create}); entries that are not zero are kept.
     *
     * @param nnodes the number of processes of the grid
     * @param dims   the dimensions, updated in place
     * @throws MPIException if {@code nnodes} is not positive, an entry is negative, or the
     *                      fixed entries do not divide {@code nnodes}
     */
    public static void createDims(int nnodes, int[] dims) throws MPIException {
        Lifecycle.check();
        try {
            Topo.notNull(dims, "dims");
            if (nnodes <= 0) {
                throw Failure.arg(MPI.ERR_ARG, "nnodes: " + nnodes + " is not positive");
            }
            long fixed = 1;
            boolean free = false;
            for (int i = 0; i < dims.length; i++) {
                free |= dims[i] == 0;
                if (dims[i] < 0) {
                    throw Failure.arg(MPI.ERR_DIMS, "dims[" + i + "]: " + dims[i] + " is negative");
                }
                fixed = dims[i] == 0 ? fixed : Math.min(fixed * dims[i], 1L << 32);
            }
            if (nnodes % fixed != 0 || !free && fixed != nnodes) {
                throw Failure.arg(MPI.ERR_DIMS, "dims: the fixed dimensions (product " + fixed + ") cannot make a grid"
                        + " of " + nnodes + " processes");
            }
            int[] filled = CartTopology.dimsCreate(nnodes, dims);
            System.arraycopy(filled, 0, dims, 0, dims.length);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Dims_create");
        }
    }

    /** The grid of {@code c}, read once. */
    private CartTopology topology(org.jmpi.Comm c) {
        CartTopology t = topology;
        if (t == null) {
            t = c.cart();
            topology = t;
        }
        return t;
    }
}
