/* C twin of org.jmpi.bench.warmup.Warmup: from the first call, -n chunks of -c calls of an
 * 8-byte ping-pong (-t pingpong; a call is half a round trip) or an allreduce of two ints
 * (-t allreduce), each chunk timed alone; rank 0 prints "<calls so far> <us per call>" per
 * chunk, then the mean of the first 10000 calls, the median of the last quarter of the
 * chunks (steady) and their ratio. -b is accepted and ignored (C has one kind). */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST 10000

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    const char *test = "pingpong";
    int chunk = 1000, chunks = 60;
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "-t") == 0) test = argv[i + 1];
        else if (strcmp(argv[i], "-c") == 0) chunk = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "-n") == 0) chunks = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "-b") != 0) {
            if (rank == 0) fprintf(stderr, "option %s: expected -t, -b, -c or -n\n", argv[i]);
            MPI_Abort(MPI_COMM_WORLD, 2);
        }
    }
    int pingpong = strcmp(test, "pingpong") == 0;
    if ((!pingpong && strcmp(test, "allreduce") != 0) || chunk < 2 || chunks < 4
        || (long) chunk * chunks < FIRST || size < 2) {
        if (rank == 0) fprintf(stderr, "warmup: -t pingpong|allreduce, -c >= 2, -n >= 4, %d calls, 2 ranks at least\n", FIRST);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    char out[8] = {0}, in[8];
    int iout[2] = {1, 2}, iin[2];
    double *us = malloc(sizeof(double) * chunks);
    int peer = 1 - rank;
    MPI_Barrier(MPI_COMM_WORLD);
    for (int k = 0; k < chunks; k++) {
        double t0 = MPI_Wtime();
        for (int i = 0; i < chunk; i++) {
            if (!pingpong) {
                MPI_Allreduce(iout, iin, 2, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
            } else if (rank == 0) {
                MPI_Send(out, 8, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
                MPI_Recv(in, 8, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else if (rank == 1) {
                MPI_Recv(in, 8, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Send(out, 8, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
            }
        }
        us[k] = (MPI_Wtime() - t0) * 1e6 / chunk / (pingpong ? 2 : 1);
    }
    if (rank == 0) {
        printf("# jmpi bench=warmup test=%s impl=c buffer=native\n", test);
        int first_chunks = (FIRST + chunk - 1) / chunk;
        double first = 0;
        for (int k = 0; k < chunks; k++) {
            printf("%-10ld %12.3f\n", (long) (k + 1) * chunk, us[k]);
            if (k < first_chunks) first += us[k];
        }
        int tail = chunks / 4;
        qsort(us + chunks - tail, tail, sizeof(double), cmp);
        double steady = us[chunks - tail + tail / 2];
        first /= first_chunks;
        printf("# first %d calls: %.3f us\n# steady: %.3f us\n# ratio: %.2f\n", first_chunks * chunk, first, steady,
               first / steady);
    }
    free(us);
    MPI_Finalize();
    return 0;
}
