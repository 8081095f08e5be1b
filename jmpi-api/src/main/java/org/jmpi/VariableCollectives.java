package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Blocking collectives with a count and displacement per rank (the v forms), a datatype
 * per peer ({@code alltoallw}) and uneven reduce-scatter. Counts and displacements are
 * Java arrays with one entry per rank, checked before the call (not null, length
 * {@code size()}, no negative entry, every block inside its buffer) and copied to native
 * memory for it. Displacements count elements of the datatype of the side they describe,
 * as in C, except in {@code alltoallw}, where they count bytes.
 *
 * <p>Messages are as in {@link Collectives}: an array (all of it, its element type's
 * datatype) or a {@link Buf}. On a side described by count and displacement arrays a
 * {@code Buf} names the memory from its offset and the datatype; its count is not used.
 * Arrays and heap segments are staged (copied) as {@link Collectives} describes, the gaps
 * between blocks included. {@link Comm#IN_PLACE} selects the in-place forms as each method
 * says.
 */
public sealed interface VariableCollectives permits Comm {

    /**
     * Gathers every rank's {@code send} into block i of {@code recv} at {@code root}:
     * {@code counts[i]} elements of {@code recv}'s datatype at element {@code displs[i]}
     * ({@code MPI_Gatherv}). The root may pass {@code IN_PLACE} as {@code send} (its block
     * already in {@code recv}); off the root {@code recv}, {@code counts} and {@code displs}
     * are ignored (may be null).
     */
    default void gatherv(Object send, Object recv, int[] counts, int[] displs, int root) {
        VariableCollectiveCalls.rooted(comm(), false, true, send, recv, counts, displs, null, root);
    }

    /**
     * Gathers every rank's whole {@code send} into block i of {@code recv} at {@code root}:
     * {@code counts[i]} elements at element {@code displs[i]} ({@code MPI_Gatherv}). The
     * root's {@code send} must hold {@code counts[root]} elements, or be {@code IN_PLACE}
     * (its block already in {@code recv}); off the root {@code recv}, {@code counts} and
     * {@code displs} are ignored (may be null).
     */
    default void gatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type,
                         int root) {
        VariableCollectiveCalls.rooted(comm(), false, true, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"), root);
    }

    /**
     * Sends block i of {@code send} at {@code root} ({@code counts[i]} elements of its
     * datatype at element {@code displs[i]}) to rank i's {@code recv} ({@code MPI_Scatterv}).
     * The root may pass {@code IN_PLACE} as {@code recv}; off the root {@code send},
     * {@code counts} and {@code displs} are ignored (may be null).
     */
    default void scatterv(Object send, int[] counts, int[] displs, Object recv, int root) {
        VariableCollectiveCalls.rooted(comm(), false, false, send, recv, counts, displs, null, root);
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
        VariableCollectiveCalls.rooted(comm(), false, false, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"), root);
    }

    /**
     * Gathers rank i's {@code send} into every rank's {@code recv}: {@code counts[i]}
     * elements of {@code recv}'s datatype at element {@code displs[i]}
     * ({@code MPI_Allgatherv}). With {@code send} {@code IN_PLACE}, each rank's block is
     * already in place in {@code recv}.
     */
    default void allgatherv(Object send, Object recv, int[] counts, int[] displs) {
        VariableCollectiveCalls.allgatherv(comm(), false, false, send, recv, counts, displs, null);
    }

    /**
     * Gathers rank i's whole {@code send} ({@code counts[i]} elements) into every rank's
     * {@code recv} at element {@code displs[i]} ({@code MPI_Allgatherv}). With {@code send}
     * {@code IN_PLACE}, each rank's block is already in place in {@code recv}.
     */
    default void allgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type) {
        VariableCollectiveCalls.allgatherv(comm(), false, false, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"));
    }

    /**
     * Sends {@code sendCounts[j]} elements at element {@code sendDispls[j]} of {@code send}
     * to rank j, and receives rank i's into {@code recv} at element {@code recvDispls[i]}
     * ({@code recvCounts[i]} elements), each side in its own datatype
     * ({@code MPI_Alltoallv}). With {@code send} {@code IN_PLACE}, the blocks are sent from
     * {@code recv} and replaced; the send arrays are then ignored (may be null).
     */
    default void alltoallv(Object send, int[] sendCounts, int[] sendDispls, Object recv, int[] recvCounts,
                           int[] recvDispls) {
        VariableCollectiveCalls.alltoall(comm(), false, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, null);
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
        VariableCollectiveCalls.alltoall(comm(), false, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /**
     * As {@link #alltoallv(Object, int[], int[], Object, int[], int[])}, with a datatype per
     * peer and displacements in bytes from the start of each message ({@code MPI_Alltoallw});
     * the messages' own datatypes are not used. With {@code send} {@code IN_PLACE}, the send
     * arrays are ignored (may be null).
     */
    default void alltoallw(Object send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes, Object recv,
                           int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        VariableCollectiveCalls.alltoall(comm(), false, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, null);
    }

    /**
     * As {@link #alltoallv}, with a datatype per peer and displacements in bytes: block j
     * of {@code send} is {@code sendCounts[j]} elements of {@code sendTypes[j]} at byte
     * {@code sendDispls[j]} ({@code MPI_Alltoallw}). With {@code send} {@code IN_PLACE},
     * the send arrays are ignored (may be null).
     */
    default void alltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                           MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        VariableCollectiveCalls.alltoall(comm(), false, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, Datatype.BYTE);
    }

    /**
     * Reduces {@code send} (the sum of {@code counts} elements) element-wise with {@code op}
     * and leaves the {@code counts[i]} elements after the first i blocks on rank i, at the
     * start of {@code recv} ({@code MPI_Reduce_scatter}); both messages have one datatype.
     * With {@code send} {@code IN_PLACE}, {@code recv} holds the whole input.
     */
    default void reduceScatter(Object send, Object recv, int[] counts, Op op) {
        VariableCollectiveCalls.reduceScatter(comm(), false, send, recv, counts, null, op);
    }

    /**
     * Reduces {@code send} (the sum of {@code counts} elements) element-wise with {@code op}
     * and leaves the {@code counts[i]} elements after the first i blocks on rank i, at the
     * start of {@code recv} ({@code MPI_Reduce_scatter}). With {@code send}
     * {@code IN_PLACE}, {@code recv} holds the whole input.
     */
    default void reduceScatter(MemorySegment send, MemorySegment recv, int[] counts, Datatype type, Op op) {
        VariableCollectiveCalls.reduceScatter(comm(), false, send, recv, counts, Objects.requireNonNull(type, "type"),
                op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
