package org.jmpi;

/**
 * Virtual topologies of a {@link Comm} (MPI chapter 7). The create calls are collective
 * over this intracommunicator and return a new communicator with the topology attached,
 * an ordinary {@code Comm} for everything else (close it when done); {@link #cart()},
 * {@link #graph()} and {@link #distGraph()} read the topology back. With {@code reorder}
 * MPI may give processes new ranks in the new communicator. Arrays are checked before
 * MPI sees them: lengths, ranks in range, no negative count or weight.
 *
 * <pre>{@code
 * int[] dims = CartTopology.dimsCreate(world.size(), 0, 0);
 * try (Comm grid = world.cartCreate(dims, new boolean[] {true, false}, false)) {
 *     CartTopology.Shift up = grid.cart().shift(1, 1);
 *     grid.sendrecv(out, Datatype.DOUBLE, up.dest(), 0, in, Datatype.DOUBLE, up.source(), 0);
 * }
 * }</pre>
 */
public sealed interface Topologies permits Comm {

    /**
     * A Cartesian grid of {@code dims[i]} processes along dimension i, periodic (a ring)
     * where {@code periods[i]} ({@code MPI_Cart_create}). The grid may have fewer processes
     * than this communicator: the ranks left over get {@code null}.
     *
     * @throws IllegalArgumentException if a dimension is not positive, the lengths differ or
     *                                  the grid has more processes than the communicator
     */
    default Comm cartCreate(int[] dims, boolean[] periods, boolean reorder) {
        return TopologyCalls.cart((Comm) this, dims, periods, reorder);
    }

    /**
     * A graph over the first {@code index.length} ranks, in MPI's compressed form
     * ({@code MPI_Graph_create}): node i's neighbours are {@code edges[index[i-1]]} up to
     * {@code edges[index[i]-1]} ({@code index[-1]} being 0). Every process passes the whole
     * graph; ranks beyond the graph's nodes get {@code null}.
     */
    default Comm graphCreate(int[] index, int[] edges, boolean reorder) {
        return TopologyCalls.graph((Comm) this, index, edges, reorder);
    }

    /**
     * A distributed graph where each process names its own neighbours
     * ({@code MPI_Dist_graph_create_adjacent}): the ranks it receives from ({@code sources})
     * and sends to ({@code destinations}), in the order neighbourhood collectives use.
     * Weights are null for an unweighted graph (every process must then pass null) or hold
     * one non-negative weight per neighbour.
     */
    default Comm distGraphCreateAdjacent(int[] sources, int[] sourceWeights, int[] destinations,
                                         int[] destinationWeights, boolean reorder) {
        return TopologyCalls.distGraphAdjacent((Comm) this, sources, sourceWeights, destinations,
                destinationWeights, reorder);
    }

    /**
     * A distributed graph where any process may name any edges ({@code MPI_Dist_graph_create}):
     * {@code sources[i]} has edges to the next {@code degrees[i]} entries of
     * {@code destinations}, weighted by the same entries of {@code weights} (null for an
     * unweighted graph, on every process). MPI gathers each process's neighbours; read them
     * with {@link #distGraph()}.
     */
    default Comm distGraphCreate(int[] sources, int[] degrees, int[] destinations, int[] weights,
                                 boolean reorder) {
        return TopologyCalls.distGraph((Comm) this, sources, degrees, destinations, weights, reorder);
    }

    /**
     * The rank MPI would give this process in a Cartesian grid of {@code dims}, periodic
     * where {@code periods} says ({@code MPI_Cart_map}), or {@link Group#UNDEFINED} if it
     * would be left out of the grid; local, nothing is created. {@link #cartCreate} with
     * {@code reorder} may place processes this way.
     *
     * @throws IllegalArgumentException as {@link #cartCreate} does
     */
    default int cartMap(int[] dims, boolean[] periods) {
        return TopologyCalls.cartMap((Comm) this, dims, periods);
    }

    /**
     * The rank MPI would give this process in the graph of {@code index} and {@code edges}
     * ({@code MPI_Graph_map}; the form of {@link #graphCreate}), or {@link Group#UNDEFINED}
     * if it would be left out of the graph; local, nothing is created.
     *
     * @throws IllegalArgumentException as {@link #graphCreate} does
     */
    default int graphMap(int[] index, int[] edges) {
        return TopologyCalls.graphMap((Comm) this, index, edges);
    }

    /** The topology attached to this communicator ({@code MPI_Topo_test}). */
    default Topology topology() {
        return TopologyCalls.topology((Comm) this);
    }

    /**
     * The Cartesian topology of this communicator ({@code MPI_Cart_get}).
     *
     * @throws IllegalStateException if it has no Cartesian topology
     */
    default CartTopology cart() {
        return new CartTopology(TopologyCalls.expect((Comm) this, Topology.CART));
    }

    /**
     * The graph topology of this communicator ({@code MPI_Graph_get}).
     *
     * @throws IllegalStateException if it has no graph topology
     */
    default GraphTopology graph() {
        return new GraphTopology(TopologyCalls.expect((Comm) this, Topology.GRAPH));
    }

    /**
     * This process's neighbours in the distributed graph of this communicator
     * ({@code MPI_Dist_graph_neighbors}).
     *
     * @throws IllegalStateException if it has no distributed graph topology
     */
    default DistGraphTopology distGraph() {
        return new DistGraphTopology(TopologyCalls.expect((Comm) this, Topology.DIST_GRAPH));
    }
}
