/* C twin of org.jmpi.bench.dsm.PutLatency: rank 0 puts size bytes at offset 0 of rank 1's
 * window (ucp_put_nbx, waited for) and flushes the endpoint, again and again; latency per
 * put + flush. The last put's data is read back and checked outside the timed loop.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_put_latency
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

/* Puts pattern size from local, then checks the target; the timed seconds. */
static double run(dsm_target *t, unsigned char *local, long size, int window, int warmup, int iterations) {
    ucp_request_param_t param = {0};
    (void) window;
    dsm_fill(local, size, size);
    double seconds;
    DSM_TIME(seconds, warmup, iterations, {
        dsm_await(t->c->worker, ucp_put_nbx(t->ep, local, size, t->base, t->rkey, &param), "ucp_put_nbx");
        dsm_flush(t->c, DSM_TARGET);
    });
    dsm_verify_target(t, size, size, "put latency", size);
    return seconds;
}

int main(int argc, char **argv) {
    return dsm_sweep(argc, argv, "OSU UCX-DSM Put Latency Test", "dsm_put_lat", 0, 0, run);
}
