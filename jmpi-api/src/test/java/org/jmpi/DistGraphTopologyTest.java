package org.jmpi;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Distributed graph topologies, adjacent and general, weighted and not, and their checks. */
class DistGraphTopologyTest {

    /** The ranks 1 and 2 below this one, modulo the size. */
    static int[] behind(Comm world) {
        int n = world.size();
        return new int[] {(world.rank() + n - 1) % n, (world.rank() + n - 2) % n};
    }

    /** The ranks 1 and 2 above this one, modulo the size. */
    static int[] ahead(Comm world) {
        int n = world.size();
        return new int[] {(world.rank() + 1) % n, (world.rank() + 2) % n};
    }

    @MpiTest
    void adjacentKeepsOrderAndWeights() {
        Comm world = TestMpi.world();
        int[] sources = behind(world);
        int[] destinations = ahead(world);
        int[] sw = {1000 + sources[0], 2000 + sources[1]};
        int[] dw = {3000 + destinations[0], 4000 + destinations[1]};
        try (Comm g = world.distGraphCreateAdjacent(sources, sw, destinations, dw, false)) {
            assertEquals(Topology.DIST_GRAPH, g.topology());
            DistGraphTopology d = g.distGraph();
            assertTrue(d.isWeighted());
            assertEquals(2, d.inDegree());
            assertEquals(2, d.outDegree());
            assertArrayEquals(sources, d.sources());
            assertArrayEquals(destinations, d.destinations());
            assertArrayEquals(sw, d.sourceWeights());
            assertArrayEquals(dw, d.destinationWeights());
        }
        try (Comm g = world.distGraphCreateAdjacent(sources, null, new int[0], null, false)) {
            DistGraphTopology d = g.distGraph();
            assertFalse(d.isWeighted());
            assertEquals(0, d.outDegree());
            assertArrayEquals(sources, d.sources());
            Checks.fails(IllegalStateException.class, "unweighted", d::sourceWeights);
        }
    }

    @MpiTest
    void generalFormGathersEachProcesssNeighbours() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        boolean all = r == 0;
        int[] sources = all ? Checks.fill(n, i -> i) : new int[0];
        int[] degrees = all ? Checks.fill(n, i -> 1) : new int[0];
        int[] destinations = all ? Checks.fill(n, i -> (i + 1) % n) : new int[0];
        int[] weights = all ? Checks.fill(n, i -> 10 + i) : new int[0];
        try (Comm g = world.distGraphCreate(sources, degrees, destinations, weights, false)) {
            DistGraphTopology d = g.distGraph();
            assertTrue(d.isWeighted());
            assertArrayEquals(new int[] {(r + n - 1) % n}, d.sources());
            assertArrayEquals(new int[] {10 + (r + n - 1) % n}, d.sourceWeights());
            assertArrayEquals(new int[] {(r + 1) % n}, d.destinations());
            assertArrayEquals(new int[] {10 + r}, d.destinationWeights());
        }
    }

    @MpiTest
    void badArguments() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[] one = {0};
        Checks.fails(IllegalArgumentException.class, "sourceWeights: length 2 differs from the 1 sources",
                () -> world.distGraphCreateAdjacent(one, new int[2], one, null, false));
        Checks.fails(IllegalArgumentException.class, "destinationWeights[0]: a weight must not be negative",
                () -> world.distGraphCreateAdjacent(one, null, one, new int[] {-1}, false));
        Checks.fails(IllegalArgumentException.class, "destinations[0]: rank " + n + " is not in [0, " + n + ")",
                () -> world.distGraphCreateAdjacent(one, null, new int[] {n}, null, false));
        Checks.fails(IllegalArgumentException.class, "sources[0]: rank -1",
                () -> world.distGraphCreate(new int[] {-1}, one, one, null, false));
        Checks.fails(IllegalArgumentException.class, "degrees: length 2 differs from the number of sources 1",
                () -> world.distGraphCreate(one, new int[2], one, null, false));
        Checks.fails(IllegalArgumentException.class, "degrees[0]: count must not be negative",
                () -> world.distGraphCreate(one, new int[] {-1}, new int[0], null, false));
        Checks.fails(IllegalArgumentException.class, "destinations: length 1 differs from the sum of degrees 2",
                () -> world.distGraphCreate(one, new int[] {2}, one, null, false));
        Checks.fails(IllegalArgumentException.class, "weights: length 2 differs from the 1 destinations",
                () -> world.distGraphCreate(one, new int[] {1}, one, new int[2], false));
        Checks.fails(IllegalStateException.class, "has topology NONE, not DIST_GRAPH", world::distGraph);
    }
}
