/* C twin of org.jmpi.bench.osu.Bandwidth (OSU's osu_bw): rank 0 isends a window of one
 * buffer and waits, rank 1 irecvs the window and acknowledges with 4 bytes;
 * MB/s = size x window x iterations / time. */
#include "osu_common.h"

#define DATA_TAG 100
#define ACK_TAG 101
#define ACK 4

/* One window: rank 0 isends and waits, then takes the acknowledgement; rank 1 irecvs, waits, acknowledges. */
static void round_trip(int rank, unsigned char *s, unsigned char *r, int n, int window, MPI_Request *reqs) {
    if (rank == 0) {
        for (int j = 0; j < window; j++) {
            MPI_Isend(s, n, MPI_CHAR, 1, DATA_TAG, MPI_COMM_WORLD, &reqs[j]);
        }
        MPI_Waitall(window, reqs, MPI_STATUSES_IGNORE);
        MPI_Recv(r, ACK, MPI_CHAR, 1, ACK_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        for (int j = 0; j < window; j++) {
            MPI_Irecv(r, n, MPI_CHAR, 0, DATA_TAG, MPI_COMM_WORLD, &reqs[j]);
        }
        MPI_Waitall(window, reqs, MPI_STATUSES_IGNORE);
        MPI_Send(s, ACK, MPI_CHAR, 0, ACK_TAG, MPI_COMM_WORLD);
    }
}

int main(int argc, char **argv) {
    osu_options o;
    int rank = osu_start(&argc, &argv, 1, 2, 2, "bw", &o);
    int peer = 1 - rank;
    long bytes = o.max_size > ACK ? o.max_size : ACK;
    unsigned char *s = osu_alloc(bytes);
    unsigned char *r = osu_alloc(bytes);
    MPI_Request *reqs = malloc(sizeof(MPI_Request) * o.window);
    osu_header(rank == 0, "OSU MPI Bandwidth Test", "bw", "Bandwidth (MB/s)");
    for (long size = o.min_size; size <= o.max_size; size *= 2) {
        int n = (int) size;
        /* rank 0 receives the acknowledgement, rank 1 the data */
        int received = rank == 0 ? ACK : n;
        int prepared = n > ACK ? n : ACK;
        osu_fill(s, prepared, osu_seed(rank, size));
        osu_spoil(r, prepared, osu_seed(peer, size));
        int iterations = osu_iterations(&o, size, 100, 20);
        int warmup = osu_warmup(&o, size, 10, 2);
        MPI_Barrier(MPI_COMM_WORLD);
        double start = 0;
        for (int i = 0; i < iterations + warmup; i++) {
            if (i == warmup) start = MPI_Wtime();
            round_trip(rank, s, r, n, o.window, reqs);
        }
        double seconds = MPI_Wtime() - start;
        osu_spoil(r, received, osu_seed(peer, size));
        round_trip(rank, s, r, n, o.window, reqs);
        osu_verify(osu_mismatches(r, received, osu_seed(peer, size)), size);
        osu_row(rank == 0, size, (double) size * o.window * iterations / 1e6 / seconds);
    }
    free(reqs);
    free(s);
    free(r);
    osu_finish();
    return 0;
}
