package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cartesian topologies: dimsCreate, coordinates, shifts, subgrids, cartMap and the argument checks. */
class CartTopologyTest {

    @MpiTest(np = 1)
    void dimsCreateBalancesTheFreeDimensions() {
        TestMpi.mpi();
        assertArrayEquals(new int[] {2, 2}, CartTopology.dimsCreate(4, 0, 0));
        assertArrayEquals(new int[] {3, 2, 1}, CartTopology.dimsCreate(6, 0, 0, 0));
        assertArrayEquals(new int[] {2, 3, 2}, CartTopology.dimsCreate(12, 0, 3, 0));
        assertArrayEquals(new int[] {7}, CartTopology.dimsCreate(7, 0));
        assertArrayEquals(new int[] {2, 3}, CartTopology.dimsCreate(6, 2, 3));
        Checks.fails(IllegalArgumentException.class, "nnodes: must be positive", () -> CartTopology.dimsCreate(0, 0));
        Checks.fails(IllegalArgumentException.class, "dims[1] must not be negative",
                () -> CartTopology.dimsCreate(6, 0, -2));
        Checks.fails(IllegalArgumentException.class, "product 2) cannot make a grid of 7",
                () -> CartTopology.dimsCreate(7, 2, 0));
        Checks.fails(IllegalArgumentException.class, "product 4) cannot make a grid of 6",
                () -> CartTopology.dimsCreate(6, 2, 2));
    }

