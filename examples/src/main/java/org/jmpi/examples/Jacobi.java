package org.jmpi.examples;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;

/**
 * 2-D Jacobi iteration for the Laplace equation (steady heat) on an N x N interior grid
 * with fixed boundary values: the top edge at 1, the other edges at 0.
 *
 * <pre>
 * native-scripts/jmpirun --oversubscribe -np 4 org.jmpi.examples.Jacobi [N] [max-iterations] [tolerance]
 * </pre>
 * (defaults 64, 10000 and 1e-5).
 *
 * <p>The Java twin of {@code examples/src/main/c/jacobi.c}: the same arithmetic in the
 * same order, so the output of both is identical to the last bit. The interior is split
 * over a {@code py x px} process grid ({@code py >= px}, as square as possible, as
 * {@code MPI_Dims_create} would), ranks in row-major order; halos are exchanged with
 * {@link Comm#sendrecv} (rows as slices of the grid, columns packed into contiguous
 * segments) and {@link Comm#PROC_NULL} at the edges. The residual, the 2-norm of one
 * sweep's change, is an {@link Comm#allreduce} sum of the ranks' partial sums every
 * iteration; the iteration stops below the tolerance or at the maximum. The checksum sums
 * the final interior on rank 0 in global row-major order after a {@link Comm#gather}, so
 * it does not depend on the number of ranks.
 */
public final class Jacobi {
    private Jacobi() {
    }

    /** Entry point of every rank; exits with 2 on bad arguments, as the C twin does. */
    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int run(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int maxIterations = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-5;
        try (Mpi mpi = Mpi.init(); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            if (n < 1 || maxIterations < 1 || !(tolerance > 0)) {
                return usage(world, "usage: Jacobi [N >= 1] [max-iterations >= 1] [tolerance > 0]");
            }
            Decomposition dec = Decomposition.of(n, world.size(), world.rank());
            if (dec.py > n || dec.px > n) {
                return usage(world, "jacobi: %d x %d ranks do not fit a %d x %d grid".formatted(dec.py, dec.px, n, n));
            }
            Result result = new Solver(world, dec, arena).solve(maxIterations, tolerance);
            double[] grid = gather(world, dec, result.u, arena);
            if (grid != null) {
                double checksum = 0.0;
                for (double v : grid) {
                    checksum += v;
                }
                System.out.printf("grid %d x %d on %d x %d ranks%n", n, n, dec.py, dec.px);
                System.out.printf("iterations %d%n", result.iterations);
                System.out.println("residual " + sci12(result.residual));
                System.out.println("checksum " + sci12(checksum));
                System.out.println("center " + sci12(grid[(n / 2) * n + n / 2]));
                System.out.flush();
            }
            return 0;
        }
    }

    private static int usage(Comm world, String message) {
        if (world.rank() == 0) {
            System.err.println(message);
        }
        return 2;
    }

    /**
     * Where a rank's block lies: a {@code py x px} process grid, this rank at
     * ({@code prow}, {@code pcol}), its {@code rows x cols} interior starting at global
     * interior index ({@code row0}, {@code col0}).
     */
    record Decomposition(int n, int py, int px, int prow, int pcol) {
        static Decomposition of(int n, int size, int rank) {
            int px = 1;
            for (int d = 1; d * d <= size; d++) {
                if (size % d == 0) {
                    px = d;
                }
            }
            return new Decomposition(n, size / px, px, rank / px, rank % px);
        }

        /** The same grid seen from another rank. */
        Decomposition of(int rank) {
            return new Decomposition(n, py, px, rank / px, rank % px);
        }

        int rows() {
            return blockSize(n, py, prow);
        }

        int cols() {
            return blockSize(n, px, pcol);
        }

        int row0() {
            return blockStart(n, py, prow);
        }

        int col0() {
            return blockStart(n, px, pcol);
        }

        private int rank(int r, int c) {
            return r * px + c;
        }

        int north() {
            return prow > 0 ? rank(prow - 1, pcol) : Comm.PROC_NULL;
        }

        int south() {
            return prow < py - 1 ? rank(prow + 1, pcol) : Comm.PROC_NULL;
        }

