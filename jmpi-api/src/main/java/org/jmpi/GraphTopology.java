package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The graph topology of a communicator ({@link Comm#graph()}): the whole graph in MPI's
 * compressed form, read once ({@code MPI_Graph_get}), and any node's neighbours. A view
 * only: closing the communicator ends it.
 */
public final class GraphTopology {
    private final Comm comm;
    private final int[] index;
    private final int[] edges;

    GraphTopology(Comm comm) {
        this.comm = comm;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocate(JAVA_INT, 2);
            Errors.check(MpiCalls.MPI_Graphdims_get(comm.handle, n, n.asSlice(4)), "MPI_Graphdims_get");
            int nodes = n.get(JAVA_INT, 0);
            int nedges = n.get(JAVA_INT, 4);
            MemorySegment i = arena.allocate(JAVA_INT, Math.max(1, nodes));
            MemorySegment e = arena.allocate(JAVA_INT, Math.max(1, nedges));
            Errors.check(MpiCalls.MPI_Graph_get(comm.handle, nodes, nedges, i, e), "MPI_Graph_get");
            this.index = i.asSlice(0, 4L * nodes).toArray(JAVA_INT);
            this.edges = e.asSlice(0, 4L * nedges).toArray(JAVA_INT);
        }
    }

    /** The number of nodes, which are the ranks {@code 0..nodes()-1}. */
    public int nodes() {
        return index.length;
    }

    /** The running totals of the neighbour counts, one per node. */
    public int[] index() {
        return index.clone();
    }

    /** Every node's neighbours, one node after the other. */
    public int[] edges() {
        return edges.clone();
    }

    /** The number of neighbours of {@code rank} ({@code MPI_Graph_neighbors_count}). */
    public int neighborsCount(int rank) {
        node(rank);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Graph_neighbors_count(comm.handle, rank, out), "MPI_Graph_neighbors_count");
            return out.get(JAVA_INT, 0);
        }
    }

    /** The neighbours of {@code rank}, in the order of {@link #edges()} ({@code MPI_Graph_neighbors}). */
    public int[] neighbors(int rank) {
        int count = neighborsCount(rank);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, Math.max(1, count));
            Errors.check(MpiCalls.MPI_Graph_neighbors(comm.handle, rank, count, out), "MPI_Graph_neighbors");
            return out.asSlice(0, 4L * count).toArray(JAVA_INT);
        }
    }

    private void node(int rank) {
        comm.check();
        if (rank < 0 || rank >= index.length) {
            throw new IllegalArgumentException("rank: " + rank + " is not a node of the graph [0, " + index.length
                    + ")");
        }
    }
}
