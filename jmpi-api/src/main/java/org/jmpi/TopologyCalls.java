package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The bodies of the topology constructors: every argument checked, then one native call. */
final class TopologyCalls {
    /** One MPI call that writes its result to {@code out}, with {@code arena} for its arrays. */
    private interface Into {
        int call(Arena arena, MemorySegment out);
    }

    private TopologyCalls() {
    }

    /** The communicator {@code into} creates ({@code call}), labelled {@code label}. */
    private static Comm created(String call, String label, Into into) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(into.call(arena, out), call);
            return Comm.created(out, label);
        }
    }

    /** The rank {@code into} maps this process to ({@code call}), on {@code nodes} nodes. */
    private static int mapped(String call, long nodes, Into into) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(into.call(arena, out), call);
            return mapped(out.get(JAVA_INT, 0), nodes);
        }
    }

    /** Checks that {@code c} is a live intracommunicator, which {@code what} needs. */
    static Comm intra(Comm c, String what) {
        c.check();
        if (c.inter) {
            throw new IllegalStateException(what + " needs an intracommunicator; " + c + " is an intercommunicator");
        }
        return c;
    }

    static Comm cart(Comm c, int[] dims, boolean[] periods, boolean reorder) {
        intra(c, "cartCreate");
        grid(c, dims, periods);
        return created("MPI_Cart_create", "Cartesian grid of " + c.label(), (arena, out) -> MpiCalls.MPI_Cart_create(
                c.handle, dims.length, ints(arena, dims), ints(arena, flags(periods)), reorder ? 1 : 0, out));
    }

    /**
     * The rank MPI would give this process in a grid of {@code dims} on {@code c}
     * ({@code MPI_Cart_map}), or {@link Group#UNDEFINED} outside the grid.
     */
    static int cartMap(Comm c, int[] dims, boolean[] periods) {
        intra(c, "cartMap");
        long nodes = grid(c, dims, periods);
        return mapped("MPI_Cart_map", nodes, (arena, out) -> MpiCalls.MPI_Cart_map(c.handle, dims.length,
                ints(arena, dims), ints(arena, flags(periods)), out));
    }

    /**
     * The rank MPI would give this process in a graph of {@code index} and {@code edges} on
     * {@code c} ({@code MPI_Graph_map}), or {@link Group#UNDEFINED} outside the graph.
     */
    static int graphMap(Comm c, int[] index, int[] edges) {
        intra(c, "graphMap");
        graph(c, index, edges);
        return mapped("MPI_Graph_map", index.length, (arena, out) -> MpiCalls.MPI_Graph_map(c.handle, index.length,
                ints(arena, index), ints(arena, edges), out));
    }

    /** A mapped rank, {@link Group#UNDEFINED} beyond the {@code nodes} nodes ({@link MpiQuirks#MAP_IGNORES_NODE_COUNT}). */
    private static int mapped(int rank, long nodes) {
        return MpiQuirks.MAP_IGNORES_NODE_COUNT && rank >= nodes ? Group.UNDEFINED : rank;
    }

    /** Checks a grid's dimensions and periods for {@code c}; returns its number of processes. */
    private static long grid(Comm c, int[] dims, boolean[] periods) {
        Objects.requireNonNull(dims, "dims");
        Objects.requireNonNull(periods, "periods");
        if (periods.length != dims.length) {
            throw new IllegalArgumentException("periods: length " + periods.length + " differs from the "
                    + dims.length + " dimensions of dims");
        }
        long product = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException("dims[" + i + "]: a dimension must be positive, got " + dims[i]);
            }
            product = Math.min(product * dims[i], Integer.MAX_VALUE + 1L);
        }
        if (product > c.size) {
            throw new IllegalArgumentException("dims: a grid of " + product + " processes does not fit "
                    + c.size + " processes");
        }
        return product;
    }

    static Comm graph(Comm c, int[] index, int[] edges, boolean reorder) {
        intra(c, "graphCreate");
        graph(c, index, edges);
        return created("MPI_Graph_create", "graph of " + c.label(), (arena, out) -> MpiCalls.MPI_Graph_create(
                c.handle, index.length, ints(arena, index), ints(arena, edges), reorder ? 1 : 0, out));
    }

    /** Checks a graph in MPI's compressed form for {@code c}. */
    private static void graph(Comm c, int[] index, int[] edges) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(edges, "edges");
        int nodes = index.length;
        if (nodes > c.size) {
            throw new IllegalArgumentException("index: a graph of " + nodes + " nodes does not fit " + c.size
                    + " processes");
        }
        for (int i = 0; i < nodes; i++) {
            int from = i == 0 ? 0 : index[i - 1];
            if (index[i] < from) {
                throw new IllegalArgumentException("index[" + i + "]: " + index[i] + " is less than " + from
                        + "; index holds running totals of the neighbour counts");
            }
        }
        int total = nodes == 0 ? 0 : index[nodes - 1];
        if (edges.length != total) {
            throw new IllegalArgumentException("edges: length " + edges.length + " differs from index[" + (nodes - 1)
                    + "] = " + total);
        }
        ranks(edges, nodes, "edges");
    }

    static Comm distGraphAdjacent(Comm c, int[] sources, int[] sourceWeights, int[] destinations,
                                  int[] destinationWeights, boolean reorder) {
        intra(c, "distGraphCreateAdjacent");
        ranks(Objects.requireNonNull(sources, "sources"), c.size, "sources");
        ranks(Objects.requireNonNull(destinations, "destinations"), c.size, "destinations");
        weights(sourceWeights, "sourceWeights", sources.length, "sources");
        weights(destinationWeights, "destinationWeights", destinations.length, "destinations");
        return created("MPI_Dist_graph_create_adjacent", "distributed graph of " + c.label(),
                (arena, out) -> MpiCalls.MPI_Dist_graph_create_adjacent(c.handle, sources.length,
                        ints(arena, sources), weights(arena, sourceWeights), destinations.length,
                        ints(arena, destinations), weights(arena, destinationWeights), Handles.INFO_NULL,
                        reorder ? 1 : 0, out));
    }

    static Comm distGraph(Comm c, int[] sources, int[] degrees, int[] destinations, int[] weights,
                          boolean reorder) {
        intra(c, "distGraphCreate");
        ranks(Objects.requireNonNull(sources, "sources"), c.size, "sources");
        long edges = Blocks.counts(degrees, sources.length, "the number of sources", "degrees");
        ranks(Objects.requireNonNull(destinations, "destinations"), c.size, "destinations");
        if (destinations.length != edges) {
            throw new IllegalArgumentException("destinations: length " + destinations.length
                    + " differs from the sum of degrees " + edges);
        }
        weights(weights, "weights", destinations.length, "destinations");
        return created("MPI_Dist_graph_create", "distributed graph of " + c.label(),
                (arena, out) -> MpiCalls.MPI_Dist_graph_create(c.handle, sources.length, ints(arena, sources),
                        ints(arena, degrees), ints(arena, destinations), weights(arena, weights),
                        Handles.INFO_NULL, reorder ? 1 : 0, out));
    }

    static Topology topology(Comm c) {
        c.check();
        MemorySegment status = Scratch.words();
        Errors.check(MpiCalls.MPI_Topo_test(c.handle, status), "MPI_Topo_test");
        return Topology.of(status.get(JAVA_INT, 0));
    }

    /** {@code c}, checked to carry topology {@code kind}. */
    static Comm expect(Comm c, Topology kind) {
        Topology t = topology(c);
        if (t != kind) {
            throw new IllegalStateException(c + " has topology " + t + ", not " + kind);
        }
        return c;
    }

    /** Checks that every entry of {@code ranks} is a rank in {@code [0, size)}. */
    static void ranks(int[] ranks, int size, String arg) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= size) {
                throw new IllegalArgumentException(arg + "[" + i + "]: rank " + ranks[i] + " is not in [0, " + size
                        + ")");
            }
        }
    }

    /** Checks optional weights: null, or one non-negative weight per entry of {@code of}. */
    private static void weights(int[] weights, String arg, int length, String of) {
        if (weights == null) {
            return;
        }
        if (weights.length != length) {
            throw new IllegalArgumentException(arg + ": length " + weights.length + " differs from the " + length
                    + " " + of);
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException(arg + "[" + i + "]: a weight must not be negative, got "
                        + weights[i]);
            }
        }
    }

    /** Weights for MPI: {@code MPI_UNWEIGHTED} for null, {@code MPI_WEIGHTS_EMPTY} for none. */
    private static MemorySegment weights(Arena arena, int[] weights) {
        if (weights == null) {
            return Handles.UNWEIGHTED;
        }
        return weights.length == 0 ? Handles.WEIGHTS_EMPTY : ints(arena, weights);
    }

    /** {@code values} in native memory (at least one int, so MPI never sees a zero-sized block). */
    static MemorySegment ints(Arena arena, int[] values) {
        MemorySegment s = arena.allocate(JAVA_INT, Math.max(1, values.length));
        MemorySegment.copy(values, 0, s, JAVA_INT, 0, values.length);
        return s;
    }

    /** Booleans as MPI's logical ints. */
    static int[] flags(boolean[] values) {
        int[] f = new int[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = values[i] ? 1 : 0;
        }
        return f;
    }
}
