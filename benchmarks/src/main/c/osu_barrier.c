/* C twin of org.jmpi.bench.osu.Barrier (OSU's osu_barrier): each barrier timed alone;
 * mean latency averaged over the ranks, printed for size 0. */
#include "osu_common.h"

static void barrier(void *arg) {
    (void) arg;
    MPI_Barrier(MPI_COMM_WORLD);
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2147483647, "barrier", &o);
    osu_header(rank == 0, "OSU MPI Barrier Latency Test", "barrier", "Avg Latency(us)");
    int iterations = osu_iterations(&o, 0, 1000, 100);
    int warmup = osu_warmup(&o, 0, 100, 10);
    osu_prelude(0, 0, barrier, NULL);
    double timer = 0;
    for (int i = 0; i < iterations + warmup; i++) {
        double start = MPI_Wtime();
        MPI_Barrier(MPI_COMM_WORLD);
        double stop = MPI_Wtime();
        if (i >= warmup) timer += stop - start;
    }
    MPI_Barrier(MPI_COMM_WORLD);
    osu_row(rank == 0, 0, osu_average(timer * 1e6 / iterations));
    osu_finish();
    return 0;
}
