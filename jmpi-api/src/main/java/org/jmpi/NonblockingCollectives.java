package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Nonblocking collective operations of a {@link Comm}: each starts the collective and
 * returns its {@link Request}; messages must not be touched until it completes. Every
 * rank must start the same collectives in the same order. Arguments mean what they mean
 * in the blocking forms ({@link Collectives}, {@link VariableCollectives}), including
 * {@link Comm#IN_PLACE}; each side is an array, a {@link Buf} or, in the segment forms, a
 * whole segment.
 *
 * <p>Native segments are used in place; the request keeps them reachable. Arrays and heap
 * segments (which the garbage collector may move) are copied when the operation starts
 * into native memory the request owns, and what MPI writes is copied back into them when
 * the request completes (not if it was cancelled): an array holds the result only once
 * {@code waitFor}, {@code test} or the like has reported completion. The request also keeps
 * the native copies of count, displacement and datatype arrays until it completes. A
 * nonblocking collective cannot be abandoned: its request refuses {@code close()} until it
 * has completed.
 */
public sealed interface NonblockingCollectives permits Comm {

    /** Starts a barrier ({@code MPI_Ibarrier}): completes once every rank has started it. */
    default Request ibarrier() {
        return CollectiveCalls.ibarrier(comm());
    }

    /** Starts a broadcast from {@code root} ({@code MPI_Ibcast}); see {@link Collectives#bcast(Object, int)}. */
    default Request ibcast(Object buf, int root) {
        return CollectiveCalls.bcast(comm(), true, buf, root);
    }

    /** Starts a broadcast of the whole segment from {@code root} ({@code MPI_Ibcast}). */
    default Request ibcast(MemorySegment buf, Datatype type, int root) {
        return CollectiveCalls.bcast(comm(), true, buf, type, root);
    }

    /** Starts a gather to {@code root} ({@code MPI_Igather}); see {@link Collectives#gather(Object, Object, int)}. */
    default Request igather(Object send, Object recv, int root) {
        return CollectiveCalls.rooted(comm(), true, true, send, recv, null, root);
    }

    /** Starts a gather to {@code root} ({@code MPI_Igather}); see {@link Collectives#gather}. */
    default Request igather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        return CollectiveCalls.rooted(comm(), true, true, send, recv, Objects.requireNonNull(type, "type"), root);
    }

    /** Starts a gather of uneven blocks ({@code MPI_Igatherv}); see {@link VariableCollectives#gatherv}. */
    default Request igatherv(Object send, Object recv, int[] counts, int[] displs, int root) {
        return VariableCollectiveCalls.rooted(comm(), true, true, send, recv, counts, displs, null, root);
    }

    /** Starts a gather of uneven blocks ({@code MPI_Igatherv}); see {@link VariableCollectives#gatherv}. */
    default Request igatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type,
                             int root) {
        return VariableCollectiveCalls.rooted(comm(), true, true, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"), root);
    }

    /** Starts a scatter from {@code root} ({@code MPI_Iscatter}); see {@link Collectives#scatter(Object, Object, int)}. */
    default Request iscatter(Object send, Object recv, int root) {
        return CollectiveCalls.rooted(comm(), true, false, send, recv, null, root);
    }

    /** Starts a scatter from {@code root} ({@code MPI_Iscatter}); see {@link Collectives#scatter}. */
    default Request iscatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        return CollectiveCalls.rooted(comm(), true, false, send, recv, Objects.requireNonNull(type, "type"), root);
    }

    /** Starts a scatter of uneven blocks ({@code MPI_Iscatterv}); see {@link VariableCollectives#scatterv}. */
    default Request iscatterv(Object send, int[] counts, int[] displs, Object recv, int root) {
        return VariableCollectiveCalls.rooted(comm(), true, false, send, recv, counts, displs, null, root);
    }

    /** Starts a scatter of uneven blocks ({@code MPI_Iscatterv}); see {@link VariableCollectives#scatterv}. */
    default Request iscatterv(MemorySegment send, int[] counts, int[] displs, MemorySegment recv, Datatype type,
                              int root) {
        return VariableCollectiveCalls.rooted(comm(), true, false, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"), root);
    }

    /** Starts an allgather ({@code MPI_Iallgather}); see {@link Collectives#allgather(Object, Object)}. */
    default Request iallgather(Object send, Object recv) {
        return CollectiveCalls.exchange(comm(), true, false, send, recv, null);
    }

    /** Starts an allgather ({@code MPI_Iallgather}); see {@link Collectives#allgather}. */
    default Request iallgather(MemorySegment send, MemorySegment recv, Datatype type) {
        return CollectiveCalls.exchange(comm(), true, false, send, recv, Objects.requireNonNull(type, "type"));
    }

    /** Starts an allgather of uneven blocks ({@code MPI_Iallgatherv}); see {@link VariableCollectives#allgatherv}. */
    default Request iallgatherv(Object send, Object recv, int[] counts, int[] displs) {
        return VariableCollectiveCalls.allgatherv(comm(), true, false, send, recv, counts, displs, null);
    }

    /** Starts an allgather of uneven blocks ({@code MPI_Iallgatherv}); see {@link VariableCollectives#allgatherv}. */
    default Request iallgatherv(MemorySegment send, MemorySegment recv, int[] counts, int[] displs, Datatype type) {
        return VariableCollectiveCalls.allgatherv(comm(), true, false, send, recv, counts, displs,
                Objects.requireNonNull(type, "type"));
    }

    /** Starts an all-to-all exchange ({@code MPI_Ialltoall}); see {@link Collectives#alltoall(Object, Object)}. */
    default Request ialltoall(Object send, Object recv) {
        return CollectiveCalls.exchange(comm(), true, true, send, recv, null);
    }

    /** Starts an all-to-all exchange ({@code MPI_Ialltoall}); see {@link Collectives#alltoall}. */
    default Request ialltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        return CollectiveCalls.exchange(comm(), true, true, send, recv, Objects.requireNonNull(type, "type"));
    }

    /** Starts an all-to-all of uneven blocks ({@code MPI_Ialltoallv}); see {@link VariableCollectives#alltoallv}. */
    default Request ialltoallv(Object send, int[] sendCounts, int[] sendDispls, Object recv, int[] recvCounts,
                               int[] recvDispls) {
        return VariableCollectiveCalls.alltoall(comm(), true, false, send, sendCounts, sendDispls, null, recv,
                recvCounts, recvDispls, null, null);
    }

    /** Starts an all-to-all of uneven blocks ({@code MPI_Ialltoallv}); see {@link VariableCollectives#alltoallv}. */
    default Request ialltoallv(MemorySegment send, int[] sendCounts, int[] sendDispls, MemorySegment recv,
                               int[] recvCounts, int[] recvDispls, Datatype type) {
        return VariableCollectiveCalls.alltoall(comm(), true, false, send, sendCounts, sendDispls, null, recv,
                recvCounts, recvDispls, null, Objects.requireNonNull(type, "type"));
    }

    /**
     * Starts an all-to-all with a datatype per peer and byte displacements
     * ({@code MPI_Ialltoallw}); see {@link VariableCollectives#alltoallw}.
     */
    default Request ialltoallw(Object send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes, Object recv,
                               int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        return VariableCollectiveCalls.alltoall(comm(), true, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, null);
    }

    /**
     * Starts an all-to-all with a datatype per peer and byte displacements
     * ({@code MPI_Ialltoallw}); see {@link VariableCollectives#alltoallw}.
     */
    default Request ialltoallw(MemorySegment send, int[] sendCounts, int[] sendDispls, Datatype[] sendTypes,
                               MemorySegment recv, int[] recvCounts, int[] recvDispls, Datatype[] recvTypes) {
        return VariableCollectiveCalls.alltoall(comm(), true, true, send, sendCounts, sendDispls, sendTypes, recv,
                recvCounts, recvDispls, recvTypes, Datatype.BYTE);
    }

    /** Starts a reduction to {@code root} ({@code MPI_Ireduce}); see {@link Collectives#reduce(Object, Object, Op, int)}. */
    default Request ireduce(Object send, Object recv, Op op, int root) {
        return CollectiveCalls.reduce(comm(), true, send, recv, op, root);
    }

    /** Starts a reduction to {@code root} ({@code MPI_Ireduce}); see {@link Collectives#reduce}. */
    default Request ireduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        return CollectiveCalls.reduce(comm(), true, send, recv, type, op, root);
    }

    /** Starts a reduction to every rank ({@code MPI_Iallreduce}); see {@link Collectives#allreduce(Object, Object, Op)}. */
    default Request iallreduce(Object send, Object recv, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.ALLREDUCE, send, recv, op);
    }

    /** Starts a reduction to every rank in place ({@code MPI_Iallreduce}); see {@link Collectives#allreduce(Object, Op)}. */
    default Request iallreduce(Object buf, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.ALLREDUCE, Comm.IN_PLACE, buf, op);
    }

    /** Starts a reduction to every rank ({@code MPI_Iallreduce}); see {@link Collectives#allreduce}. */
    default Request iallreduce(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.ALLREDUCE, send, recv, type, op);
    }

    /** Starts an uneven reduce-scatter ({@code MPI_Ireduce_scatter}); see {@link VariableCollectives#reduceScatter}. */
    default Request ireduceScatter(Object send, Object recv, int[] counts, Op op) {
        return VariableCollectiveCalls.reduceScatter(comm(), true, send, recv, counts, null, op);
    }

    /** Starts an uneven reduce-scatter ({@code MPI_Ireduce_scatter}); see {@link VariableCollectives#reduceScatter}. */
    default Request ireduceScatter(MemorySegment send, MemorySegment recv, int[] counts, Datatype type, Op op) {
        return VariableCollectiveCalls.reduceScatter(comm(), true, send, recv, counts,
                Objects.requireNonNull(type, "type"), op);
    }

    /**
     * Starts a reduce-scatter of equal blocks ({@code MPI_Ireduce_scatter_block}); see
     * {@link Collectives#reduceScatterBlock(Object, Object, Op)}.
     */
    default Request ireduceScatterBlock(Object send, Object recv, Op op) {
        return CollectiveCalls.reduceScatterBlock(comm(), true, send, recv, null, op);
    }

    /**
     * Starts a reduce-scatter of equal blocks ({@code MPI_Ireduce_scatter_block}); see
     * {@link Collectives#reduceScatterBlock}.
     */
    default Request ireduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduceScatterBlock(comm(), true, send, recv, Objects.requireNonNull(type, "type"), op);
    }

    /** Starts an inclusive prefix reduction ({@code MPI_Iscan}); see {@link Collectives#scan(Object, Object, Op)}. */
    default Request iscan(Object send, Object recv, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.SCAN, send, recv, op);
    }

    /** Starts an inclusive prefix reduction ({@code MPI_Iscan}); see {@link Collectives#scan}. */
    default Request iscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.SCAN, send, recv, type, op);
    }

    /** Starts an exclusive prefix reduction ({@code MPI_Iexscan}); see {@link Collectives#exscan(Object, Object, Op)}. */
    default Request iexscan(Object send, Object recv, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.EXSCAN, send, recv, op);
    }

    /** Starts an exclusive prefix reduction ({@code MPI_Iexscan}); see {@link Collectives#exscan}. */
    default Request iexscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        return CollectiveCalls.reduction(comm(), true, CollectiveCalls.EXSCAN, send, recv, type, op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
