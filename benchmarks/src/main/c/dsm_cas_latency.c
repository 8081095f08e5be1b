/* C twin of org.jmpi.bench.dsm.CompareSwapLatency: each round rank 0 swaps a 64-bit word of
 * rank 1's window from its current count n to n + 1 (ucp_atomic_op_nbx UCP_ATOMIC_OP_CSWAP,
 * waited for); latency per round trip (one row, size 8). Every swap must succeed and the
 * final value must be the number of rounds.
 *   mpirun --bind-to core -np 2 benchmarks/target/c-bin/dsm_cas_latency
 */
#include <ucp/api/ucp.h>

#include "dsm_common.h"

int main(int argc, char **argv) {
    return dsm_atomic_latency(argc, argv, UCP_ATOMIC_OP_CSWAP, "OSU UCX-DSM Compare-and-Swap Latency Test",
                              "dsm_cas_lat", "compare-and-swap latency");
}
