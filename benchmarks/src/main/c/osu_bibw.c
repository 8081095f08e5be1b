/* C twin of org.jmpi.bench.osu.BiBandwidth (OSU's osu_bibw): both ranks post a window of
 * irecvs, then a window of isends, wait for the sends and then the receives;
 * MB/s = 2 x size x window x iterations / time. */
#include "osu_common.h"

typedef struct {
    int peer, n, send_tag, recv_tag, window;
    unsigned char *s, *r;
    MPI_Request *sends, *recvs;
} windows_args;

/* One window each way: irecvs, isends, wait for the sends, wait for the receives. */
static void round_trip(void *arg) {
    windows_args *a = arg;
    for (int j = 0; j < a->window; j++) {
        MPI_Irecv(a->r, a->n, MPI_CHAR, a->peer, a->recv_tag, MPI_COMM_WORLD, &a->recvs[j]);
    }
    for (int j = 0; j < a->window; j++) {
        MPI_Isend(a->s, a->n, MPI_CHAR, a->peer, a->send_tag, MPI_COMM_WORLD, &a->sends[j]);
    }
    MPI_Waitall(a->window, a->sends, MPI_STATUSES_IGNORE);
    MPI_Waitall(a->window, a->recvs, MPI_STATUSES_IGNORE);
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "bibw", &o);
    int peer = 1 - rank;
    /* as OSU: rank 0 sends with tag 100 and receives tag 10, rank 1 the other way round */
    windows_args a = {peer, 0, rank == 0 ? 100 : 10, rank == 0 ? 10 : 100, o.window,
                      osu_alloc(o.max_size), osu_alloc(o.max_size),
                      malloc(sizeof(MPI_Request) * o.window), malloc(sizeof(MPI_Request) * o.window)};
    osu_header(rank == 0, "OSU MPI Bi-Directional Bandwidth Test", "bibw", "Bandwidth (MB/s)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = a.n = (int) size;
        osu_fill(a.s, n, osu_seed(rank, size));
        osu_spoil(a.r, n, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 100, 20);
        int warmup = osu_warmup(&o, size, 10, 2);
        osu_prelude(2 * size * o.window, 0, round_trip, &a);
        MPI_Barrier(MPI_COMM_WORLD);
        double seconds = osu_time_loop(iterations, warmup, round_trip, &a);
        osu_spoil(a.r, n, osu_seed(peer, size));
        round_trip(&a);
        osu_verify(osu_mismatches(a.r, n, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, 2.0 * size * o.window * iterations / 1e6 / seconds);
    }
    free(a.sends);
    free(a.recvs);
    free(a.s);
    free(a.r);
    osu_finish();
    return 0;
}
