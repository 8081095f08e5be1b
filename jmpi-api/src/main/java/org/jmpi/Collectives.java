package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Blocking collective operations of a {@link Comm}. Every rank of the communicator must
 * call the same collective with matching arguments.
 *
 * <p><b>Messages.</b> Each side of a call ({@code send}, {@code recv}, {@code buf}) is an
 * {@code Object}: a {@link Buf}, C's (buffer, count, datatype) triple, or a primitive
 * array standing for all of itself with its element type's datatype. The sides carry their
 * own counts and datatypes, as in C: {@code MPI_Gather(mine, 4, MPI_INT, all, 1, column, 0,
 * comm)} is {@code gather(Buf.of(mine), Buf.of(all, 0, 1, column), 0)}. On a side that
 * holds one block per rank (gather's and allgather's {@code recv}, scatter's {@code send},
 * both sides of alltoall) a {@code Buf}'s count is per block, as C's; a plain array there
 * is all of the buffer, in blocks of the other side's count when both sides have the same
 * datatype, else split into {@code size()} equal blocks. The reductions take one count and
 * one datatype: their two messages must agree in both. A raw {@code MemorySegment} has no
 * datatype: wrap it in a {@code Buf}, or use the segment forms, which take a datatype and
 * read counts from the segment sizes the same way.
 *
 * <p><b>In place.</b> {@link Comm#IN_PLACE} as the send message selects the in-place form
 * where MPI has one (as the receive message for scatter), as each method says; anywhere
 * else it is refused.
 *
 * <p><b>Arrays are staged.</b> MPI never sees a Java array or heap segment, which the
 * garbage collector may move and which must not be pinned while MPI waits for a peer.
 * A blocking collective copies them through native memory kept per thread (see
 * {@link Comm}): what MPI reads is copied in before the call, what MPI writes is copied
 * back into the array after the call returns (and copied in first too where MPI writes
 * only part of it: in place, datatypes with gaps, blocks with gaps between them). On a
 * platform thread {@code bcast}, {@code reduce}, {@code allreduce}, {@code scan} and
 * {@code exscan} on arrays allocate nothing. Nonblocking collectives
 * ({@link NonblockingCollectives}) copy at the start and when they complete. Native
 * segments are passed as they are, without a copy.
 */
public sealed interface Collectives permits Comm {

    /**
     * Broadcasts {@code buf} (an array or a {@link Buf}) from {@code root} to every rank
     * ({@code MPI_Bcast}): the root's message is read, the others' written.
     */
    default void bcast(Object buf, int root) {
        CollectiveCalls.bcast(comm(), false, buf, root);
    }

    /** Broadcasts the whole segment from {@code root} to every rank ({@code MPI_Bcast}). */
    default void bcast(MemorySegment buf, Datatype type, int root) {
        CollectiveCalls.bcast(comm(), false, buf, type, root);
    }

    /**
     * Combines {@code send} from every rank element-wise with {@code op} into {@code recv}
     * at {@code root} ({@code MPI_Reduce}); both messages have the same count and datatype;
     * {@code recv} is ignored (may be null) off the root. The root may pass {@code IN_PLACE}
     * as {@code send}: its input is then {@code recv}.
     */
    default void reduce(Object send, Object recv, Op op, int root) {
        CollectiveCalls.reduce(comm(), false, send, recv, op, root);
    }

    /**
     * Combines {@code send} from every rank into {@code recv} at {@code root}
     * ({@code MPI_Reduce}); {@code recv} is ignored (may be null) on other ranks. The root
     * may pass {@code IN_PLACE} as {@code send}: its input is then {@code recv}.
     */
    default void reduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        CollectiveCalls.reduce(comm(), false, send, recv, type, op, root);
    }

    /**
     * Combines {@code send} from every rank element-wise with {@code op} into {@code recv}
     * on every rank ({@code MPI_Allreduce}); both messages have the same count and datatype.
     * With {@code send} {@code IN_PLACE}, {@code recv} holds the input and then the result.
     */
    default void allreduce(Object send, Object recv, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, send, recv, op);
    }

    /** Combines {@code buf} (an array or a {@link Buf}) from every rank in place ({@code MPI_Allreduce}). */
    default void allreduce(Object buf, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, Comm.IN_PLACE, buf, op);
    }

    /**
     * Combines {@code send} from every rank element-wise with {@code op} into
     * {@code recv} on every rank ({@code MPI_Allreduce}); {@code recv} must hold as many
     * elements as {@code send}. With {@code send} {@code IN_PLACE}, {@code recv} holds the
     * input and then the result.
     */
    default void allreduce(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, send, recv, type, op);
    }

    /** Combines {@code buf} from every rank in place ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(MemorySegment buf, Datatype type, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, Comm.IN_PLACE, buf, type, op);
    }

    /**
     * Gathers every rank's {@code send} into {@code recv} at {@code root}, block i from rank
     * i ({@code MPI_Gather}); a {@code Buf} as {@code recv} gives the count per rank, as in
     * C; {@code recv} is ignored (may be null) off the root. The root may pass
     * {@code IN_PLACE} as {@code send}: its own block is then already in {@code recv}.
     */
    default void gather(Object send, Object recv, int root) {
        CollectiveCalls.rooted(comm(), false, true, send, recv, null, root);
    }

    /**
     * Gathers every rank's {@code send} into {@code recv} at {@code root}, in rank order
     * ({@code MPI_Gather}); at the root {@code recv} holds {@code size()} times the
     * elements of {@code send}; elsewhere it is ignored (may be null). The root may pass
     * {@code IN_PLACE} as {@code send}: its own block is then already in {@code recv}, which
     * holds {@code size()} equal blocks.
     */
    default void gather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        CollectiveCalls.rooted(comm(), false, true, send, recv, Objects.requireNonNull(type, "type"), root);
    }

    /**
     * Sends block i of {@code send} at {@code root} to rank i's {@code recv}
     * ({@code MPI_Scatter}); a {@code Buf} as {@code send} gives the count per rank;
     * {@code send} is ignored (may be null) off the root. The root may pass {@code IN_PLACE}
     * as {@code recv}: its own block then stays in {@code send}.
     */
    default void scatter(Object send, Object recv, int root) {
        CollectiveCalls.rooted(comm(), false, false, send, recv, null, root);
    }

    /**
     * Splits {@code send} at {@code root} into {@code size()} equal blocks, block i to
     * rank i's {@code recv} ({@code MPI_Scatter}); {@code send} is ignored off the root.
     * The root may pass {@code IN_PLACE} as {@code recv}: its own block then stays in
     * {@code send}, whose size alone gives the block size.
     */
    default void scatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        CollectiveCalls.rooted(comm(), false, false, send, recv, Objects.requireNonNull(type, "type"), root);
    }

    /**
     * Gathers every rank's {@code send} into every rank's {@code recv}, block i from rank i
     * ({@code MPI_Allgather}); a {@code Buf} as {@code recv} gives the count per rank. With
     * {@code send} {@code IN_PLACE}, each rank's block is already at its place in {@code recv}.
     */
    default void allgather(Object send, Object recv) {
        CollectiveCalls.exchange(comm(), false, false, send, recv, null);
    }

    /**
     * Gathers every rank's {@code send} into every rank's {@code recv}, in rank order
     * ({@code MPI_Allgather}). With {@code send} {@code IN_PLACE}, each rank's block is
     * already at its place in {@code recv}, which holds {@code size()} equal blocks.
     */
    default void allgather(MemorySegment send, MemorySegment recv, Datatype type) {
        CollectiveCalls.exchange(comm(), false, false, send, recv, Objects.requireNonNull(type, "type"));
    }

    /**
     * Sends block j of {@code send} to rank j and receives rank i's block into block i of
     * {@code recv} ({@code MPI_Alltoall}); {@code Buf}s give the counts per rank. With
     * {@code send} {@code IN_PLACE}, the blocks are sent from {@code recv} and replaced.
     */
    default void alltoall(Object send, Object recv) {
        CollectiveCalls.exchange(comm(), false, true, send, recv, null);
    }

    /**
     * Sends block j of {@code send} to rank j and receives rank i's block into block i of
     * {@code recv} ({@code MPI_Alltoall}); both hold {@code size()} equal blocks. With
     * {@code send} {@code IN_PLACE}, the blocks are sent from {@code recv} and replaced.
     */
    default void alltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        CollectiveCalls.exchange(comm(), false, true, send, recv, Objects.requireNonNull(type, "type"));
    }

    /**
     * Inclusive prefix reduction: rank i gets {@code op} over ranks 0..i ({@code MPI_Scan});
     * the messages have the same count and datatype; with {@code send} {@code IN_PLACE},
     * {@code recv} holds the input.
     */
    default void scan(Object send, Object recv, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.SCAN, send, recv, op);
    }

    /**
     * Inclusive prefix reduction: rank i gets {@code op} over ranks 0..i ({@code MPI_Scan});
     * with {@code send} {@code IN_PLACE}, {@code recv} holds the input.
     */
    default void scan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.SCAN, send, recv, type, op);
    }

    /**
     * Exclusive prefix reduction: rank i gets {@code op} over ranks 0..i-1, rank 0's
     * {@code recv} is undefined ({@code MPI_Exscan}); as {@link #scan(Object, Object, Op)}.
     */
    default void exscan(Object send, Object recv, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.EXSCAN, send, recv, op);
    }

    /**
     * Exclusive prefix reduction: rank i gets {@code op} over ranks 0..i-1; rank 0's recv
     * is undefined ({@code MPI_Exscan}); with {@code send} {@code IN_PLACE}, {@code recv}
     * holds the input.
     */
    default void exscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.EXSCAN, send, recv, type, op);
    }

    /**
     * Reduces {@code send} ({@code size()} blocks of {@code recv}'s count and datatype) and
     * leaves block i in rank i's {@code recv} ({@code MPI_Reduce_scatter_block}). With
     * {@code send} {@code IN_PLACE}, {@code recv} holds every block of input (a {@code Buf}
     * gives the count per block) and block i of the result lands at its start.
     */
    default void reduceScatterBlock(Object send, Object recv, Op op) {
        CollectiveCalls.reduceScatterBlock(comm(), false, send, recv, null, op);
    }

    /**
     * Reduces {@code send} ({@code size()} equal blocks) and leaves block i on rank i
     * ({@code MPI_Reduce_scatter_block}). With {@code send} {@code IN_PLACE}, {@code recv}
     * holds all the blocks of input and block i of the result lands at its start.
     */
    default void reduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduceScatterBlock(comm(), false, send, recv, Objects.requireNonNull(type, "type"), op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
