package mpi;

/**
 * The graph topology of a {@link GraphComm} as {@link GraphComm#getDims()} reads it, in
 * MPI's compressed form: entry {@code i} of the index is the total number of neighbours of
 * nodes 0 to {@code i}, and the edges list every node's neighbours one node after the other.
 */
public final class GraphParms {
    private final int[] index;
    private final int[] edges;

    /**
     * A graph in compressed form; the arrays are copied.
     *
     * @param index the running totals of the neighbour counts, one per node
     * @param edges the neighbours of every node, node after node
     */
    protected GraphParms(int[] index, int[] edges) {
        if (index == null || edges == null) {
            throw new IllegalArgumentException("index and edges must not be null");
        }
        this.index = index.clone();
        this.edges = edges.clone();
    }

    /**
     * The number of nodes of the graph (entries of the index).
     *
     * @return the number of nodes
     */
    public int getIndexCount() {
        return index.length;
    }

    /**
     * Entry {@code i} of the index: how many neighbours nodes 0 to {@code i} have together.
     *
     * @param i a node, from 0
     * @return the running total
     */
    public int getIndex(int i) {
        return index[Parms.index(i, index.length, "i", "node")];
    }

    /**
     * The number of entries of the edge list (the sum of all neighbour counts).
     *
     * @return the number of edges
     */
    public int getEdgeCount() {
        return edges.length;
    }

    /**
     * Entry {@code i} of the edge list.
     *
     * @param i an entry, from 0
     * @return the neighbour it names
     */
    public int getEdge(int i) {
        return edges[Parms.index(i, edges.length, "i", "edge")];
    }
}