        int west() {
            return pcol > 0 ? rank(prow, pcol - 1) : Comm.PROC_NULL;
        }

        int east() {
            return pcol < px - 1 ? rank(prow, pcol + 1) : Comm.PROC_NULL;
        }

        /** Interior cells of the largest block (block 0 of each dimension). */
        int paddedBlock() {
            return blockSize(n, py, 0) * blockSize(n, px, 0);
        }

        /** First index of part {@code i} when {@code n} items are split into {@code parts}. */
        private static int blockStart(int n, int parts, int i) {
            return i * (n / parts) + Math.min(i, n % parts);
        }

        private static int blockSize(int n, int parts, int i) {
            return n / parts + (i < n % parts ? 1 : 0);
        }
    }

    /** The final local grid (halos included), how many sweeps it took, and the last residual. */
    private record Result(MemorySegment u, int iterations, double residual) {
    }

    /** One rank's two {@code (rows+2) x (cols+2)} grids and its halo buffers. */
    private static final class Solver {
        private final Comm world;
        private final Decomposition dec;
        private final int rows;
        private final int cols;
        private final int stride;
        private MemorySegment u;
        private MemorySegment next;
        private final MemorySegment sendCol;
        private final MemorySegment recvCol;
        private final MemorySegment local;
        private final MemorySegment global;

        Solver(Comm world, Decomposition dec, Arena arena) {
            this.world = world;
            this.dec = dec;
            this.rows = dec.rows();
            this.cols = dec.cols();
            this.stride = cols + 2;
            long cells = (long) (rows + 2) * stride;
            u = arena.allocate(JAVA_DOUBLE, cells);
            next = arena.allocate(JAVA_DOUBLE, cells);
            sendCol = arena.allocate(JAVA_DOUBLE, rows);
            recvCol = arena.allocate(JAVA_DOUBLE, rows);
            local = arena.allocate(JAVA_DOUBLE);
            global = arena.allocate(JAVA_DOUBLE);
            if (dec.prow == 0) { // the hot top edge, in the north halo of both grids
                for (int j = 0; j < stride; j++) {
                    u.setAtIndex(JAVA_DOUBLE, j, 1.0);
                    next.setAtIndex(JAVA_DOUBLE, j, 1.0);
                }
            }
        }

        Result solve(int maxIterations, double tolerance) {
            int iterations = 0;
            double residual = 0.0;
            while (iterations < maxIterations) {
                exchangeHalos();
                local.set(JAVA_DOUBLE, 0, sweep());
                MemorySegment t = u;
                u = next;
                next = t;
                iterations++;
                world.allreduce(local, global, Datatype.DOUBLE, Op.SUM);
                residual = Math.sqrt(global.get(JAVA_DOUBLE, 0));
                if (residual < tolerance) {
                    break;
                }
            }
            return new Result(u, iterations, residual);
        }

        /** Interior row {@code i} (0 = north halo) without its two halo columns. */
        private MemorySegment row(int i) {
            return u.asSlice((i * stride + 1) * JAVA_DOUBLE.byteSize(), cols * JAVA_DOUBLE.byteSize());
        }

        private void exchangeHalos() {
            int north = dec.north();
            int south = dec.south();
            int west = dec.west();
            int east = dec.east();
            world.sendrecv(row(1), Datatype.DOUBLE, north, 0, row(rows + 1), Datatype.DOUBLE, south, 0, null);
            world.sendrecv(row(rows), Datatype.DOUBLE, south, 1, row(0), Datatype.DOUBLE, north, 1, null);
            packColumn(1);
            world.sendrecv(sendCol, Datatype.DOUBLE, west, 2, recvCol, Datatype.DOUBLE, east, 2, null);
            if (east != Comm.PROC_NULL) {
                unpackColumn(cols + 1);
            }
            packColumn(cols);
            world.sendrecv(sendCol, Datatype.DOUBLE, east, 3, recvCol, Datatype.DOUBLE, west, 3, null);
            if (west != Comm.PROC_NULL) {
                unpackColumn(0);
            }
        }

