/* C twin of org.jmpi.bench.osu.Latency (OSU's osu_latency): ping-pong of blocking send and
 * receive between ranks 0 and 1; latency = half the mean round trip, in microseconds. */
#include "osu_common.h"

#define TAG 1

/* One round trip: rank 0 sends then receives, rank 1 receives then sends. */
static void ping_pong(int rank, unsigned char *s, unsigned char *r, int n) {
    if (rank == 0) {
        MPI_Send(s, n, MPI_CHAR, 1, TAG, MPI_COMM_WORLD);
        MPI_Recv(r, n, MPI_CHAR, 1, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Recv(r, n, MPI_CHAR, 0, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(s, n, MPI_CHAR, 0, TAG, MPI_COMM_WORLD);
    }
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "latency", &o);
    int peer = 1 - rank;
    unsigned char *s = osu_alloc(o.max_size);
    unsigned char *r = osu_alloc(o.max_size);
    osu_header(rank == 0, "OSU MPI Latency Test", "latency", "Latency (us)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = (int) size;
        osu_fill(s, n, osu_seed(rank, size));
        osu_spoil(r, n, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 10000, 1000);
        int warmup = osu_warmup(&o, size, 100, 10);
        MPI_Barrier(MPI_COMM_WORLD);
        double start = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) start = MPI_Wtime();
            ping_pong(rank, s, r, n);
        }
        double seconds = MPI_Wtime() - start;
        osu_spoil(r, n, osu_seed(peer, size));
        ping_pong(rank, s, r, n);
        osu_verify(osu_mismatches(r, n, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, seconds * 1e6 / (2.0 * iterations));
    }
    free(s);
    free(r);
    osu_finish();
    return 0;
}
