/* C twin of org.jmpi.bench.osu.Bandwidth (OSU's osu_bw): rank 0 isends a window of one
 * buffer and waits, rank 1 irecvs the window and acknowledges with 4 bytes;
 * MB/s = size x window x iterations / time. */
#include "osu_common.h"

#define DATA_TAG 100
#define ACK_TAG 101
#define ACK 4

typedef struct {
    int rank, n, window;
    unsigned char *s, *r;
    MPI_Request *reqs;
} window_args;

/* One window: rank 0 isends and waits, then takes the acknowledgement; rank 1 irecvs, waits, acknowledges. */
static void round_trip(void *arg) {
    window_args *a = arg;
    if (a->rank == 0) {
        for (int j = 0; j < a->window; j++) {
            MPI_Isend(a->s, a->n, MPI_CHAR, 1, DATA_TAG, MPI_COMM_WORLD, &a->reqs[j]);
        }
        MPI_Waitall(a->window, a->reqs, MPI_STATUSES_IGNORE);
        MPI_Recv(a->r, ACK, MPI_CHAR, 1, ACK_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        for (int j = 0; j < a->window; j++) {
            MPI_Irecv(a->r, a->n, MPI_CHAR, 0, DATA_TAG, MPI_COMM_WORLD, &a->reqs[j]);
        }
        MPI_Waitall(a->window, a->reqs, MPI_STATUSES_IGNORE);
        MPI_Send(a->s, ACK, MPI_CHAR, 0, ACK_TAG, MPI_COMM_WORLD);
    }
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "bw", &o);
    int peer = 1 - rank;
    long bytes = o.max_size > ACK ? o.max_size : ACK;
    window_args a = {rank, 0, o.window, osu_alloc(bytes), osu_alloc(bytes), malloc(sizeof(MPI_Request) * o.window)};
    osu_header(rank == 0, "OSU MPI Bandwidth Test", "bw", "Bandwidth (MB/s)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = a.n = (int) size;
        /* rank 0 receives the acknowledgement, rank 1 the data */
        int received = rank == 0 ? ACK : n;
        int prepared = n > ACK ? n : ACK;
        osu_fill(a.s, prepared, osu_seed(rank, size));
        osu_spoil(a.r, prepared, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 100, 20);
        int warmup = osu_warmup(&o, size, 10, 2);
        osu_prelude(size * o.window, 0, round_trip, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double seconds = osu_time_loop(iterations, warmup, round_trip, &a);
        osu_spoil(a.r, received, osu_seed(peer, size));
        round_trip(&a);
        osu_verify(osu_mismatches(a.r, received, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, (double) size * o.window * iterations / 1e6 / seconds);
    }
    free(a.reqs);
    free(a.s);
    free(a.r);
    osu_finish();
    return 0;
}
