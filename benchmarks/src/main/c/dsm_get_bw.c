/* C twin of org.jmpi.bench.dsm.GetBandwidth: per round rank 0 starts a window (-w, default
 * 64) of ucp_get_nbx of size bytes from consecutive offsets of rank 1's window into
 * consecutive local buffers, then waits for all of them; MB/s over the timed rounds. Rank 1
 * fills its window with a pattern first; the data is checked outside the timed loop.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_get_bw
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

/* Rounds of a window of gets of size into local, then a check; the timed seconds. */
static double run(dsm_target *t, unsigned char *local, long size, int window, int warmup, int iterations) {
    ucp_request_param_t param = {0};
    ucs_status_ptr_t *requests = calloc(window, sizeof(ucs_status_ptr_t));
    memset(local, 0, size * window);
    double seconds;
    DSM_TIME(seconds, warmup, iterations, {
        for (int j = 0; j < window; j++) {
            requests[j] = ucp_get_nbx(t->ep, local + j * size, size, t->base + j * size, t->rkey, &param);
            if (UCS_PTR_IS_ERR(requests[j])) dsm_fail("ucp_get_nbx", UCS_PTR_STATUS(requests[j]));
        }
        for (int j = 0; j < window; j++) dsm_await(t->c->worker, requests[j], "ucp_get_nbx");
    });
    free(requests);
    dsm_verify(local, size * window, 0, "get bandwidth", size);
    return seconds;
}

int main(int argc, char **argv) {
    return dsm_sweep(argc, argv, "OSU UCX-DSM Get Bandwidth Test", "dsm_get_bw", 1, 1, run);
}
