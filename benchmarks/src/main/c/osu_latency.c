/* C twin of org.jmpi.bench.osu.Latency (OSU's osu_latency): ping-pong of blocking send and
 * receive between ranks 0 and 1; latency = half the mean round trip, in microseconds. */
#include "osu_common.h"

#define TAG 1

typedef struct {
    int rank, n;
    unsigned char *s, *r;
} ping_pong_args;

/* One round trip: rank 0 sends then receives, rank 1 receives then sends. */
static void ping_pong(void *arg) {
    ping_pong_args *a = arg;
    if (a->rank == 0) {
        MPI_Send(a->s, a->n, MPI_CHAR, 1, TAG, MPI_COMM_WORLD);
        MPI_Recv(a->r, a->n, MPI_CHAR, 1, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Recv(a->r, a->n, MPI_CHAR, 0, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(a->s, a->n, MPI_CHAR, 0, TAG, MPI_COMM_WORLD);
    }
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "latency", &o);
    int peer = 1 - rank;
    ping_pong_args a = {rank, 0, osu_alloc(o.max_size), osu_alloc(o.max_size)};
    osu_header(rank == 0, "OSU MPI Latency Test", "latency", "Latency (us)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = a.n = (int) size;
        osu_fill(a.s, n, osu_seed(rank, size));
        osu_spoil(a.r, n, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 10000, 1000);
        int warmup = osu_warmup(&o, size, 100, 10);
        osu_prelude(size, 0, ping_pong, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double seconds = osu_time_loop(iterations, warmup, ping_pong, &a);
        osu_spoil(a.r, n, osu_seed(peer, size));
        ping_pong(&a);
        osu_verify(osu_mismatches(a.r, n, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, seconds * 1e6 / (2.0 * iterations));
    }
    free(a.s);
    free(a.r);
    osu_finish();
    return 0;
}
