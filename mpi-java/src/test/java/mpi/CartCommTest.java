package mpi;

import java.util.stream.IntStream;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cartesian communicators: createDims, the grid, ranks and coordinates, shifts, subgrids, map, duplicates, errors. */
class CartCommTest {

    /** A 2-D grid over every process of {@code comm}, periodic along dimension 0 only. */
    static CartComm grid(Intracomm comm) throws MPIException {
        int[] dims = {0, 0};
        CartComm.createDims(comm.getSize(), dims);
        return comm.createCart(dims, new boolean[] {true, false}, false);
    }

    static int[] dims(CartParms p) {
        return IntStream.range(0, p.getDimCount()).map(p::getDim).toArray();
    }

    static int[] coords(CartParms p) {
        return IntStream.range(0, p.getDimCount()).map(p::getCoord).toArray();
    }

    @MpiTest(np = 1)
    void createDimsFillsTheFreeEntries() throws MPIException {
        TestEnv.world();
        int[] d = {0, 0};
        CartComm.createDims(4, d);
        assertArrayEquals(new int[] {2, 2}, d);
        d = new int[] {0, 0, 0};
        CartComm.createDims(6, d);
        assertArrayEquals(new int[] {3, 2, 1}, d);
        d = new int[] {0, 3, 0};
        CartComm.createDims(12, d);
        assertArrayEquals(new int[] {2, 3, 2}, d);
        d = new int[] {2, 3};
        CartComm.createDims(6, d);
        assertArrayEquals(new int[] {2, 3}, d);
        MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
        try {
            TestEnv.failsWith(MPI.ERR_ARG, () -> CartComm.createDims(0, new int[] {0}));
            TestEnv.failsWith(MPI.ERR_DIMS, () -> CartComm.createDims(6, new int[] {0, -2}));
            TestEnv.failsWith(MPI.ERR_DIMS, () -> CartComm.createDims(7, new int[] {2, 0}));
            TestEnv.failsWith(MPI.ERR_DIMS, () -> CartComm.createDims(6, new int[] {2, 2}));
            TestEnv.failsWith(MPI.ERR_ARG, () -> CartComm.createDims(6, null));
        } finally {
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }
    }

