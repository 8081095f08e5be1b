package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The virtual topology attached to a communicator ({@code MPI_Topo_test}). */
public enum Topology {
    /** No topology ({@code MPI_UNDEFINED}). */
    NONE,
    /** A Cartesian grid ({@code MPI_CART}); see {@link CartTopology}. */
    CART,
    /** A graph known to every process ({@code MPI_GRAPH}); see {@link GraphTopology}. */
    GRAPH,
    /** A distributed graph ({@code MPI_DIST_GRAPH}); see {@link DistGraphTopology}. */
    DIST_GRAPH;

    static Topology of(int status) {
        if (status == MpiCalls.MPI_CART()) {
            return CART;
        }
        if (status == MpiCalls.MPI_GRAPH()) {
            return GRAPH;
        }
        return status == MpiCalls.MPI_DIST_GRAPH() ? DIST_GRAPH : NONE;
    }
}
