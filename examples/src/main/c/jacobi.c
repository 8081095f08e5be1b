/*
 * 2-D Jacobi iteration for the Laplace equation (steady heat) on an N x N interior
 * grid with fixed boundary values: the top edge at 1, the other edges at 0.
 *
 * The C twin of org.jmpi.examples.Jacobi: both do the same arithmetic in the same
 * order, so their output is identical to the last bit. Build with
 * native-scripts/build-c, run with
 *   mpirun --oversubscribe -np 4 examples/target/c-bin/jacobi [N] [max-iterations] [tolerance]
 * (defaults 64, 10000 and 1e-5).
 *
 * The interior is split over a py x px process grid (as MPI_Dims_create would:
 * py >= px, as square as possible), ranks in row-major order; halos are exchanged
 * with MPI_Sendrecv (rows in place, columns packed into contiguous buffers) and
 * MPI_PROC_NULL at the edges. The residual, the 2-norm of one sweep's change, comes
 * from an MPI_Allreduce(MPI_SUM) of the ranks' partial sums every iteration; the
 * iteration stops below the tolerance or at the maximum. The checksum sums the final
 * interior on rank 0 in global row-major order after an MPI_Gather, so it does not
 * depend on the number of ranks.
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First index and length of part i when n items are split into parts nearly equal ones. */
static int block_start(int n, int parts, int i) {
    return i * (n / parts) + (i < n % parts ? i : n % parts);
}

static int block_size(int n, int parts, int i) {
    return n / parts + (i < n % parts ? 1 : 0);
}

/* Puts column col of the interior rows of a (rows+2) x (cols+2) array into buf, or back. */
static void pack_column(const double *u, int rows, int cols, int col, double *buf) {
    for (int i = 0; i < rows; i++) {
        buf[i] = u[(i + 1) * (cols + 2) + col];
    }
}

static void unpack_column(double *u, int rows, int cols, int col, const double *buf) {
    for (int i = 0; i < rows; i++) {
        u[(i + 1) * (cols + 2) + col] = buf[i];
    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int n = argc > 1 ? atoi(argv[1]) : 64;
    int max_iter = argc > 2 ? atoi(argv[2]) : 10000;
    double tol = argc > 3 ? atof(argv[3]) : 1e-5;
    if (n < 1 || max_iter < 1 || !(tol > 0)) {
        if (rank == 0) {
            fprintf(stderr, "usage: jacobi [N >= 1] [max-iterations >= 1] [tolerance > 0]\n");
        }
        MPI_Finalize();
        return 2;
    }

    /* Process grid: px = the largest divisor of size not above its square root. */
    int px = 1;
    for (int d = 1; d * d <= size; d++) {
        if (size % d == 0) {
            px = d;
        }
    }
    int py = size / px;
    if (py > n || px > n) {
        if (rank == 0) {
            fprintf(stderr, "jacobi: %d x %d ranks do not fit a %d x %d grid\n", py, px, n, n);
        }
        MPI_Finalize();
        return 2;
    }
    int prow = rank / px, pcol = rank % px;
    int north = prow > 0 ? rank - px : MPI_PROC_NULL;
    int south = prow < py - 1 ? rank + px : MPI_PROC_NULL;
    int west = pcol > 0 ? rank - 1 : MPI_PROC_NULL;
    int east = pcol < px - 1 ? rank + 1 : MPI_PROC_NULL;

    int rows = block_size(n, py, prow), cols = block_size(n, px, pcol);
    int stride = cols + 2;
    size_t cells = (size_t) (rows + 2) * stride;
    double *u = calloc(cells, sizeof(double));
    double *next = calloc(cells, sizeof(double));
    double *send_col = malloc(rows * sizeof(double));
    double *recv_col = malloc(rows * sizeof(double));
    if (prow == 0) { /* the hot top edge, in the north halo of both arrays */
        for (int j = 0; j < stride; j++) {
            u[j] = 1.0;
            next[j] = 1.0;
        }
    }

    int iterations = 0;
    double residual = 0.0;
    while (iterations < max_iter) {
        /* Halo exchange: first row north, last row south, then the columns. */
        MPI_Sendrecv(&u[stride + 1], cols, MPI_DOUBLE, north, 0,
                     &u[(rows + 1) * stride + 1], cols, MPI_DOUBLE, south, 0,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[rows * stride + 1], cols, MPI_DOUBLE, south, 1,
                     &u[1], cols, MPI_DOUBLE, north, 1,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        pack_column(u, rows, cols, 1, send_col);
        MPI_Sendrecv(send_col, rows, MPI_DOUBLE, west, 2,
                     recv_col, rows, MPI_DOUBLE, east, 2,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (east != MPI_PROC_NULL) {
            unpack_column(u, rows, cols, cols + 1, recv_col);
        }
        pack_column(u, rows, cols, cols, send_col);
        MPI_Sendrecv(send_col, rows, MPI_DOUBLE, east, 3,
                     recv_col, rows, MPI_DOUBLE, west, 3,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (west != MPI_PROC_NULL) {
            unpack_column(u, rows, cols, 0, recv_col);
        }

        /* One sweep, and this rank's share of the squared change. */
        double local = 0.0;
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                int k = i * stride + j;
                double v = 0.25 * ((u[k - stride] + u[k + stride]) + (u[k - 1] + u[k + 1]));
                double d = v - u[k];
                local += d * d;
                next[k] = v;
            }
        }
        double *t = u;
        u = next;
        next = t;
        iterations++;

        double global;
        MPI_Allreduce(&local, &global, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        residual = sqrt(global);
        if (residual < tol) {
            break;
        }
    }

    /* Every rank's interior, padded to the largest block, gathered on rank 0. */
    int block_rows = block_size(n, py, 0), block_cols = block_size(n, px, 0);
    int block = block_rows * block_cols;
    double *mine = calloc(block, sizeof(double));
    for (int i = 0; i < rows; i++) {
        memcpy(&mine[i * cols], &u[(i + 1) * stride + 1], cols * sizeof(double));
    }
    double *all = rank == 0 ? malloc((size_t) block * size * sizeof(double)) : NULL;
    MPI_Gather(mine, block, MPI_DOUBLE, all, block, MPI_DOUBLE, 0, MPI_COMM_WORLD);

    if (rank == 0) {
        double *grid = malloc((size_t) n * n * sizeof(double));
        for (int r = 0; r < size; r++) {
            int r0 = block_start(n, py, r / px), nr = block_size(n, py, r / px);
            int c0 = block_start(n, px, r % px), nc = block_size(n, px, r % px);
            for (int i = 0; i < nr; i++) {
                memcpy(&grid[(size_t) (r0 + i) * n + c0], &all[(size_t) r * block + i * nc],
                       nc * sizeof(double));
            }
        }
        double checksum = 0.0;
        for (size_t k = 0; k < (size_t) n * n; k++) {
            checksum += grid[k];
        }
        printf("grid %d x %d on %d x %d ranks\n", n, n, py, px);
        printf("iterations %d\n", iterations);
        printf("residual %.12e\n", residual);
        printf("checksum %.12e\n", checksum);
        printf("center %.12e\n", grid[(size_t) (n / 2) * n + n / 2]);
        free(grid);
        free(all);
    }

    free(mine);
    free(recv_col);
    free(send_col);
    free(next);
    free(u);
    MPI_Finalize();
    return 0;
}
