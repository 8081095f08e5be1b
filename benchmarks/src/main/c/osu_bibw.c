/* C twin of org.jmpi.bench.osu.BiBandwidth (OSU's osu_bibw): both ranks post a window of
 * irecvs, then a window of isends, wait for the sends and then the receives;
 * MB/s = 2 x size x window x iterations / time. */
#include "osu_common.h"

/* One window each way: irecvs, isends, wait for the sends, wait for the receives. */
static void round_trip(int peer, unsigned char *s, unsigned char *r, int n, int send_tag, int recv_tag,
                       int window, MPI_Request *sends, MPI_Request *recvs) {
    for (int j = 0; j < window; j++) {
        MPI_Irecv(r, n, MPI_CHAR, peer, recv_tag, MPI_COMM_WORLD, &recvs[j]);
    }
    for (int j = 0; j < window; j++) {
        MPI_Isend(s, n, MPI_CHAR, peer, send_tag, MPI_COMM_WORLD, &sends[j]);
    }
    MPI_Waitall(window, sends, MPI_STATUSES_IGNORE);
    MPI_Waitall(window, recvs, MPI_STATUSES_IGNORE);
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "bibw", &o);
    int peer = 1 - rank;
    /* as OSU: rank 0 sends with tag 100 and receives tag 10, rank 1 the other way round */
    int send_tag = rank == 0 ? 100 : 10;
    int recv_tag = rank == 0 ? 10 : 100;
    unsigned char *s = osu_alloc(o.max_size);
    unsigned char *r = osu_alloc(o.max_size);
    MPI_Request *sends = malloc(sizeof(MPI_Request) * o.window);
    MPI_Request *recvs = malloc(sizeof(MPI_Request) * o.window);
    osu_header(rank == 0, "OSU MPI Bi-Directional Bandwidth Test", "bibw", "Bandwidth (MB/s)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = (int) size;
        osu_fill(s, n, osu_seed(rank, size));
        osu_spoil(r, n, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 100, 20);
        int warmup = osu_warmup(&o, size, 10, 2);
        MPI_Barrier(MPI_COMM_WORLD);
        double start = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) start = MPI_Wtime();
            round_trip(peer, s, r, n, send_tag, recv_tag, o.window, sends, recvs);
        }
        double seconds = MPI_Wtime() - start;
        osu_spoil(r, n, osu_seed(peer, size));
        round_trip(peer, s, r, n, send_tag, recv_tag, o.window, sends, recvs);
        osu_verify(osu_mismatches(r, n, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, 2.0 * size * o.window * iterations / 1e6 / seconds);
    }
    free(sends);
    free(recvs);
    free(s);
    free(r);
    osu_finish();
    return 0;
}
