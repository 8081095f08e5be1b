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
 * <p>Buffers are native segments; {@link Comm#IN_PLACE} is refused. Counts and
 * displacements are Java arrays of one entry per neighbour (the in-degree for the receive
 * side, the out-degree for the send side), checked against the buffers before the call.
 * The {@code i} forms start the operation and return its {@link Request}, which keeps the
 * buffers reachable and the native copies of the arrays alive until it completes.
 *
 * @throws IllegalStateException from every method, if the communicator has no topology
 */
public sealed interface NeighborCollectives permits Comm {

    /**
     * Sends {@code send} to every out-neighbour and receives one block of the same size
     * from each in-neighbour into consecutive blocks of {@code recv}
     * ({@code MPI_Neighbor_allgather}).
     */
    default void neighborAllgather(MemorySegment send, MemorySegment recv, Datatype type) {
        NeighborCalls.allgather((Comm) this, false, send, recv, type);
    }

    /**
     * Sends {@code send} to every out-neighbour and receives in-neighbour i's block,
     * {@code counts[i]} elements, at element {@code displs[i]} of {@code recv}
     * ({@code MPI_Neighbor_allgatherv}).
     */
    default void neighborAllgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs,
                                    Datatype type) {
        NeighborCalls.allgatherv((Comm) this, false, send, recv, counts, displs, type);
    }

    /**
     * Sends block j of {@code send} to out-neighbour j and receives in-neighbour i's block
     * into block i of {@code recv}, all blocks of one size ({@code MPI_Neighbor_alltoall}).
     */
    default void neighborAlltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        NeighborCalls.alltoall((Comm) this, false, send, recv, type);
    }

    /**
     * Sends {@code sendCounts[j]} elements at element {@code sendDispls[j]} of {@code send}
     * to out-neighbour j and receives in-neighbour i's into {@code recv} at element
     * {@code recvDispls[i]} ({@code recvCounts[i]} elements) ({@code MPI_Neighbor_alltoallv}).
     */
    default void neighborAlltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                                   int[] recvCounts, int[] recvDispls, Datatype type) {
        NeighborCalls.alltoallv((Comm) this, false, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /**
     * As {@link #neighborAlltoallv}, with a datatype per neighbour and displacements in
     * bytes ({@code MPI_Neighbor_alltoallw}).
     */
    default void neighborAlltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                   MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        NeighborCalls.alltoallv((Comm) this, false, send, sendCounts, sendDispls, sendTypes, recv, recvCounts,
                recvDispls, recvTypes, null);
    }

    /** Starts a {@link #neighborAllgather} ({@code MPI_Ineighbor_allgather}). */
    default Request ineighborAllgather(MemorySegment send, MemorySegment recv, Datatype type) {
        return NeighborCalls.allgather((Comm) this, true, send, recv, type);
    }

    /** Starts a {@link #neighborAllgatherv} ({@code MPI_Ineighbor_allgatherv}). */
    default Request ineighborAllgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs,
                                        Datatype type) {
        return NeighborCalls.allgatherv((Comm) this, true, send, recv, counts, displs, type);
    }

    /** Starts a {@link #neighborAlltoall} ({@code MPI_Ineighbor_alltoall}). */
    default Request ineighborAlltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        return NeighborCalls.alltoall((Comm) this, true, send, recv, type);
    }

    /** Starts a {@link #neighborAlltoallv} ({@code MPI_Ineighbor_alltoallv}). */
    default Request ineighborAlltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                                       int[] recvCounts, int[] recvDispls, Datatype type) {
        return NeighborCalls.alltoallv((Comm) this, true, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /** Starts a {@link #neighborAlltoallw} ({@code MPI_Ineighbor_alltoallw}). */
    default Request ineighborAlltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                                       MemorySegment recv, int[] recvCounts, int[] recvDispls,
                                       Datatype[] recvTypes) {
        return NeighborCalls.alltoallv((Comm) this, true, send, sendCounts, sendDispls, sendTypes, recv, recvCounts,
                recvDispls, recvTypes, null);
    }
}