    @MpiTest
    void coordinatesRanksAndShifts() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[] dims = CartTopology.dimsCreate(n, 0, 0);
        try (Comm grid = world.cartCreate(dims, new boolean[] {true, false}, false)) {
            assertEquals(Topology.CART, grid.topology());
            assertEquals(world.rank(), grid.rank());
            CartTopology cart = grid.cart();
            assertEquals(2, cart.ndims());
            assertArrayEquals(dims, cart.dims());
            assertArrayEquals(new boolean[] {true, false}, cart.periods());
            int[] me = cart.coords();
            assertArrayEquals(new int[] {grid.rank() / dims[1], grid.rank() % dims[1]}, me);
            for (int r = 0; r < n; r++) {
                assertEquals(r, cart.rank(cart.coords(r)));
            }
            assertEquals(cart.rank(dims[0] - 1, me[1]), cart.rank(-1, me[1]), "periodic dimension wraps");
            CartTopology.Shift down = cart.shift(0, 1);
            assertEquals(cart.rank(Math.floorMod(me[0] + 1, dims[0]), me[1]), down.dest());
            assertEquals(cart.rank(Math.floorMod(me[0] - 1, dims[0]), me[1]), down.source());
            CartTopology.Shift right = cart.shift(1, 1);
            assertEquals(me[1] + 1 < dims[1] ? grid.rank() + 1 : Comm.PROC_NULL, right.dest());
            assertEquals(me[1] > 0 ? grid.rank() - 1 : Comm.PROC_NULL, right.source());
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment got = arena.allocateFrom(JAVA_INT, -1);
                grid.sendrecv(arena.allocateFrom(JAVA_INT, grid.rank()), Datatype.INT, right.dest(), 0, got,
                        Datatype.INT, right.source(), 0);
                assertEquals(right.source() == Comm.PROC_NULL ? -1 : right.source(), got.get(JAVA_INT, 0));
            }
        }
    }

    @MpiTest
    void subgridsKeepTheChosenDimensions() {
        Comm world = TestMpi.world();
        int[] dims = CartTopology.dimsCreate(world.size(), 0, 0);
        try (Comm grid = world.cartCreate(dims, new boolean[2], false); Comm row = grid.cart().sub(false, true)) {
            int[] me = grid.cart().coords();
            assertEquals(dims[1], row.size());
            assertEquals(me[1], row.rank());
            assertArrayEquals(new int[] {dims[1]}, row.cart().dims());
            int[] sum = {world.rank()};
            row.allreduce(sum, Op.SUM);
            int first = me[0] * dims[1];
            assertEquals(dims[1] * first + dims[1] * (dims[1] - 1) / 2, sum[0]);
        }
    }

    @MpiTest
    void aSmallerGridLeavesRanksOut() {
        Comm world = TestMpi.world();
        int n = world.size();
        int used = Math.max(1, n - 1);
        try (Comm line = world.cartCreate(new int[] {used}, new boolean[] {true}, false)) {
            if (world.rank() < used) {
                assertNotNull(line);
                assertEquals(used, line.size());
                assertEquals(world.rank(), line.cart().coords()[0]);
            } else {
                assertNull(line, "rank " + world.rank() + " is outside a grid of " + used);
            }
        }
        assertEquals(Topology.NONE, world.topology());
        Checks.fails(IllegalStateException.class, "has topology NONE, not CART", world::cart);
    }

    /**
     * MPI_Cart_map: the ranks the processes would get in a grid are each of the grid's ranks
     * once, and the processes beyond the grid get UNDEFINED (Open MPI 4.1 answers the
     * caller's own rank there, which jmpi corrects), on a plain and on a Cartesian communicator.
     */
    @MpiTest
    void cartMapPlacesEachProcessOfTheGridOnce() {
        Comm world = TestMpi.world();
        int n = world.size();
        for (int nodes : new int[] {n, Math.max(1, n - 1), 1}) {
            int[] dims = CartTopology.dimsCreate(nodes, 0, 0);
            assertMapping(world, world.cartMap(dims, new boolean[] {false, true}), nodes);
        }
        try (Comm ring = world.cartCreate(new int[] {n}, new boolean[] {true}, false)) {
            assertMapping(ring, ring.cartMap(new int[] {n}, new boolean[] {true}), n);
            assertMapping(ring, ring.cartMap(new int[] {1, 1}, new boolean[] {false, false}), 1);
        }
        Checks.fails(IllegalArgumentException.class, "dims: a grid of " + (n + 1) + " processes does not fit " + n,
                () -> world.cartMap(new int[] {n + 1}, new boolean[1]));
        Checks.fails(IllegalArgumentException.class, "dims[0]: a dimension must be positive, got 0",
                () -> world.cartMap(new int[] {0}, new boolean[1]));
        Checks.fails(IllegalArgumentException.class, "periods: length 1 differs from the 2 dimensions",
                () -> world.cartMap(new int[] {1, 1}, new boolean[1]));
        Checks.fails(NullPointerException.class, "periods", () -> world.cartMap(new int[] {1}, null));
    }

    /** Asserts that the ranks {@code mapped} on every process of {@code comm} are 0..nodes-1 once each, UNDEFINED elsewhere. */
    static void assertMapping(Comm comm, int mapped, int nodes) {
        int[] all = new int[comm.size()];
        comm.allgather(new int[] {mapped}, all);
        int[] placed = Arrays.stream(all).filter(r -> r != Group.UNDEFINED).sorted().toArray();
        assertArrayEquals(IntStream.range(0, nodes).toArray(), placed, "mapped ranks " + Arrays.toString(all));
    }

    @MpiTest
    void badArguments() {
        Comm world = TestMpi.world();
        int n = world.size();
        Checks.fails(IllegalArgumentException.class, "dims: a grid of " + (n + 1) + " processes does not fit " + n,
                () -> world.cartCreate(new int[] {n + 1}, new boolean[1], false));
        Checks.fails(IllegalArgumentException.class, "dims[1]: a dimension must be positive, got -2",
                () -> world.cartCreate(new int[] {1, -2}, new boolean[2], false));
        Checks.fails(IllegalArgumentException.class, "dims[0]: a dimension must be positive, got 0",
                () -> world.cartCreate(new int[] {0}, new boolean[1], false));
        Checks.fails(IllegalArgumentException.class, "periods: length 2 differs from the 1 dimensions",
                () -> world.cartCreate(new int[] {n}, new boolean[2], false));
        Checks.fails(NullPointerException.class, "dims", () -> world.cartCreate(null, new boolean[0], false));
        Comm grid = world.cartCreate(new int[] {n, 1}, new boolean[] {false, false}, false);
        CartTopology cart = grid.cart();
        Checks.fails(IllegalArgumentException.class, "coords: length 1 differs from the 2 dimensions",
                () -> cart.rank(0));
        Checks.fails(IllegalArgumentException.class, "coords[0]: " + n + " is not in [0, " + n + ")",
                () -> cart.rank(n, 0));
        Checks.fails(IllegalArgumentException.class, "rank: " + n + " is not in [0, " + n + ")",
                () -> cart.coords(n));
        Checks.fails(IllegalArgumentException.class, "direction: 2 is not a dimension in [0, 2)",
                () -> cart.shift(2, 1));
        Checks.fails(IllegalArgumentException.class, "direction: -1", () -> cart.shift(-1, 1));
        Checks.fails(IllegalArgumentException.class, "remainDims: length 1", () -> cart.sub(true));
        Checks.fails(IllegalStateException.class, "has topology CART, not GRAPH", grid::graph);
        grid.close();
        Checks.fails(IllegalStateException.class, "has been freed", () -> cart.coords(0));
        Checks.fails(IllegalStateException.class, "has been freed", grid::cart);
    }
}
