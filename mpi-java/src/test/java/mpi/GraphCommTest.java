package mpi;

import java.util.stream.IntStream;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph and distributed graph communicators: the graph, neighbours, weights, map, duplicates, errors. */
class GraphCommTest {

    /** A ring of {@code n} nodes in compressed form: node i neighbours i-1 and i+1 (once each, n > 2). */
    static int[][] ring(int n) {
        int[] index = new int[n];
        int[] edges = new int[n == 1 ? 0 : n == 2 ? 2 : 2 * n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (n == 2) {
                edges[e++] = 1 - i;
            } else if (n > 2) {
                edges[e++] = (i - 1 + n) % n;
                edges[e++] = (i + 1) % n;
            }
            index[i] = e;
        }
        return new int[][] {index, edges};
    }

    static int[] sources(DistGraphNeighbors d) {
        return IntStream.range(0, d.getInDegree()).map(d::getSource).toArray();
    }

    static int[] destinations(DistGraphNeighbors d) {
        return IntStream.range(0, d.getOutDegree()).map(d::getDestination).toArray();
    }

    @MpiTest
    void aGraphKnowsEveryNodesNeighbours() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int[][] ring = ring(n);
        GraphComm graph = world.createGraph(ring[0], ring[1], false);
        try {
            assertEquals(MPI.GRAPH, graph.getTopology());
            GraphParms p = graph.getDims();
            assertEquals(n, p.getIndexCount());
            assertEquals(ring[1].length, p.getEdgeCount());
            for (int i = 0; i < n; i++) {
                assertEquals(ring[0][i], p.getIndex(i));
            }
            for (int i = 0; i < ring[1].length; i++) {
                assertEquals(ring[1][i], p.getEdge(i));
            }
            for (int r = 0; r < n; r++) {
                int from = r == 0 ? 0 : ring[0][r - 1];
                int[] expected = java.util.Arrays.copyOfRange(ring[1], from, ring[0][r]);
                assertArrayEquals(expected, graph.getNeighbors(r), "neighbours of " + r);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> p.getIndex(n));
            assertThrows(IndexOutOfBoundsException.class, () -> p.getEdge(-1));
        } finally {
            graph.free();
        }
    }

    @MpiTest
    void mapAndDuplicatesKeepTheGraph() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int[][] ring = ring(n);
        GraphComm graph = world.createGraph(ring[0], ring[1], false);
        try {
            int mapped = graph.map(ring[0], ring[1]);
            assertTrue(mapped >= 0 && mapped < n, "mapped to " + mapped);
            int alone = graph.map(new int[] {0}, new int[0]);
            assertEquals(world.getRank() == 0 ? 0 : MPI.UNDEFINED, alone, "a graph of one node leaves the rest out");
            GraphComm dup = graph.dup();
            GraphComm clone = graph.clone();
            GraphComm withInfo = graph.dupWithInfo(MPI.INFO_NULL);
            GraphComm idup = graph.iDup();
            idup.getRequest().waitFor();
            for (GraphComm c : new GraphComm[] {dup, clone, withInfo, idup}) {
                assertEquals(MPI.GRAPH, c.getTopology());
                assertEquals(ring[1].length, c.getDims().getEdgeCount());
                assertArrayEquals(graph.getNeighbors(world.getRank()), c.getNeighbors(world.getRank()));
                c.free();
            }
        } finally {
            graph.free();
        }
    }

    @MpiTest
    void adjacentDistGraphReportsItsWeightedNeighbours() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        int next = (me + 1) % n;
        int prev = (me - 1 + n) % n;
        GraphComm dist = world.createDistGraphAdjacent(new int[] {prev}, new int[] {10 + prev},
                new int[] {next}, new int[] {10 + me}, MPI.INFO_NULL, false);
        try {
            assertEquals(MPI.DIST_GRAPH, dist.getTopology());
            DistGraphNeighbors nb = dist.getDistGraphNeighbors();
            assertTrue(nb.isWeighted());
            assertEquals(1, nb.getInDegree());
            assertEquals(1, nb.getOutDegree());
            assertEquals(prev, nb.getSource(0));
            assertEquals(10 + prev, nb.getSourceWeight(0));
            assertEquals(next, nb.getDestination(0));
            assertEquals(10 + me, nb.getDestinationWeight(0));
            assertThrows(IndexOutOfBoundsException.class, () -> nb.getSource(1));
            int[] got = {-1};
            dist.neighborAllGather(new int[] {me}, 1, MPI.INT, got, 1, MPI.INT);
            assertEquals(prev, got[0], "the neighbourhood collective follows the graph");
            GraphComm dup = dist.dup();
            assertArrayEquals(sources(nb), sources(dup.getDistGraphNeighbors()));
            dup.free();
        } finally {
            dist.free();
        }
    }

    @MpiTest
    void distGraphGathersTheEdgesAnyProcessNames() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        GraphComm dist = world.createDistGraph(new int[] {me}, new int[] {2},
                new int[] {(me + 1) % n, (me + 2) % n}, MPI.INFO_NULL, false);
        try {
            DistGraphNeighbors nb = dist.getDistGraphNeighbors();
            assertFalse(nb.isWeighted());
            int[] in = sources(nb);
            java.util.Arrays.sort(in);
            int[] expected = {(me - 1 + n) % n, (me - 2 + 2 * n) % n};
            java.util.Arrays.sort(expected);
            assertArrayEquals(expected, in);
            int[] out = destinations(nb);
            java.util.Arrays.sort(out);
            int[] expectedOut = {(me + 1) % n, (me + 2) % n};
            java.util.Arrays.sort(expectedOut);
            assertArrayEquals(expectedOut, out);
            assertThrows(IllegalStateException.class, () -> nb.getSourceWeight(0));
            assertThrows(IllegalStateException.class, () -> nb.getDestinationWeight(0));
        } finally {
            dist.free();
        }
    }

    @MpiTest
    void callsOfTheOtherKindOfGraphFailWithErrTopology() throws MPIException {
        Intracomm returning = TestEnv.returning();
        int n = returning.getSize();
        int me = returning.getRank();
        int[][] ring = ring(n);
        GraphComm graph = returning.createGraph(ring[0], ring[1], false);
        GraphComm dist = returning.createDistGraphAdjacent(new int[] {me}, new int[] {me}, MPI.INFO_NULL, false);
        TestEnv.failsWith(MPI.ERR_TOPOLOGY, graph::getDistGraphNeighbors);
        TestEnv.failsWith(MPI.ERR_TOPOLOGY, dist::getDims);
        TestEnv.failsWith(MPI.ERR_TOPOLOGY, () -> dist.getNeighbors(0));
        TestEnv.failsWith(MPI.ERR_RANK, () -> graph.getNeighbors(n));
        TestEnv.failsWith(MPI.ERR_RANK, () -> graph.getNeighbors(-1));
        TestEnv.failsWith(MPI.ERR_ARG, () -> graph.map(null, ring[1]));
        TestEnv.failsWith(MPI.ERR_ARG, () -> graph.map(ring[0], null));
        assertThrows(MPIException.class, () -> graph.map(new int[n + 1], new int[0]));
        DistGraphNeighbors self = dist.getDistGraphNeighbors();
        assertEquals(me, self.getSource(0));
        assertFalse(self.isWeighted());
        graph.free();
        dist.free();
        TestEnv.failsWith(MPI.ERR_COMM, graph::getDims);
        returning.free();
    }
}
