package mpi;

/**
 * The calling process's neighbours in a distributed graph, as
 * {@link GraphComm#getDistGraphNeighbors()} reads them: the processes it receives from
 * (sources) and sends to (destinations), in the order neighbourhood collectives use, and
 * the weights of these edges when the graph was created with weights.
 */
public final class DistGraphNeighbors {
    private final int[] sources;
    private final int[] sourceWeights;
    private final int[] destinations;
    private final int[] destWeights;
    private final boolean weighted;

    /**
     * The neighbours of a process; the arrays are copied. The weight arrays may be null
     * when {@code weighted} is false.
     *
     * @param sources       the ranks the process receives from
     * @param sourceWeights the weights of those edges
     * @param destinations  the ranks the process sends to
     * @param destWeights   the weights of those edges
     * @param weighted      whether the graph has weights
     */
    protected DistGraphNeighbors(int[] sources, int[] sourceWeights, int[] destinations, int[] destWeights,
                                 boolean weighted) {
        if (sources == null || destinations == null) {
            throw new IllegalArgumentException("sources and destinations must not be null");
        }
        if (weighted && (sourceWeights == null || sourceWeights.length != sources.length
                || destWeights == null || destWeights.length != destinations.length)) {
            throw new IllegalArgumentException("a weighted graph needs one weight per source and per destination");
        }
        this.sources = sources.clone();
        this.destinations = destinations.clone();
        this.sourceWeights = weighted ? sourceWeights.clone() : null;
        this.destWeights = weighted ? destWeights.clone() : null;
        this.weighted = weighted;
    }

    /**
     * The number of processes this one receives from.
     *
     * @return the in-degree
     */
    public int getInDegree() {
        return sources.length;
    }

    /**
     * The number of processes this one sends to.
     *
     * @return the out-degree
     */
    public int getOutDegree() {
        return destinations.length;
    }

    /**
     * Whether the graph was created with edge weights.
     *
     * @return whether it is weighted
     */
    public boolean isWeighted() {
        return weighted;
    }

    /**
     * The {@code i}-th process this one receives from.
     *
     * @param i an index below {@link #getInDegree()}
     * @return its rank
     */
    public int getSource(int i) {
        return sources[Parms.index(i, sources.length, "i", "source")];
    }

    /**
     * The weight of the edge from the {@code i}-th source.
     *
     * @param i an index below {@link #getInDegree()}
     * @return the weight
     * @throws IllegalStateException if the graph has no weights
     */
    public int getSourceWeight(int i) {
        return weights(sourceWeights)[Parms.index(i, sources.length, "i", "source")];
    }

    /**
     * The {@code i}-th process this one sends to.
     *
     * @param i an index below {@link #getOutDegree()}
     * @return its rank
     */
    public int getDestination(int i) {
        return destinations[Parms.index(i, destinations.length, "i", "destination")];
    }

    /**
     * The weight of the edge to the {@code i}-th destination.
     *
     * @param i an index below {@link #getOutDegree()}
     * @return the weight
     * @throws IllegalStateException if the graph has no weights
     */
    public int getDestinationWeight(int i) {
        return weights(destWeights)[Parms.index(i, destinations.length, "i", "destination")];
    }

    private int[] weights(int[] w) {
        if (!weighted) {
            throw new IllegalStateException("the distributed graph was created without weights (MPI_UNWEIGHTED)");
        }
        return w;
    }
}
