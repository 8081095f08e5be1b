/* C twin of org.jmpi.bench.osu.Alltoall (OSU's osu_alltoall): every rank sends size bytes
 * to every rank, each call timed alone and followed by a barrier; mean latency averaged
 * over the ranks. */
#include "osu_common.h"

typedef struct {
    unsigned char *send, *recv;
    int n;
} alltoall_args;

static void alltoall(void *arg) {
    alltoall_args *a = arg;
    MPI_Alltoall(a->send, a->n, MPI_CHAR, a->recv, a->n, MPI_CHAR, MPI_COMM_WORLD);
}

/* Spoils every block of recv for what its peer must send to rank. */
static void spoil_received(unsigned char *recv, long size, int ranks, int rank) {
    for (int peer = 0; peer < ranks; peer++) {
        osu_spoil(recv + peer * size, size, osu_block_seed(peer, rank, size));
    }
}

int main(int argc, char **argv) {
    osu_options o;
    int ranks;
    int rank = osu_start(&argc, &argv, 1, 2, 2147483647, "alltoall", &o);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    alltoall_args a;
    a.send = osu_alloc(o.max_size * ranks);
    a.recv = osu_alloc(o.max_size * ranks);
    osu_header(rank == 0, "OSU MPI All-to-All Personalized Exchange Latency Test", "alltoall", "Avg Latency(us)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        a.n = (int) size;
        for (int peer = 0; peer < ranks; peer++) {
            osu_fill(a.send + peer * size, size, osu_block_seed(rank, peer, size));
        }
        spoil_received(a.recv, size, ranks, rank);
        int iterations = osu_iterations(&o, size, 1000, 100);
        int warmup = osu_warmup(&o, size, 100, 10);
        osu_prelude(size * ranks, 1, alltoall, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double latency = osu_time_collective(iterations, warmup, alltoall, &a);
        spoil_received(a.recv, size, ranks, rank);
        alltoall(&a);
        long wrong = 0;
        for (int peer = 0; peer < ranks; peer++) {
            wrong += osu_mismatches(a.recv + peer * size, size, osu_block_seed(peer, rank, size));
        }
        osu_verify(wrong, size);
        osu_row(rank == 0, size, osu_average(latency));
        MPI_Barrier(MPI_COMM_WORLD);
    }
    free(a.send);
    free(a.recv);
    osu_finish();
    return 0;
}
