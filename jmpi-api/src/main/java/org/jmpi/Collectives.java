package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Blocking collective operations of a {@link Comm}. Every rank of the communicator must
 * call the same collective with matching arguments. Counts come from the segment sizes.
 * {@link Comm#IN_PLACE} as the send buffer selects the in-place form where MPI has one
 * (as the receive buffer for scatter), as each method says; anywhere else it is refused.
 *
 * <p>{@code bcast}, {@code reduce} and {@code allreduce} also take heap segments
 * ({@code MemorySegment.ofArray}) and Java arrays, never pinned: their data moves through
 * this thread's native staging memory (see {@link Comm}); the collectives that move
 * blocks between ranks (gather, scatter, allgather, alltoall, their v and w forms in
 * {@link VariableCollectives}), scan, exscan and reduce-scatter take native segments only.
 */
public sealed interface Collectives permits Comm {

    /** Broadcasts a message, an array or a {@link Buf}, from {@code root} to every rank ({@code MPI_Bcast}). */
    default void bcast(Object buf, int root) {
        Buf b = Msg.view(buf, "buf");
        CollectiveCalls.bcast(comm(), false, Msg.segment(b, "buf").asSlice(0, b.span()), b.type(), root);
    }

    /**
     * Combines {@code send} (an array or a {@link Buf}) from every rank element-wise with
     * {@code op} into {@code recv} on every rank ({@code MPI_Allreduce}).
     */
    default void allreduce(Object send, Object recv, Op op) {
        Buf s = Msg.view(send, "send");
        Buf r = Msg.view(recv, "recv");
        if (s.count() != r.count()) {
            throw new IllegalArgumentException("recv: length (element count) " + r.count() + " differs from send's "
                    + s.count());
        }
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, Msg.segment(s, "send").asSlice(0, s.span()),
                Msg.segment(r, "recv").asSlice(0, r.span()), s.type(), op);
    }

    /** Combines a message (an array or a {@link Buf}) from every rank in place ({@code MPI_Allreduce}). */
    default void allreduce(Object buf, Op op) {
        Buf b = Msg.view(buf, "buf");
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.ALLREDUCE, Comm.IN_PLACE,
                Msg.segment(b, "buf").asSlice(0, b.span()), b.type(), op);
    }

    /** Broadcasts the whole segment from {@code root} to every rank ({@code MPI_Bcast}). */
    default void bcast(MemorySegment buf, Datatype type, int root) {
        CollectiveCalls.bcast(comm(), false, buf, type, root);
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
     * Combines {@code send} from every rank into {@code recv} at {@code root}
     * ({@code MPI_Reduce}); {@code recv} is ignored (may be null) on other ranks. The root
     * may pass {@code IN_PLACE} as {@code send}: its input is then {@code recv}.
     */
    default void reduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        CollectiveCalls.reduce(comm(), false, send, recv, type, op, root);
    }

    /**
     * Gathers every rank's {@code send} into {@code recv} at {@code root}, in rank order
     * ({@code MPI_Gather}); at the root {@code recv} holds {@code size()} times the
     * elements of {@code send}; elsewhere it is ignored (may be null). The root may pass
     * {@code IN_PLACE} as {@code send}: its own block is then already in {@code recv}, which
     * holds {@code size()} equal blocks.
     */
    default void gather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        CollectiveCalls.rooted(comm(), false, true, send, recv, type, root);
    }

    /**
     * Splits {@code send} at {@code root} into {@code size()} equal blocks, block i to
     * rank i's {@code recv} ({@code MPI_Scatter}); {@code send} is ignored off the root.
     * The root may pass {@code IN_PLACE} as {@code recv}: its own block then stays in
     * {@code send}, whose size alone gives the block size.
     */
    default void scatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        CollectiveCalls.rooted(comm(), false, false, send, recv, type, root);
    }

    /**
     * Gathers every rank's {@code send} into every rank's {@code recv}, in rank order
     * ({@code MPI_Allgather}). With {@code send} {@code IN_PLACE}, each rank's block is
     * already at its place in {@code recv}, which holds {@code size()} equal blocks.
     */
    default void allgather(MemorySegment send, MemorySegment recv, Datatype type) {
        CollectiveCalls.exchange(comm(), false, false, send, recv, type);
    }

    /**
     * Sends block j of {@code send} to rank j and receives rank i's block into block i of
     * {@code recv} ({@code MPI_Alltoall}); both hold {@code size()} equal blocks. With
     * {@code send} {@code IN_PLACE}, the blocks are sent from {@code recv} and replaced.
     */
    default void alltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        CollectiveCalls.exchange(comm(), false, true, send, recv, type);
    }

    /**
     * Inclusive prefix reduction: rank i gets {@code op} over ranks 0..i ({@code MPI_Scan});
     * with {@code send} {@code IN_PLACE}, {@code recv} holds the input.
     */
    default void scan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduction(comm(), false, CollectiveCalls.SCAN, send, recv, type, op);
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
     * Reduces {@code send} ({@code size()} equal blocks) and leaves block i on rank i
     * ({@code MPI_Reduce_scatter_block}). With {@code send} {@code IN_PLACE}, {@code recv}
     * holds all the blocks of input and block i of the result lands at its start.
     */
    default void reduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        CollectiveCalls.reduceScatterBlock(comm(), false, send, recv, type, op);
    }

    private Comm comm() {
        return (Comm) this;
    }
}
