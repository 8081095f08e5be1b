package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.HeapCalls;

/**
 * Blocking collective operations of a {@link Comm}. Every rank of the communicator must
 * call the same collective with matching arguments. Counts come from the segment sizes;
 * {@link Comm#IN_PLACE} as the send buffer selects the in-place form where MPI has one.
 */
public sealed interface Collectives permits Comm {

    /** Broadcasts the whole segment from {@code root} to every rank ({@code MPI_Bcast}). */
    default void bcast(MemorySegment buf, Datatype type, int root) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Args.root(root, c.size);
        int n = Args.countOf(c.rank == root ? Args.segment(buf, "buf") : Args.writable(buf, "buf"),
                type.extent(), "buf", type);
        int rc;
        if (buf.isNative()) {
            rc = mpi_h.MPI_Bcast(buf, n, type.handle(), root, c.handle);
        } else {
            try {
                rc = (int) HeapCalls.BCAST.invokeExact(buf, n, type.handle(), root, c.handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Bcast");
    }

    /**
     * Combines {@code send} from every rank element-wise with {@code op} into
     * {@code recv} on every rank ({@code MPI_Allreduce}); {@code recv} must hold as many
     * elements as {@code send}.
     */
    default void allreduce(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(Args.segment(send, "send"), type.extent(), "send", type);
        Args.fits(Args.writable(recv, "recv"), n, type.extent(), "recv", type);
        rcAllreduce(c, send, recv, n, type, op);
    }

    /** Combines {@code buf} from every rank in place ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    default void allreduce(MemorySegment buf, Datatype type, Op op) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(Args.writable(buf, "buf"), type.extent(), "buf", type);
        rcAllreduce(c, mpi_h.MPI_IN_PLACE(), buf, n, type, op);
    }

    private static void rcAllreduce(Comm c, MemorySegment send, MemorySegment recv, int n, Datatype type, Op op) {
        int rc;
        if (send.isNative() && recv.isNative()) {
            rc = mpi_h.MPI_Allreduce(send, recv, n, type.handle(), op.handle(), c.handle);
        } else {
            try {
                rc = (int) HeapCalls.ALLREDUCE.invokeExact(send, recv, n, type.handle(), op.handle(), c.handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        op.afterReduction();
        Errors.check(rc, "MPI_Allreduce");
    }

    /**
     * Combines {@code send} from every rank into {@code recv} at {@code root}
     * ({@code MPI_Reduce}); {@code recv} is ignored (may be null) on other ranks.
     */
    default void reduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        Args.root(root, c.size);
        int n = Args.countOf(Args.segment(send, "send"), type.extent(), "send", type);
        MemorySegment r = MemorySegment.NULL;
        if (c.rank == root) {
            Args.fits(Args.writable(recv, "recv"), n, type.extent(), "recv", type);
            r = recv;
        }
        int rc;
        if (send.isNative() && r.isNative()) {
            rc = mpi_h.MPI_Reduce(send, r, n, type.handle(), op.handle(), root, c.handle);
        } else {
            try {
                rc = (int) HeapCalls.REDUCE.invokeExact(send, r, n, type.handle(), op.handle(), root, c.handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        op.afterReduction();
        Errors.check(rc, "MPI_Reduce");
    }

    /**
     * Gathers every rank's {@code send} into {@code recv} at {@code root}, in rank order
     * ({@code MPI_Gather}); at the root {@code recv} holds {@code size()} times the
     * elements of {@code send}; elsewhere it is ignored (may be null).
     */
    default void gather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Args.root(root, c.size);
        int n = Args.countOf(P2p.nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        MemorySegment r = MemorySegment.NULL;
        if (c.rank == root) {
            Args.fits(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), (long) n * c.size, type.extent(), "recv", type);
            r = recv;
        }
        Errors.check(mpi_h.MPI_Gather(send, n, type.handle(), r, n, type.handle(), root, c.handle), "MPI_Gather");
    }

    /**
     * Splits {@code send} at {@code root} into {@code size()} equal blocks, block i to
     * rank i's {@code recv} ({@code MPI_Scatter}); {@code send} is ignored off the root.
     */
    default void scatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Args.root(root, c.size);
        int n = Args.countOf(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), type.extent(), "recv", type);
        MemorySegment s = MemorySegment.NULL;
        if (c.rank == root) {
            Args.fits(P2p.nativeOnly(Args.segment(send, "send"), "send"), (long) n * c.size, type.extent(), "send", type);
            s = send;
        }
        Errors.check(mpi_h.MPI_Scatter(s, n, type.handle(), recv, n, type.handle(), root, c.handle), "MPI_Scatter");
    }

    /** Gathers every rank's {@code send} into every rank's {@code recv}, in rank order ({@code MPI_Allgather}). */
    default void allgather(MemorySegment send, MemorySegment recv, Datatype type) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        int n = Args.countOf(P2p.nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        Args.fits(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), (long) n * c.size, type.extent(), "recv", type);
        Errors.check(mpi_h.MPI_Allgather(send, n, type.handle(), recv, n, type.handle(), c.handle), "MPI_Allgather");
    }

    /**
     * Sends block j of {@code send} to rank j and receives rank i's block into block i of
     * {@code recv} ({@code MPI_Alltoall}); both hold {@code size()} equal blocks.
     */
    default void alltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        long total = Args.countOf(P2p.nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        if (total % c.size != 0) {
            throw new IllegalArgumentException("send: " + total + " elements do not split into " + c.size + " blocks");
        }
        int n = (int) (total / c.size);
        Args.fits(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), total, type.extent(), "recv", type);
        Errors.check(mpi_h.MPI_Alltoall(send, n, type.handle(), recv, n, type.handle(), c.handle), "MPI_Alltoall");
    }

    /** Inclusive prefix reduction: rank i gets {@code op} over ranks 0..i ({@code MPI_Scan}). */
    default void scan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        scanKind(comm(), true, send, recv, type, op);
    }

    /** Exclusive prefix reduction: rank i gets {@code op} over ranks 0..i-1; rank 0's recv is undefined ({@code MPI_Exscan}). */
    default void exscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        scanKind(comm(), false, send, recv, type, op);
    }

    private static void scanKind(Comm c, boolean inclusive, MemorySegment send, MemorySegment recv, Datatype type,
                                 Op op) {
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(P2p.nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        Args.fits(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), n, type.extent(), "recv", type);
        if (inclusive) {
            Errors.check(mpi_h.MPI_Scan(send, recv, n, type.handle(), op.handle(), c.handle), "MPI_Scan");
            op.afterReduction();
        } else {
            Errors.check(mpi_h.MPI_Exscan(send, recv, n, type.handle(), op.handle(), c.handle), "MPI_Exscan");
            op.afterReduction();
        }
    }

    /** Reduces {@code send} (size() equal blocks) and leaves block i on rank i ({@code MPI_Reduce_scatter_block}). */
    default void reduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        Comm c = comm();
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(P2p.nativeOnly(Args.writable(recv, "recv"), "recv"), type.extent(), "recv", type);
        Args.fits(P2p.nativeOnly(Args.segment(send, "send"), "send"), (long) n * c.size, type.extent(), "send", type);
        Errors.check(mpi_h.MPI_Reduce_scatter_block(send, recv, n, type.handle(), op.handle(), c.handle),
                "MPI_Reduce_scatter_block");
        op.afterReduction();
    }

    private Comm comm() {
        return (Comm) this;
    }
}
