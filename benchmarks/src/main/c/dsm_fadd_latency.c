/* C twin of org.jmpi.bench.dsm.FetchAddLatency: rank 0 atomically adds 1 to a 64-bit word
 * of rank 1's window (ucp_atomic_op_nbx UCP_ATOMIC_OP_ADD with a reply buffer, waited for),
 * again and again; latency per round trip (one row, size 8). Every returned value and the
 * final count are checked.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_fadd_latency
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

int main(int argc, char **argv) {
    return dsm_atomic_latency(argc, argv, UCP_ATOMIC_OP_ADD, "OSU UCX-DSM Fetch-and-Add Latency Test", "dsm_fadd_lat",
                              "fetch-add latency");
}
