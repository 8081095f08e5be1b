package org.jmpi;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Graph topologies (every process knows the whole graph): round trip, neighbours, graphMap, checks. */
class GraphTopologyTest {

    /** A ring: node i's neighbours are i - 1 and i + 1 (a multigraph at 1 and 2 nodes). */
    static int[][] ring(int n) {
        int[] index = new int[n];
        int[] edges = new int[2 * n];
        for (int i = 0; i < n; i++) {
            index[i] = 2 * (i + 1);
            edges[2 * i] = (i + n - 1) % n;
            edges[2 * i + 1] = (i + 1) % n;
        }
        return new int[][] {index, edges};
    }

    @MpiTest
    void ringRoundTripAndNeighbours() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[][] ring = ring(n);
        try (Comm g = world.graphCreate(ring[0], ring[1], false)) {
            assertEquals(Topology.GRAPH, g.topology());
            GraphTopology graph = g.graph();
            assertEquals(n, graph.nodes());
            assertArrayEquals(ring[0], graph.index());
            assertArrayEquals(ring[1], graph.edges());
            for (int r = 0; r < n; r++) {
                assertEquals(2, graph.neighborsCount(r));
                assertArrayEquals(new int[] {(r + n - 1) % n, (r + 1) % n}, graph.neighbors(r));
            }
            int[] sum = {g.rank()};
            g.allreduce(sum, Op.SUM);
            assertEquals(n * (n - 1) / 2, sum[0]);
        }
    }

    @MpiTest
    void aSmallerGraphLeavesRanksOut() {
        Comm world = TestMpi.world();
        int n = world.size();
        int nodes = Math.max(1, n - 1);
        int[][] ring = ring(nodes);
        try (Comm g = world.graphCreate(ring[0], ring[1], false)) {
            if (world.rank() < nodes) {
                assertArrayEquals(new int[] {(world.rank() + nodes - 1) % nodes, (world.rank() + 1) % nodes},
                        g.graph().neighbors(g.rank()));
            } else {
                assertNull(g);
            }
        }
    }

    /**
     * MPI_Graph_map: the ranks the processes would get in a graph are each of its nodes
     * once; the processes beyond the graph get UNDEFINED (corrected on Open MPI 4.1).
     */
    @MpiTest
    void graphMapPlacesEachNodeOnce() {
        Comm world = TestMpi.world();
        int n = world.size();
        for (int nodes : new int[] {n, Math.max(1, n - 1)}) {
            int[][] ring = ring(nodes);
            CartTopologyTest.assertMapping(world, world.graphMap(ring[0], ring[1]), nodes);
        }
        CartTopologyTest.assertMapping(world, world.graphMap(new int[] {0}, new int[0]), 1);
        int[][] ring = ring(n);
        try (Comm g = world.graphCreate(ring[0], ring[1], false)) {
            CartTopologyTest.assertMapping(g, g.graphMap(ring[0], ring[1]), n);
        }
        Checks.fails(IllegalArgumentException.class, "index: a graph of " + (n + 1) + " nodes does not fit",
                () -> world.graphMap(new int[n + 1], new int[0]));
        Checks.fails(IllegalArgumentException.class, "edges[0]: rank 1 is not in [0, 1)",
                () -> world.graphMap(new int[] {1}, new int[] {1}));
        Checks.fails(NullPointerException.class, "index", () -> world.graphMap(null, new int[0]));
    }

    @MpiTest
    void badArguments() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[][] ring = ring(n);
        Checks.fails(IllegalArgumentException.class, "index: a graph of " + (n + 1) + " nodes does not fit",
                () -> world.graphCreate(new int[n + 1], new int[0], false));
        Checks.fails(IllegalArgumentException.class, "index[0]: -1 is less than 0",
                () -> world.graphCreate(new int[] {-1}, new int[0], false));
        Checks.fails(IllegalArgumentException.class, "edges: length " + (2 * n - 1) + " differs from index["
                + (n - 1) + "] = " + 2 * n, () -> world.graphCreate(ring[0], new int[2 * n - 1], false));
        int[] far = ring[1].clone();
        far[1] = n;
        Checks.fails(IllegalArgumentException.class, "edges[1]: rank " + n + " is not in [0, " + n + ")",
                () -> world.graphCreate(ring[0], far, false));
        Checks.fails(NullPointerException.class, "edges", () -> world.graphCreate(ring[0], null, false));
        try (Comm g = world.graphCreate(ring[0], ring[1], false)) {
            GraphTopology graph = g.graph();
            Checks.fails(IllegalArgumentException.class, "rank: " + n + " is not a node of the graph",
                    () -> graph.neighbors(n));
            Checks.fails(IllegalStateException.class, "has topology GRAPH, not DIST_GRAPH", g::distGraph);
        }
    }
}
