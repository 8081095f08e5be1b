/* C twin of org.jmpi.bench.osu.Bcast (OSU's osu_bcast): broadcast of size bytes from rank 0,
 * each call timed alone and followed by a barrier; mean latency averaged over the ranks. */
#include "osu_common.h"

#define ROOT 0

typedef struct {
    unsigned char *buf;
    int n;
} bcast_args;

static void bcast(void *arg) {
    bcast_args *a = arg;
    MPI_Bcast(a->buf, a->n, MPI_CHAR, ROOT, MPI_COMM_WORLD);
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2147483647, "bcast", &o);
    bcast_args a;
    a.buf = osu_alloc(o.max_size);
    osu_header(rank == 0, "OSU MPI Broadcast Latency Test", "bcast", "Avg Latency(us)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        a.n = (int) size;
        long seed = osu_seed(ROOT, size);
        if (rank == ROOT) {
            osu_fill(a.buf, a.n, seed);
        } else {
            osu_spoil(a.buf, a.n, seed);
        }
        int iterations = osu_iterations(&o, size, 1000, 100);
        int warmup = osu_warmup(&o, size, 100, 10);
        osu_prelude(size, 1, bcast, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double latency = osu_time_collective(iterations, warmup, bcast, &a);
        if (rank != ROOT) osu_spoil(a.buf, a.n, seed);
        bcast(&a);
        osu_verify(osu_mismatches(a.buf, a.n, seed), size);
        osu_row(rank == 0, size, osu_average(latency));
        MPI_Barrier(MPI_COMM_WORLD);
    }
    free(a.buf);
    osu_finish();
    return 0;
}
