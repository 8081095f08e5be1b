package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * This process's neighbours in a distributed graph ({@link Comm#distGraph()}), read once
 * ({@code MPI_Dist_graph_neighbors_count}, {@code MPI_Dist_graph_neighbors}): the ranks
 * it receives from and sends to, in the order neighbourhood collectives use, and their
 * weights when the graph is weighted.
 */
public final class DistGraphTopology {
    private final boolean weighted;
    private final int[] sources;
    private final int[] sourceWeights;
    private final int[] destinations;
    private final int[] destinationWeights;

    DistGraphTopology(Comm comm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocate(JAVA_INT, 3);
            Errors.check(MpiCalls.MPI_Dist_graph_neighbors_count(comm.handle, n, n.asSlice(4), n.asSlice(8)),
                    "MPI_Dist_graph_neighbors_count");
            int in = n.get(JAVA_INT, 0);
            int out = n.get(JAVA_INT, 4);
            this.weighted = n.get(JAVA_INT, 8) != 0;
            MemorySegment s = arena.allocate(JAVA_INT, Math.max(1, in));
            MemorySegment d = arena.allocate(JAVA_INT, Math.max(1, out));
            MemorySegment sw = weighted ? arena.allocate(JAVA_INT, Math.max(1, in)) : Handles.UNWEIGHTED;
            MemorySegment dw = weighted ? arena.allocate(JAVA_INT, Math.max(1, out)) : Handles.UNWEIGHTED;
            Errors.check(MpiCalls.MPI_Dist_graph_neighbors(comm.handle, in, s, sw, out, d, dw),
                    "MPI_Dist_graph_neighbors");
            this.sources = s.asSlice(0, 4L * in).toArray(JAVA_INT);
            this.destinations = d.asSlice(0, 4L * out).toArray(JAVA_INT);
            this.sourceWeights = weighted ? sw.asSlice(0, 4L * in).toArray(JAVA_INT) : null;
            this.destinationWeights = weighted ? dw.asSlice(0, 4L * out).toArray(JAVA_INT) : null;
        }
    }

    /** The number of processes this one receives from. */
    public int inDegree() {
        return sources.length;
    }

    /** The number of processes this one sends to. */
    public int outDegree() {
        return destinations.length;
    }

    /** Whether the graph was created with weights. */
    public boolean isWeighted() {
        return weighted;
    }

    /** The ranks this process receives from. */
    public int[] sources() {
        return sources.clone();
    }

    /** The ranks this process sends to. */
    public int[] destinations() {
        return destinations.clone();
    }

    /**
     * The weight of each edge from {@link #sources()}.
     *
     * @throws IllegalStateException if the graph is unweighted
     */
    public int[] sourceWeights() {
        return weights(sourceWeights);
    }

    /**
     * The weight of each edge to {@link #destinations()}.
     *
     * @throws IllegalStateException if the graph is unweighted
     */
    public int[] destinationWeights() {
        return weights(destinationWeights);
    }

    private int[] weights(int[] w) {
        if (!weighted) {
            throw new IllegalStateException("the distributed graph is unweighted");
        }
        return w.clone();
    }
}