        private void packColumn(int col) {
            for (int i = 0; i < rows; i++) {
                sendCol.setAtIndex(JAVA_DOUBLE, i, u.getAtIndex(JAVA_DOUBLE, (long) (i + 1) * stride + col));
            }
        }

        private void unpackColumn(int col) {
            for (int i = 0; i < rows; i++) {
                u.setAtIndex(JAVA_DOUBLE, (long) (i + 1) * stride + col, recvCol.getAtIndex(JAVA_DOUBLE, i));
            }
        }

        /** One Jacobi sweep from {@code u} into {@code next}; returns this rank's squared change. */
        private double sweep() {
            double sum = 0.0;
            for (int i = 1; i <= rows; i++) {
                for (int j = 1; j <= cols; j++) {
                    long k = (long) i * stride + j;
                    double v = 0.25 * ((u.getAtIndex(JAVA_DOUBLE, k - stride) + u.getAtIndex(JAVA_DOUBLE, k + stride))
                            + (u.getAtIndex(JAVA_DOUBLE, k - 1) + u.getAtIndex(JAVA_DOUBLE, k + 1)));
                    double d = v - u.getAtIndex(JAVA_DOUBLE, k);
                    sum += d * d;
                    next.setAtIndex(JAVA_DOUBLE, k, v);
                }
            }
            return sum;
        }
    }

    /**
     * Gathers every rank's interior on rank 0 and returns the whole {@code n x n} interior
     * in row-major order there, null elsewhere. Blocks differ in size by a row or column, and
     * each rank sends its block padded to the largest, so that one gather of equal blocks
     * moves them all.
     */
    private static double[] gather(Comm world, Decomposition dec, MemorySegment u, Arena arena) {
        int rows = dec.rows();
        int cols = dec.cols();
        long rowBytes = cols * JAVA_DOUBLE.byteSize();
        int block = dec.paddedBlock();
        MemorySegment mine = arena.allocate(JAVA_DOUBLE, block);
        for (int i = 0; i < rows; i++) {
            MemorySegment.copy(u, ((long) (i + 1) * (cols + 2) + 1) * JAVA_DOUBLE.byteSize(),
                    mine, i * rowBytes, rowBytes);
        }
        boolean root = world.rank() == 0;
        MemorySegment all = root ? arena.allocate(JAVA_DOUBLE, (long) block * world.size()) : null;
        world.gather(mine, all, Datatype.DOUBLE, 0);
        if (!root) {
            return null;
        }
        int n = dec.n();
        double[] grid = new double[n * n];
        for (int r = 0; r < world.size(); r++) {
            Decomposition other = dec.of(r);
            for (int i = 0; i < other.rows(); i++) {
                MemorySegment.copy(all, JAVA_DOUBLE, ((long) r * block + (long) i * other.cols()) * JAVA_DOUBLE.byteSize(),
                        grid, (other.row0() + i) * n + other.col0(), other.cols());
            }
        }
        return grid;
    }

    private static final MathContext THIRTEEN_DIGITS = new MathContext(13, RoundingMode.HALF_EVEN);

    /**
     * {@code x} as C's {@code printf("%.12e")} prints it: the exact binary value rounded to
     * 13 significant digits. ({@code String.format("%.12e")} rounds the shortest decimal
     * that reads back as {@code x} instead, which differs when that decimal ends in 5.)
     */
    static String sci12(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        String sign = Math.copySign(1.0, x) < 0 ? "-" : "";
        if (Double.isInfinite(x)) {
            return sign + "inf";
        }
        if (x == 0.0) {
            return sign + "0.000000000000e+00";
        }
        BigDecimal d = new BigDecimal(Math.abs(x)).round(THIRTEEN_DIGITS);
        // 13 digits, or fewer when the exact value has fewer: pad them
        String digits = (d.unscaledValue().toString() + "0".repeat(12)).substring(0, 13);
        int exponent = d.precision() - d.scale() - 1;
        return "%s%c.%se%c%02d".formatted(sign, digits.charAt(0), digits.substring(1),
                exponent < 0 ? '-' : '+', Math.abs(exponent));
    }
}
