package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Nonblocking collective operations of a {@link Comm}: each starts the collective and
 * returns its {@link Request}; buffers must not be touched until it completes. Every
 * rank must start the same collectives in the same order. Arguments mean what they mean
 * in the blocking forms ({@link Collectives}, {@link VariableCollectives}), including
 * {@link Comm#IN_PLACE}. Buffers must be native segments (a heap array could move
 * before completion); the request keeps them reachable, and keeps the native copies of
 * count, displacement and datatype arrays until it completes. A nonblocking collective
 * cannot be abandoned: its request refuses {@code close()} until it has completed.
 */
public sealed interface NonblockingCollectives permits Comm {

    /** Starts a barrier ({@code MPI_Ibarrier}): completes once every rank has started it. */
    default Request ibarrier() {
        return CollectiveCalls.ibarrier(comm());
    }

    /** Starts a broadcast of the whole segment from {@code root} ({@code MPI_Ibcast}). */
    default Request ibcast(MemorySegment buf, Datatype type, int root) {
        return CollectiveCalls.bcast(comm(), true, buf, type, root);
    }

    /** Starts a gather to {@code root} ({@code MPI_Igather}); see {@link Collectives#gather}. */
    default Request igather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        return CollectiveCalls.rooted(comm(), true, true, send, recv, type, root);
    }

    /** Starts a gather of uneven blocks ({@code MPI_Igatherv}); see {@link VariableCollectives#gatherv}. */
    default Request igatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type,
                             int root) {
        return VariableCollectiveCalls.rooted(comm(), true, true, send, recv, counts, displs, type, root);
    }

    /** Starts a scatter from {@code root} ({@code MPI_Iscatter}); see {@link Collectives#scatter}. */
    default Request iscatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        return CollectiveCalls.rooted(comm(), true, false, send, recv, type, root);
    }

    /** Starts a scatter of uneven blocks ({@code MPI_Iscatterv}); see {@link VariableCollectives#scatterv}. */
    default Request iscatterv(MemorySegment send, int[] counts, int[] displs, MemorySegment recv, Datatype type,
                              int root) {
        return VariableCollectiveCalls.rooted(comm(), true, false, send, recv, counts, displs, type, root);
    }

    /** Starts an allgather ({@code MPI_Iallgather}); see {@link Collectives#allgather}. */
    default Request iallgather(MemorySegment send, MemorySegment recv, Datatype type) {
        return CollectiveCalls.exchange(comm(), true, false, send, recv, type);
    }

    /** Starts an allgather of uneven blocks ({@code MPI_Iallgatherv}); see {@link VariableCollectives#allgatherv}. */
    default Request iallgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type) {
        return VariableCollectiveCalls.allgatherv(comm(), true, send, recv, counts, displs, type);
    }

    /** Starts an all-to-all exchange ({@code MPI_Ialltoall}); see {@link Collectives#alltoall}. */
    default Request ialltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        return CollectiveCalls.exchange(comm(), true, true, send, recv, type);
    }

    /** Starts an all-to-all of uneven blocks ({@code MPI_Ialltoallv}); see {@link VariableCollectives#alltoallv}. */
    default Request ialltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                               int[] recvCounts, int[] recvDispls, Datatype type) {
        return VariableCollectiveCalls.alltoall(comm(), true, send, sendCounts, sendDispls, null, recv, recvCounts,
                recvDispls, null, type);
    }

    /**
     * Starts an all-to-all with a datatype per peer and byte displacements
     * ({@code MPI_Ialltoallw}); see {@link VariableCollectives#alltoallw}.
     */
    default Request ialltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                               MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        return VariableCollectiveCalls.alltoall(comm(), true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, null);
    }

    /** Starts a reduction to {@code root} ({@code MPI_Ireduce}); see {@link Collectives#reduce}. */
    default Request ireduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        return CollectiveCalls.reduce(comm(), true, send, recv, type, op, root);
    }

    /** Starts a reduction to every rank ({@code MPI_Iallreduce}); see {@link Collectives#allreduce}. */
    default Request iallreduce(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.ALLREDUCE, send, recv, type, op);
    }

    /** Starts an uneven reduce-scatter ({@code MPI_Ireduce_scatter}); see {@link VariableCollectives#reduceScatter}. */
    default Request ireduceScatter(MemorySegment send, MemorySegment recv, int[] counts, Datatype type, Op op) {
        return VariableCollectiveCalls.reduceScatter(comm(), true, send, recv, counts, type, op);
    }

    /**
     * Starts a reduce-scatter of equal blocks ({@code MPI_Ireduce_scatter_block}); see
     * {@link Collectives#reduceScatterBlock}.
     */
    default Request ireduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduceScatterBlock(comm(), true, send, recv, type, op);
    }

    /** Starts an inclusive prefix reduction ({@code MPI_Iscan}); see {@link Collectives#scan}. */
    default Request iscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.SCAN, send, recv, type, op);
    }

    /** Starts an exclusive prefix reduction ({@code MPI_Iexscan}); see {@link Collectives#exscan}. */
    default Request iexscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.EXSCAN, send, recv, type, op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
