/* C twin of org.jmpi.bench.osu.Allreduce (OSU's osu_allreduce): MPI_SUM of size/4 floats,
 * each call timed alone and followed by a barrier; mean latency averaged over the ranks. */
#include "osu_common.h"

typedef struct {
    float *send, *recv;
    int count;
} allreduce_args;

static void allreduce(void *arg) {
    allreduce_args *a = arg;
    MPI_Allreduce(a->send, a->recv, a->count, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD);
}

int main(int argc, char **argv) {
    osu_options o;
    int ranks;
    int rank = osu_start(&argc, &argv, 4, 2, 2147483647, "allreduce", &o);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    allreduce_args a;
    a.send = osu_alloc(o.max_size / 4 * 4);
    a.recv = osu_alloc(o.max_size / 4 * 4);
    osu_header(rank == 0, "OSU MPI Allreduce Latency Test", "allreduce", "Avg Latency(us)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        a.count = (int) (size / 4);
        osu_fill_floats(a.send, a.count, rank);
        osu_spoil_floats(a.recv, a.count);
        int iterations = osu_iterations(&o, size, 1000, 100);
        int warmup = osu_warmup(&o, size, 100, 10);
        osu_prelude(size, 1, allreduce, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double latency = osu_time_collective(iterations, warmup, allreduce, &a);
        osu_spoil_floats(a.recv, a.count);
        allreduce(&a);
        osu_verify(osu_sum_mismatches(a.recv, a.count, ranks), size);
        osu_row(rank == 0, a.count * 4L, osu_average(latency));
        MPI_Barrier(MPI_COMM_WORLD);
    }
    free(a.send);
    free(a.recv);
    osu_finish();
    return 0;
}
