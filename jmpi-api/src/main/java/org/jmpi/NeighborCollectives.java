package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Neighbourhood collectives of a {@link Comm} with a topology (MPI chapter 7.6): each
 * process exchanges blocks with its neighbours only. In a Cartesian grid the neighbours
 * are, dimension by dimension, the process one step down then one step up (2 x ndims
 * blocks, a {@link Comm#PROC_NULL} neighbour's block untouched); in a graph, a node's
 * neighbours in {@link GraphTopology#neighbors} order; in a distributed graph, blocks are
 * received from {@link DistGraphTopology#sources()} and sent to
 * {@link DistGraphTopology#destinations()}, in that order. Every process of the
 * communicator must call the same collective.
 *
 * <p>Messages are as in {@link Collectives} and {@link VariableCollectives}: arrays,
 * {@link Buf}s (a count per block on a side of blocks, not used on a side described by
 * count arrays), or whole segments in the segment forms; arrays and heap segments are
 * staged (copied) as those describe. {@link Comm#IN_PLACE} is refused. Counts and
 * displacements are Java arrays of one entry per neighbour (the in-degree for the receive
 * side, the out-degree for the send side), checked against the messages before the call.
 * The {@code i} forms start the operation and return its {@link Request}, which keeps the
 * native memory reachable, copies what MPI wrote back into arrays, and keeps the native
 * copies of the count arrays alive until it completes. Every method throws
 * {@code IllegalStateException} if the communicator has no topology.
 */
public sealed interface NeighborCollectives permits Comm {

    /**
     * Sends {@code send} to every out-neighbour and receives one block from each
     * in-neighbour into consecutive blocks of {@code recv} ({@code MPI_Neighbor_allgather}).
     */
    default void neighborAllgather(Object send, Object recv) {
        NeighborCalls.exchange((Comm) this, false, false, send, recv, null);
    }

    /**
     * Sends {@code send} to every out-neighbour and receives one block of the same size
     * from each in-neighbour into consecutive blocks of {@code recv}
     * ({@code MPI_Neighbor_allgather}).
     */
    default void neighborAllgather(MemorySegment send, MemorySegment recv, Datatype type) {
        NeighborCalls.exchange((Comm) this, false, false, send, recv, Objects.requireNonNull(type, "type"));
    }

    /**
     * Sends {@code send} to every out-neighbour and receives in-neighbour i's block,
     * {@code counts[i]} elements of {@code recv}'s datatype, at element {@code displs[i]}
     * of {@code recv} ({@code MPI_Neighbor_allgatherv}).
     */
    default void neighborAllgatherv(Object send, Object recv, int[] counts, int[] displs) {
        VariableCollectiveCalls.allgatherv((Comm) this, false, true, send, recv, counts, displs, null);
    }

    /**
     * Sends {@code send} to every out-neighbour and receives in-neighbour i's block,
     * {@code counts[i]} elements, at element {@code displs[i]} of {@code recv}
     * ({@code MPI_Neighbor_allgatherv}).
     */
    default void neighborAllgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs,
                                    Datatype type) {
        VariableCollectiveCalls.allgatherv((Comm) this, false, true, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"));
    }

    /**
     * Sends block j of {@code send} to out-neighbour j and receives in-neighbour i's block
     * into block i of {@code recv} ({@code MPI_Neighbor_alltoall}).
     */
    default void neighborAlltoall(Object send, Object recv) {
        NeighborCalls.exchange((Comm) this, false, true, send, recv, null);
    }

    /**
     * Sends block j of {@code send} to out-neighbour j and receives in-neighbour i's block
     * into block i of {@code recv}, all blocks of one size ({@code MPI_Neighbor_alltoall}).
     */
    default void neighborAlltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        NeighborCalls.exchange((Comm) this, false, true, send, recv, Objects.requireNonNull(type, "type"));
    }

    /**
     * Sends {@code sendCounts[j]} elements at element {@code sendDispls[j]} of {@code send}
     * to out-neighbour j and receives in-neighbour i's into {@code recv} at element
     * {@code recvDispls[i]} ({@code recvCounts[i]} elements), each side in its own datatype
     * ({@code MPI_Neighbor_alltoallv}).
     */
    default void neighborAlltoallv(Object send, int[] sendCounts, int[] sendDispls, Object recv, int[] recvCounts,
                                   int[] recvDispls) {
        NeighborCalls.alltoallv((Comm) this, false, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, null);
    }

    /**
     * Sends {@code sendCounts[j]} elements at element {@code sendDispls[j]} of {@code send}
     * to out-neighbour j and receives in-neighbour i's into {@code recv} at element
     * {@code recvDispls[i]} ({@code recvCounts[i]} elements) ({@code MPI_Neighbor_alltoallv}).
     */
    default void neighborAlltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                                   int[] recvCounts, int[] recvDispls, Datatype type) {
        NeighborCalls.alltoallv((Comm) this, false, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /**
     * As {@link #neighborAlltoallv(Object, int[], int[], Object, int[], int[])}, with a
     * datatype per neighbour and displacements in bytes ({@code MPI_Neighbor_alltoallw}).
     */
    default void neighborAlltoallw(Object send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                   Object recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        NeighborCalls.alltoallv((Comm) this, false, true, send, sendCounts, sendDispls, sendTypes, recv, recvCounts,
                recvDispls, recvTypes, null);
    }

    /**
     * As {@link #neighborAlltoallv}, with a datatype per neighbour and displacements in
     * bytes ({@code MPI_Neighbor_alltoallw}).
     */
    default void neighborAlltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                   MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        NeighborCalls.alltoallv((Comm) this, false, true, send, sendCounts, sendDispls, sendTypes, recv, recvCounts,
                recvDispls, recvTypes, Datatype.BYTE);
    }

    /** Starts a {@link #neighborAllgather(Object, Object)} ({@code MPI_Ineighbor_allgather}). */
    default Request ineighborAllgather(Object send, Object recv) {
        return NeighborCalls.exchange((Comm) this, true, false, send, recv, null);
    }

    /** Starts a {@link #neighborAllgather} ({@code MPI_Ineighbor_allgather}). */
    default Request ineighborAllgather(MemorySegment send, MemorySegment recv, Datatype type) {
        return NeighborCalls.exchange((Comm) this, true, false, send, recv, Objects.requireNonNull(type, "type"));
    }

    /** Starts a {@link #neighborAllgatherv(Object, Object, int[], int[])} ({@code MPI_Ineighbor_allgatherv}). */
    default Request ineighborAllgatherv(Object send, Object recv, int[] counts, int[] displs) {
        return VariableCollectiveCalls.allgatherv((Comm) this, true, true, send, recv, counts, displs, null);
    }

    /** Starts a {@link #neighborAllgatherv} ({@code MPI_Ineighbor_allgatherv}). */
    default Request ineighborAllgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs,
                                        Datatype type) {
        return VariableCollectiveCalls.allgatherv((Comm) this, true, true, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"));
    }

    /** Starts a {@link #neighborAlltoall(Object, Object)} ({@code MPI_Ineighbor_alltoall}). */
    default Request ineighborAlltoall(Object send, Object recv) {
        return NeighborCalls.exchange((Comm) this, true, true, send, recv, null);
    }

    /** Starts a {@link #neighborAlltoall} ({@code MPI_Ineighbor_alltoall}). */
    default Request ineighborAlltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        return NeighborCalls.exchange((Comm) this, true, true, send, recv, Objects.requireNonNull(type, "type"));
    }

    /** Starts a {@link #neighborAlltoallv(Object, int[], int[], Object, int[], int[])} ({@code MPI_Ineighbor_alltoallv}). */
    default Request ineighborAlltoallv(Object send, int[] sendCounts, int[] sendDispls, Object recv,
                                       int[] recvCounts, int[] recvDispls) {
        return NeighborCalls.alltoallv((Comm) this, true, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, null);
    }

    /** Starts a {@link #neighborAlltoallv} ({@code MPI_Ineighbor_alltoallv}). */
    default Request ineighborAlltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                                       int[] recvCounts, int[] recvDispls, Datatype type) {
        return NeighborCalls.alltoallv((Comm) this, true, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /** Starts a {@link #neighborAlltoallw(Object, int[], int[], Datatype[], Object, int[], int[], Datatype[])}. */
    default Request ineighborAlltoallw(Object send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                       Object recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        return NeighborCalls.alltoallv((Comm) this, true, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, null);
    }

    /** Starts a {@link #neighborAlltoallw} ({@code MPI_Ineighbor_alltoallw}). */
    default Request ineighborAlltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                       MemorySegment recv, int[] recvCounts, int[] recvDispls,
                                       Datatype[] recvTypes) {
        return NeighborCalls.alltoallv((Comm) this, true, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, Datatype.BYTE);
    }
}