    @MpiTest
    void theGridConvertsRanksAndCoordinates() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        CartComm grid = grid(world);
        try {
            assertEquals(MPI.CART, grid.getTopology());
            assertEquals(n, grid.getSize());
            assertEquals(world.getRank(), grid.getRank(), "no reordering asked");
            CartParms topo = grid.getTopo();
            assertEquals(2, topo.getDimCount());
            int[] d = dims(topo);
            assertEquals(n, d[0] * d[1]);
            assertTrue(topo.getPeriod(0));
            assertFalse(topo.getPeriod(1));
            int me = grid.getRank();
            assertArrayEquals(new int[] {me / d[1], me % d[1]}, coords(topo), "row-major coordinates");
            for (int r = 0; r < n; r++) {
                int[] c = grid.getCoords(r);
                assertArrayEquals(new int[] {r / d[1], r % d[1]}, c);
                assertEquals(r, grid.getRank(c));
            }
            assertEquals(grid.getRank(new int[] {d[0] - 1, 0}), grid.getRank(new int[] {-1, 0}),
                    "a periodic coordinate wraps around");
            assertEquals(grid.getRank(new int[] {0, d[1] - 1}), grid.getRank(new int[] {d[0], d[1] - 1}));
            assertThrows(IndexOutOfBoundsException.class, () -> topo.getDim(2));
        } finally {
            grid.free();
        }
    }

    @MpiTest
    void shiftsFindTheNeighboursAndCarryMessages() throws MPIException {
        Intracomm world = TestEnv.world();
        CartComm grid = grid(world);
        try {
            int[] d = dims(grid.getTopo());
            int me = grid.getRank();
            int row = me / d[1];
            int col = me % d[1];
            ShiftParms down = grid.shift(0, 1);
            assertEquals(Math.floorMod(row + 1, d[0]) * d[1] + col, down.getRankDest());
            assertEquals(Math.floorMod(row - 1, d[0]) * d[1] + col, down.getRankSource());
            ShiftParms right = grid.shift(1, 1);
            assertEquals(col + 1 < d[1] ? me + 1 : MPI.PROC_NULL, right.getRankDest());
            assertEquals(col > 0 ? me - 1 : MPI.PROC_NULL, right.getRankSource());
            ShiftParms left = grid.shift(1, -1);
            assertEquals(right.getRankSource(), left.getRankDest());
            assertEquals(right.getRankDest(), left.getRankSource());
            ShiftParms two = grid.shift(0, 2);
            assertEquals(Math.floorMod(row + 2, d[0]) * d[1] + col, two.getRankDest());

            int[] got = {-7};
            grid.sendRecv(new int[] {me}, 1, MPI.INT, right.getRankDest(), 5, got, 1, MPI.INT,
                    right.getRankSource(), 5);
            assertEquals(col > 0 ? me - 1 : -7, got[0], "PROC_NULL leaves the buffer alone");
            grid.sendRecv(new int[] {me}, 1, MPI.INT, down.getRankDest(), 6, got, 1, MPI.INT, down.getRankSource(), 6);
            assertEquals(down.getRankSource(), got[0]);
        } finally {
            grid.free();
        }
    }

    @MpiTest
    void subgridsKeepTheRemainingDimensions() throws MPIException {
        Intracomm world = TestEnv.world();
        CartComm grid = grid(world);
        try {
            int[] d = dims(grid.getTopo());
            int me = grid.getRank();
            CartComm row = grid.sub(new boolean[] {false, true});
            CartComm column = grid.sub(new boolean[] {true, false});
            try {
                assertEquals(d[1], row.getSize());
                assertEquals(me % d[1], row.getRank());
                CartParms rt = row.getTopo();
                assertEquals(1, rt.getDimCount());
                assertEquals(d[1], rt.getDim(0));
                assertFalse(rt.getPeriod(0));
                assertEquals(me % d[1], rt.getCoord(0));
                assertEquals(d[0], column.getSize());
                assertEquals(me / d[1], column.getRank());
                assertTrue(column.getTopo().getPeriod(0));
                int[] sum = {0};
                row.allReduce(new int[] {me}, sum, 1, MPI.INT, MPI.SUM);
                int first = me / d[1] * d[1];
                assertEquals(d[1] * first + d[1] * (d[1] - 1) / 2, sum[0], "the row holds the ranks of my row");
            } finally {
                row.free();
                column.free();
            }
        } finally {
            grid.free();
        }
    }

    @MpiTest
    void mapAndDuplicatesKeepTheGrid() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        CartComm grid = grid(world);
        try {
            int mapped = grid.map(new int[] {n}, new boolean[] {false});
            assertTrue(mapped >= 0 && mapped < n, "mapped to " + mapped);
            int one = grid.map(new int[] {1}, new boolean[] {true});
            if (world.getRank() == 0) {
                assertEquals(0, one);
            } else {
                assertEquals(MPI.UNDEFINED, one, "a grid of one process leaves the others out");
            }
            CartParms topo = grid.getTopo();
            CartComm dup = grid.dup();
            CartComm clone = grid.clone();
            CartComm withInfo = grid.dupWithInfo(MPI.INFO_NULL);
            CartComm idup = grid.iDup();
            idup.getRequest().waitFor();
            for (CartComm c : new CartComm[] {dup, clone, withInfo, idup}) {
                assertNotSame(grid, c);
                assertEquals(MPI.CART, c.getTopology());
                assertArrayEquals(dims(topo), dims(c.getTopo()));
                assertArrayEquals(coords(topo), coords(c.getTopo()));
                assertEquals(MPI.CONGRUENT, Comm.compare(grid, c));
                c.free();
                assertTrue(c.isNull());
            }
        } finally {
            grid.free();
        }
    }

    @MpiTest
    void badArgumentsFailWithTheirErrorClass() throws MPIException {
        Intracomm returning = TestEnv.returning();
        int n = returning.getSize();
        CartComm grid = returning.createCart(new int[] {n}, new boolean[] {false}, false);
        assertEquals(MPI.ERRORS_RETURN, grid.getErrhandler(), "inherited from the returning communicator");
        TestEnv.failsWith(MPI.ERR_RANK, () -> grid.getCoords(n));
        TestEnv.failsWith(MPI.ERR_RANK, () -> grid.getCoords(-1));
        TestEnv.failsWith(MPI.ERR_DIMS, () -> grid.shift(1, 1));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.getRank(null));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.getRank(new int[] {0, 0}));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.getRank(new int[] {n}));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.sub(null));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.sub(new boolean[] {true, true}));
        TestEnv.failsWith(MPI.ERR_ARG, () -> grid.map(null, new boolean[] {true}));
        assertThrows(MPIException.class, () -> grid.map(new int[] {n + 1}, new boolean[] {false}));
        grid.free();
        TestEnv.failsWith(MPI.ERR_COMM, grid::getTopo);
        TestEnv.failsWith(MPI.ERR_COMM, () -> grid.shift(0, 1));
        returning.free();
    }

    @MpiTest
    void jacobiHaloExchangeMatchesTheSerialSweep() throws MPIException {
        Intracomm world = TestEnv.world();
        int[] d = {0, 0};
        CartComm.createDims(world.getSize(), d);
        CartComm grid = world.createCart(d, new boolean[] {false, false}, true);
        try {
            Jacobi local = new Jacobi(grid, 5, 4);
            double[] serial = Jacobi.serial(d[0] * 5, d[1] * 4, 30);
            double residual = 0;
            for (int it = 0; it < 30; it++) {
                residual = local.step();
            }
            local.assertBlockOf(serial);
            double[] all = {0};
            grid.allReduce(new double[] {residual}, all, 1, MPI.DOUBLE, MPI.MAX);
            assertTrue(all[0] > 0, "still converging after 30 sweeps");
        } finally {
            grid.free();
        }
    }
}
