/* The C reference of the JMH single-process costs: ns per call of MPI_Comm_rank,
 * MPI_Wtime, MPI_Barrier on MPI_COMM_SELF and an 8-byte MPI_Sendrecv to itself on
 * MPI_COMM_SELF, each the median of 5 runs of many calls. Runs as one process (no launcher
 * needed: singleton start, Open MPI's and MPICH's alike). Prints '#' comments and lines
 * "name ns_per_call" under the JMH benchmarks' names:  call_cost [-n CALLS]  (default 2000000).
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 5

static volatile int sink_int;
static volatile double sink_double;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double median(double *v) {
    qsort(v, RUNS, sizeof v[0], by_value);
    return v[RUNS / 2];
}

static double comm_rank(long n) {
    int r = 0;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        MPI_Comm_rank(MPI_COMM_WORLD, &r);
        sink_int = r;
    }
    return (now_ns() - t0) / n;
}

static double wtime(long n) {
    double t0 = now_ns();
    for (long i = 0; i < n; i++) sink_double = MPI_Wtime();
    return (now_ns() - t0) / n;
}

static double barrier_self(long n) {
    double t0 = now_ns();
    for (long i = 0; i < n; i++) MPI_Barrier(MPI_COMM_SELF);
    return (now_ns() - t0) / n;
}

static double self_sendrecv(long n) {
    char send[8] = {0}, recv[8];
    MPI_Status st;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        MPI_Sendrecv(send, 8, MPI_BYTE, 0, 0, recv, 8, MPI_BYTE, 0, 0, MPI_COMM_SELF, &st);
    }
    return (now_ns() - t0) / n;
}

static void report(const char *name, double (*op)(long), long n) {
    double v[RUNS];
    op(n / 10); /* warm-up */
    for (int r = 0; r < RUNS; r++) v[r] = op(n);
    printf("%-20s %10.3f\n", name, median(v));
}

int main(int argc, char **argv) {
    long n = 2000000;
    if (argc == 3 && strcmp(argv[1], "-n") == 0) {
        n = strtol(argv[2], NULL, 10);
    } else if (argc != 1) {
        fprintf(stderr, "usage: call_cost [-n CALLS]\n");
        return 2;
    }
    if (n < 10) {
        fprintf(stderr, "call_cost: -n must be at least 10\n");
        return 2;
    }
    MPI_Init(&argc, &argv);
    printf("# call_cost (C): ns per call, median of %d runs of %ld calls (sendrecv: %ld)\n", RUNS, n, n / 10);
    report("commRank", comm_rank, n);
    report("wtime", wtime, n);
    report("barrierSelf", barrier_self, n);
    report("selfSendrecv", self_sendrecv, n / 10);
    MPI_Finalize();
    return 0;
}
