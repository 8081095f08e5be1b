/* C twin of org.jmpi.bench.dsm.PutBandwidth: per round rank 0 starts a window (-w, default
 * 64) of ucp_put_nbx of size bytes to consecutive offsets of rank 1's window, flushes the
 * endpoint and completes the requests; MB/s over the timed rounds. What was put is read
 * back and checked outside the timed loop.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_put_bw
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

/* Rounds of a window of puts of size from local, then a check; the timed seconds. */
static double run(dsm_target *t, unsigned char *local, long size, int window, int warmup, int iterations) {
    ucp_request_param_t param = {0};
    ucs_status_ptr_t *requests = calloc(window, sizeof(ucs_status_ptr_t));
    dsm_fill(local, size * window, size);
    double seconds;
    DSM_TIME(seconds, warmup, iterations, {
        for (int j = 0; j < window; j++) {
            requests[j] = ucp_put_nbx(t->ep, local + j * size, size, t->base + j * size, t->rkey, &param);
            if (UCS_PTR_IS_ERR(requests[j])) dsm_fail("ucp_put_nbx", UCS_PTR_STATUS(requests[j]));
        }
        dsm_flush(t->c, DSM_TARGET);
        for (int j = 0; j < window; j++) dsm_await(t->c->worker, requests[j], "ucp_put_nbx");
    });
    free(requests);
    dsm_verify_target(t, size * window, size, "put bandwidth", size);
    return seconds;
}

int main(int argc, char **argv) {
    return dsm_sweep(argc, argv, "OSU UCX-DSM Put Bandwidth Test", "dsm_put_bw", 1, 0, run);
}
