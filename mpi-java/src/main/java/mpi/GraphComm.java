package mpi;

import org.jmpi.DistGraphTopology;
import org.jmpi.GraphTopology;

/**
 * A communicator with a graph topology: a graph known to every process, made by
 * {@link Intracomm#createGraph}, or a distributed graph where each process knows its own
 * neighbours, made by {@link Intracomm#createDistGraph} and
 * {@link Intracomm#createDistGraphAdjacent}. {@link #getDims()} and
 * {@link #getNeighbors(int)} read a graph, {@link #getDistGraphNeighbors()} a distributed
 * graph; each fails with {@code MPI_ERR_TOPOLOGY} on the other kind.
 */
public final class GraphComm extends Intracomm {
    /** A GraphComm over a jmpi communicator, with the error handler it inherits. */
    GraphComm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /**
     * A second object for the live graph communicator with identifier {@code handle}.
     *
     * @param handle the identifier
     * @throws MPIException never; declared by the API
     */
    protected GraphComm(long handle) throws MPIException {
        super(handle);
    }

    /**
     * The graph communicator and pending request of a nonblocking duplication (identifiers).
     *
     * @param commRequest the identifiers of the communicator and of its request
     */
    protected GraphComm(long[] commRequest) {
        super(commRequest);
    }

    /**
     * A duplicate ({@link #dup()}).
     *
     * @return the duplicate, with the same graph
     */
    @Override
    public GraphComm clone() {
        return (GraphComm) super.clone();
    }

    /**
     * A new communicator with the same group, graph and attributes ({@code MPI_Comm_dup});
     * collective.
     *
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    @Override
    public GraphComm dup() throws MPIException {
        return call("MPI_Comm_dup", c -> new GraphComm(c.dup(), errhandler()));
    }

    /**
     * Starts a duplication ({@code MPI_Comm_idup}); the duplicate keeps the graph.
     *
     * @return the new communicator, usable once {@link #getRequest()} completes
     * @throws MPIException if MPI fails
     */
    @Override
    public GraphComm iDup() throws MPIException {
        return Duplication.start(this, GraphComm::new);
    }

    /**
     * A duplicate with new info hints ({@code MPI_Comm_dup_with_info}); it keeps the graph.
     *
     * @param info the hints ({@link MPI#INFO_NULL} for none)
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    @Override
    public GraphComm dupWithInfo(Info info) throws MPIException {
        return Duplication.withInfo(this, info, GraphComm::new);
    }

    /**
     * The whole graph in compressed form ({@code MPI_Graphdims_get}, {@code MPI_Graph_get}).
     *
     * @return the index and edges
     * @throws MPIException if the communicator has no graph topology (a distributed graph
     *                      has none), or MPI fails
     */
    public GraphParms getDims() throws MPIException {
        return Topo.call(this, "MPI_Graph_get", c -> {
            GraphTopology g = c.graph();
            return new GraphParms(g.index(), g.edges());
        });
    }

    /**
     * The neighbours of node {@code rank} of the graph, in the order the graph lists them
     * ({@code MPI_Graph_neighbors}).
     *
     * @param rank a node of the graph
     * @return its neighbours
     * @throws MPIException if the rank is not a node, the communicator has no graph
     *                      topology, or MPI fails
     */
    public int[] getNeighbors(int rank) throws MPIException {
        return Topo.call(this, "MPI_Graph_neighbors", c -> {
            GraphTopology g = c.graph();
            Topo.rank(rank, g.nodes(), "rank");
            return g.neighbors(rank);
        });
    }

    /**
     * The calling process's neighbours in the distributed graph, with their weights when it
     * has weights ({@code MPI_Dist_graph_neighbors_count}, {@code MPI_Dist_graph_neighbors}).
     *
     * @return the sources and destinations
     * @throws MPIException if the communicator has no distributed graph topology, or MPI fails
     */
    public DistGraphNeighbors getDistGraphNeighbors() throws MPIException {
        return Topo.call(this, "MPI_Dist_graph_neighbors", c -> {
            DistGraphTopology d = c.distGraph();
            boolean w = d.isWeighted();
            return new DistGraphNeighbors(d.sources(), w ? d.sourceWeights() : null, d.destinations(),
                    w ? d.destinationWeights() : null, w);
        });
    }

    /**
     * The rank MPI would give this process in the graph of {@code index} and {@code edges}
     * (the form of {@link Intracomm#createGraph}) over this communicator's processes
     * ({@code MPI_Graph_map}), or {@link MPI#UNDEFINED} if the graph would leave it out.
     * Nothing is created.
     *
     * @param index the running totals of the neighbour counts, one per node
     * @param edges the neighbours of every node, node after node
     * @return the rank, or {@link MPI#UNDEFINED}
     * @throws MPIException if the graph is malformed or has more nodes than the communicator
     */
    public int map(int[] index, int[] edges) throws MPIException {
        return Topo.call(this, "MPI_Graph_map", c -> {
            Topo.notNull(index, "index");
            Topo.notNull(edges, "edges");
            return c.graphMap(index, edges);
        });
    }
}
