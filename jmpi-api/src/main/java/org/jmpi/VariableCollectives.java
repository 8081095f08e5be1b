package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Blocking collectives with a count and displacement per rank (the v forms), a datatype
 * per peer ({@code alltoallw}) and uneven reduce-scatter. Counts and displacements are
 * Java arrays with one entry per rank, checked before the call (not null, length
 * {@code size()}, no negative entry, every block inside its buffer) and copied to native
 * memory for it. Displacements count elements of the datatype, except in
 * {@code alltoallw}, where they count bytes. Buffers must be native segments;
 * {@link Comm#IN_PLACE} selects the in-place forms as each method says.
 */
public sealed interface VariableCollectives permits Comm {

    /**
     * Gathers every rank's whole {@code send} into block i of {@code recv} at {@code root}:
     * {@code counts[i]} elements at element {@code displs[i]} ({@code MPI_Gatherv}). The
     * root's {@code send} must hold {@code counts[root]} elements, or be {@code IN_PLACE}
     * (its block already in {@code recv}); off the root {@code recv}, {@code counts} and
     * {@code displs} are ignored (may be null).
     */
    default void gatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type,
                         int root) {
        VariableCollectiveCalls.rooted(comm(), false, true, send, recv, counts, displs, type, root);
    }

    /**
     * Sends block i of {@code send} at {@code root} ({@code counts[i]} elements at element
     * {@code displs[i]}) to rank i, which receives it into its whole {@code recv}
     * ({@code MPI_Scatterv}). The root may pass {@code IN_PLACE} as {@code recv} (its block
     * stays in {@code send}); off the root {@code send}, {@code counts} and {@code displs}
     * are ignored (may be null).
     */
    default void scatterv(MemorySegment send, int[] counts, int[] displs, MemorySegment recv, Datatype type,
                          int root) {
        VariableCollectiveCalls.rooted(comm(), false, false, send, recv, counts, displs, type, root);
    }

    /**
     * Gathers rank i's whole {@code send} ({@code counts[i]} elements) into every rank's
     * {@code recv} at element {@code displs[i]} ({@code MPI_Allgatherv}). With {@code send}
     * {@code IN_PLACE}, each rank's block is already in place in {@code recv}.
     */
    default void allgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type) {
        VariableCollectiveCalls.allgatherv(comm(), false, send, recv, counts, displs, type);
    }

    /**
     * Sends {@code sendCounts[j]} elements at element {@code sendDispls[j]} of {@code send}
     * to rank j, and receives rank i's into {@code recv} at element {@code recvDispls[i]}
     * ({@code recvCounts[i]} elements) ({@code MPI_Alltoallv}). With {@code send}
     * {@code IN_PLACE}, the blocks are sent from {@code recv} and replaced; the send
     * arrays are then ignored (may be null).
     */
    default void alltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                           int[] recvCounts, int[] recvDispls, Datatype type) {
        VariableCollectiveCalls.alltoall(comm(), false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, type);
    }

    /**
     * As {@link #alltoallv}, with a datatype per peer and displacements in bytes: block j
     * of {@code send} is {@code sendCounts[j]} elements of {@code sendTypes[j]} at byte
     * {@code sendDispls[j]} ({@code MPI_Alltoallw}). With {@code send} {@code IN_PLACE},
     * the send arrays are ignored (may be null).
     */
    default void alltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                           MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        VariableCollectiveCalls.alltoall(comm(), false, send, sendCounts, sendDispls, sendTypes, recv, recvCounts,
                recvDispls, recvTypes, null);
    }

    /**
     * Reduces {@code send} (the sum of {@code counts} elements) element-wise with {@code op}
     * and leaves the {@code counts[i]} elements after the first i blocks on rank i, at the
     * start of {@code recv} ({@code MPI_Reduce_scatter}). With {@code send}
     * {@code IN_PLACE}, {@code recv} holds the whole input.
     */
    default void reduceScatter(MemorySegment send, MemorySegment recv, int[] counts, Datatype type, Op op) {
        VariableCollectiveCalls.reduceScatter(comm(), false, send, recv, counts, type, op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
