/* C twin of org.jmpi.bench.dsm.GetLatency: rank 0 gets size bytes from offset 0 of rank
 * 1's window (ucp_get_nbx, waited for), again and again; latency per get. Rank 1 fills
 * its window with a pattern first; the last get's data is checked outside the timed loop.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_get_latency
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

/* Gets size bytes into local, then checks them; the timed seconds. */
static double run(dsm_target *t, unsigned char *local, long size, int window, int warmup, int iterations) {
    ucp_request_param_t param = {0};
    (void) window;
    memset(local, 0, size);
    double seconds;
    DSM_TIME(seconds, warmup, iterations,
             dsm_await(t->c->worker, ucp_get_nbx(t->ep, local, size, t->base, t->rkey, &param), "ucp_get_nbx"));
    dsm_verify(local, size, 0, "get latency", size);
    return seconds;
}

int main(int argc, char **argv) {
    return dsm_sweep(argc, argv, "OSU UCX-DSM Get Latency Test", "dsm_get_lat", 0, 1, run);
}
