package mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A classic 2-D Jacobi relaxation for the tests: each process of a Cartesian grid owns a
 * {@code rows x cols} block of the interior with a one-cell halo, exchanges the halo with
 * its four neighbours found by {@link CartComm#shift} (rows as contiguous runs, columns
 * with a vector datatype), and replaces every interior point by the mean of its four
 * neighbours. The global edge holds fixed values; {@link #serial} runs the same sweeps on
 * one array, so the blocks must match it exactly.
 */
final class Jacobi {
    private final CartComm grid;
    private final int rows;
    private final int cols;
    private final int width;
    private final int row0;
    private final int col0;
    private final int globalWidth;
    private final double[] u;
    private final double[] next;
    private final Datatype column;
    private final ShiftParms vertical;
    private final ShiftParms horizontal;

    Jacobi(CartComm grid, int rows, int cols) throws MPIException {
        this.grid = grid;
        this.rows = rows;
        this.cols = cols;
        this.width = cols + 2;
        CartParms p = grid.getTopo();
        this.row0 = p.getCoord(0) * rows;
        this.col0 = p.getCoord(1) * cols;
        this.globalWidth = p.getDim(1) * cols + 2;
        int globalRows = p.getDim(0) * rows;
        this.u = new double[(rows + 2) * width];
        this.next = new double[u.length];
        for (int i = 0; i < rows + 2; i++) {
            for (int j = 0; j < width; j++) {
                u[i * width + j] = edge(row0 + i, col0 + j, globalRows, globalWidth - 2);
            }
        }
        this.column = Datatype.createVector(rows, 1, width, MPI.DOUBLE);
        column.commit();
        this.vertical = grid.shift(0, 1);
        this.horizontal = grid.shift(1, 1);
    }

    /** The fixed value of global point (i, j) on the edge of an {@code r x c} interior, 0 inside. */
    static double edge(int i, int j, int r, int c) {
        boolean onEdge = i == 0 || j == 0 || i == r + 1 || j == c + 1;
        return onEdge ? 1 + (i * 7 + j * 3) % 11 : 0;
    }

    /** Exchanges the halo, sweeps once and returns the largest change of a point. */
    double step() throws MPIException {
        int w = width;
        grid.sendRecv(MPI.slice(u, rows * w + 1), cols, MPI.DOUBLE, vertical.getRankDest(), 1,
                MPI.slice(u, 1), cols, MPI.DOUBLE, vertical.getRankSource(), 1);
        grid.sendRecv(MPI.slice(u, w + 1), cols, MPI.DOUBLE, vertical.getRankSource(), 2,
                MPI.slice(u, (rows + 1) * w + 1), cols, MPI.DOUBLE, vertical.getRankDest(), 2);
        grid.sendRecv(MPI.slice(u, w + cols), 1, column, horizontal.getRankDest(), 3,
                MPI.slice(u, w), 1, column, horizontal.getRankSource(), 3);
        grid.sendRecv(MPI.slice(u, w + 1), 1, column, horizontal.getRankSource(), 4,
                MPI.slice(u, w + cols + 1), 1, column, horizontal.getRankDest(), 4);
        return sweep(u, next, rows, cols);
    }

    /** One sweep of the interior of {@code a} ({@code r x c} with its halo) through {@code b}; the largest change. */
    private static double sweep(double[] a, double[] b, int r, int c) {
        int w = c + 2;
        double change = 0;
        for (int i = 1; i <= r; i++) {
            for (int j = 1; j <= c; j++) {
                int k = i * w + j;
                b[k] = 0.25 * (a[k - w] + a[k + w] + a[k - 1] + a[k + 1]);
                change = Math.max(change, Math.abs(b[k] - a[k]));
            }
        }
        for (int i = 1; i <= r; i++) {
            System.arraycopy(b, i * w + 1, a, i * w + 1, c);
        }
        return change;
    }

    /** The whole {@code r x c} problem after {@code sweeps} sweeps on one array, with its edge. */
    static double[] serial(int r, int c, int sweeps) {
        int w = c + 2;
        double[] a = new double[(r + 2) * w];
        for (int i = 0; i < r + 2; i++) {
            for (int j = 0; j < w; j++) {
                a[i * w + j] = edge(i, j, r, c);
            }
        }
        double[] b = new double[a.length];
        for (int s = 0; s < sweeps; s++) {
            sweep(a, b, r, c);
        }
        return a;
    }

    /** Asserts that this block equals its part of the serial result, bit for bit. */
    void assertBlockOf(double[] serial) throws MPIException {
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                double expected = serial[(row0 + i) * globalWidth + col0 + j];
                assertEquals(expected, u[i * width + j], "point " + (row0 + i) + "," + (col0 + j));
            }
        }
        column.free();
    }
}
