package mpi;

/**
 * The Cartesian topology of a {@link CartComm} as {@link CartComm#getTopo()} reads it: the
 * number of processes along each dimension, which dimensions wrap around, and the
 * coordinates of the calling process.
 */
public final class CartParms {
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;

    /**
     * The topology of a grid with {@code dims.length} dimensions; the arrays are copied.
     *
     * @param dims    processes along each dimension
     * @param periods whether each dimension is periodic
     * @param coords  the calling process's coordinates
     */
    protected CartParms(int[] dims, boolean[] periods, int[] coords) {
        if (dims == null || periods == null || coords == null) {
            throw new IllegalArgumentException("dims, periods and coords must not be null");
        }
        if (periods.length != dims.length || coords.length != dims.length) {
            throw new IllegalArgumentException("periods (" + periods.length + ") and coords (" + coords.length
                    + ") must have one entry per dimension (" + dims.length + ")");
        }
        this.dims = dims.clone();
        this.periods = periods.clone();
        this.coords = coords.clone();
    }

    /**
     * The number of dimensions of the grid.
     *
     * @return the number of dimensions
     */
    public int getDimCount() {
        return dims.length;
    }

    /**
     * The number of processes along dimension {@code i}.
     *
     * @param i a dimension, from 0
     * @return its extent in processes
     */
    public int getDim(int i) {
        return dims[Parms.index(i, dims.length, "i", "dimension")];
    }

    /**
     * Whether dimension {@code i} is periodic (its last process neighbours its first).
     *
     * @param i a dimension, from 0
     * @return whether it wraps around
     */
    public boolean getPeriod(int i) {
        return periods[Parms.index(i, dims.length, "i", "dimension")];
    }

    /**
     * The calling process's coordinate along dimension {@code i}.
     *
     * @param i a dimension, from 0
     * @return the coordinate, from 0
     */
    public int getCoord(int i) {
        return coords[Parms.index(i, dims.length, "i", "dimension")];
    }
}
