package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Staging;

/**
 * The shared bodies of the fixed-count collectives, blocking ({@code nb} false, returns
 * null) and nonblocking ({@code nb} true, returns the started request): every argument
 * checked, then one native call. The heap segments that bcast, reduce and allreduce take
 * when blocking go through native staging memory ({@link Staging}), never pinned.
 */
final class CollectiveCalls {
    static final int ALLREDUCE = 0;
    static final int SCAN = 1;
    static final int EXSCAN = 2;
    private static final String[] REDUCTIONS = {"MPI_Allreduce", "MPI_Scan", "MPI_Exscan"};

    private CollectiveCalls() {
    }

    static Request ibarrier(Comm c) {
        c.check();
        try (Launch k = new Launch(true, false)) {
            return k.done(MpiCalls.MPI_Ibarrier(c.handle, k.slot()), "MPI_Barrier", null);
        }
    }

    static Request bcast(Comm c, boolean nb, MemorySegment buf, Datatype type, int root) {
        Role role = role(c, type, root);
        try (Launch k = new Launch(nb, true)) {
            boolean used = role.root() || role.member();
            MemorySegment b = used ? k.buffer(!role.root(), buf, "buf") : MemorySegment.NULL;
            long elements = used ? Buffers.elements(b, type, "buf") : 0;
            if (elements > LargeCounts.limit()) {
                // MPI keeps a freed type alive for the operations that use it.
                try (Datatype big = LargeCounts.type(elements, type)) {
                    return bcast(c, nb, buf, big, root);
                }
            }
            int n = (int) elements;
            MemorySegment t = type.handle();
            int rc;
            if (k.nonblocking) {
                rc = MpiCalls.MPI_Ibcast(b, n, t, root, c.handle, k.slot());
            } else {
                rc = blockingBcast(b, n, type, root, c, role.root());
            }
            return k.done(rc, "MPI_Bcast", null, b);
        }
    }

    /** Allreduce, scan or exscan ({@code kind}); in place when {@code send} is IN_PLACE. */
    static Request reduction(Comm c, boolean nb, int kind, MemorySegment send, MemorySegment recv, Datatype type,
                             Op op) {
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        if (c.inter && kind != ALLREDUCE) {
            throw new IllegalStateException(REDUCTIONS[kind] + " is not defined on an intercommunicator");
        }
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, kind == ALLREDUCE)) {
            int n = sameCount(k, inPlace, send, recv, type);
            MemorySegment s = k.arg(send);
            MemorySegment r = k.arg(recv);
            MemorySegment t = type.handle();
            MemorySegment o = k.op(op);
            int rc;
            if (k.nonblocking) {
                MemorySegment slot = k.slot();
                rc = switch (kind) {
                    case ALLREDUCE -> MpiCalls.MPI_Iallreduce(s, r, n, t, o, c.handle, slot);
                    case SCAN -> MpiCalls.MPI_Iscan(s, r, n, t, o, c.handle, slot);
                    default -> MpiCalls.MPI_Iexscan(s, r, n, t, o, c.handle, slot);
                };
            } else if (kind == ALLREDUCE && Launch.onHeap(s, r)) {
                rc = stagedReduction(s, inPlace, r, n, type, o, -1, c);
            } else {
                rc = switch (kind) {
                    case ALLREDUCE -> MpiCalls.MPI_Allreduce(s, r, n, t, o, c.handle);
                    case SCAN -> MpiCalls.MPI_Scan(s, r, n, t, o, c.handle);
                    default -> MpiCalls.MPI_Exscan(s, r, n, t, o, c.handle);
                };
            }
            return k.done(rc, REDUCTIONS[kind], op, send, recv);
        }
    }

    /**
     * {@code MPI_Bcast} of a buffer that may be a heap segment: an ordinary downcall on this
     * thread's native staging memory, copied in at the root (and elsewhere for types with
     * gaps) and out on the other ranks.
     */
    private static int blockingBcast(MemorySegment buf, int n, Datatype type, int root, Comm c, boolean atRoot) {
        long span = Buffers.span(n, type);
        MemorySegment b = Staging.in(buf, span, 0, atRoot || P2p.copyIn(span, type));
        try {
            int rc = MpiCalls.MPI_Bcast(b, n, type.handle(), root, c.handle);
            if (rc == 0 && !atRoot) {
                Staging.out(b, buf, span);
            }
            return rc;
        } finally {
            Staging.release(b, buf, 0);
        }
    }

    /**
     * {@code MPI_Allreduce} ({@code root < 0}) or {@code MPI_Reduce} with heap segments
     * among {@code send} and {@code recv} (the pointers MPI gets: IN_PLACE and NULL stay
     * as they are): an ordinary downcall on this thread's native staging memory. MPI writes
     * every element of {@code recv}, so it is copied in only when in place or for types
     * with gaps.
     */
    private static int stagedReduction(MemorySegment send, boolean inPlace, MemorySegment recv, int n,
                                       Datatype type, MemorySegment op, int root, Comm c) {
        long span = Buffers.span(n, type);
        MemorySegment s = Staging.in(send, span, 0, true);
        MemorySegment r = MemorySegment.NULL;
        try {
            r = Staging.in(recv, span, 1, inPlace || P2p.copyIn(span, type));
            int rc = root < 0 ? MpiCalls.MPI_Allreduce(s, r, n, type.handle(), op, c.handle)
                    : MpiCalls.MPI_Reduce(s, r, n, type.handle(), op, root, c.handle);
            if (rc == 0) {
                Staging.out(r, recv, span);
            }
            return rc;
        } finally {
            Staging.release(s, send, 0);
            if (r != MemorySegment.NULL) {
                Staging.release(r, recv, 1);
            }
        }
    }

    /** The count of a reduction: recv alone in place, else send's, which recv must fit. */
    private static int sameCount(Launch k, boolean inPlace, MemorySegment send, MemorySegment recv, Datatype type) {
        if (inPlace) {
            return Buffers.countOf(k.out(recv, "recv"), type, "recv");
        }
        int n = Buffers.countOf(k.in(send, "send"), type, "send");
        Buffers.fits(k.out(recv, "recv"), n, type, "recv");
        return n;
    }

    /** A buffer for arguments MPI does not read, where an MPI refuses NULL. */
    private static final MemorySegment NOT_SIGNIFICANT = java.lang.foreign.Arena.global().allocate(16, 16);

    static Request reduce(Comm c, boolean nb, MemorySegment send, MemorySegment recv, Datatype type, Op op,
                          int root) {
        Role role = role(c, type, root);
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", role.root(), "at the root");
        try (Launch k = new Launch(nb, true)) {
            int n = 0;
            MemorySegment r = MemorySegment.NULL;
            if (role.root()) {
                n = role.member() ? sameCount(k, inPlace, send, recv, type)
                        : Buffers.countOf(k.out(recv, "recv"), type, "recv");
                r = k.arg(recv);
            } else if (role.member()) {
                n = Buffers.countOf(k.in(send, "send"), type, "send");
            }
            send = role.member() ? send : null;
            // The send buffer is not significant at MPI_ROOT, but MPICH 4.0.2 refuses NULL there.
            MemorySegment s = role.member() || !role.root() ? k.arg(send) : NOT_SIGNIFICANT;
            MemorySegment t = type.handle();
            MemorySegment o = k.op(op);
            int rc;
            if (k.nonblocking) {
                rc = MpiCalls.MPI_Ireduce(s, r, n, t, o, root, c.handle, k.slot());
            } else if (!Launch.onHeap(s, r)) {
                rc = MpiCalls.MPI_Reduce(s, r, n, t, o, root, c.handle);
            } else {
                rc = stagedReduction(s, inPlace, r, n, type, o, root, c);
            }
            return k.done(rc, "MPI_Reduce", op, send, r);
        }
    }

    /**
     * The part this rank plays in a rooted collective: whether it holds the root's buffer
     * ({@code root}), whether it sends or receives a block of its own ({@code member}), and
     * how many blocks the root's buffer holds. On an intracommunicator the root is also a
     * member; on an intercommunicator the process passing {@link Comm#ROOT} holds the root's
     * buffer of one block per remote process, the remote group's processes (passing the
     * root's rank) are members, and {@link Comm#PROC_NULL} processes take no part.
     */
    record Role(boolean root, boolean member, int blocks) {
    }

    /** Checks the communicator, the datatype and the root; returns this rank's role. */
    static Role role(Comm c, Datatype type, int root) {
        c.check();
        Objects.requireNonNull(type, "type");
        if (!c.inter) {
            Args.root(root, c.size);
            return new Role(c.rank == root, true, c.size);
        }
        if (root == Args.ROOT || root == Args.PROC_NULL) {
            return new Role(root == Args.ROOT, false, c.peers);
        }
        if (root < 0 || root >= c.peers) {
            throw new IllegalArgumentException("root: " + root + " is neither a rank of the remote group [0, "
                    + c.peers + ") nor Comm.ROOT or Comm.PROC_NULL");
        }
        return new Role(false, true, c.peers);
    }

    /**
     * Gather ({@code gather} true) or scatter: the root's buffer of {@code size()} equal
     * blocks is recv or send; the other buffer ("one" block) may be IN_PLACE at the root.
     */
    static Request rooted(Comm c, boolean nb, boolean gather, MemorySegment send, MemorySegment recv, Datatype type,
                          int root) {
        Role role = role(c, type, root);
        MemorySegment one = gather ? send : recv;
        String oneArg = gather ? "send" : "recv";
        String manyArg = gather ? "recv" : "send";
        boolean inPlace = Blocks.inPlace(c, one, oneArg, role.root(),
                gather ? "at the root" : "as the receive buffer at the root");
        one = role.member() ? one : null;
        try (Launch k = new Launch(nb, false)) {
            MemorySegment part = inPlace || one == null ? null : k.buffer(!gather, one, oneArg);
            MemorySegment many = role.root() ? k.buffer(gather, gather ? recv : send, manyArg) : null;
            int n = part == null && many == null ? 0
                    : Blocks.perBlock(part, oneArg, many, manyArg, type, role.blocks());
            many = many == null ? MemorySegment.NULL : many;
            MemorySegment o = k.arg(one);
            MemorySegment t = type.handle();
            int rc;
            if (gather) {
                rc = k.nonblocking ? MpiCalls.MPI_Igather(o, n, t, many, n, t, root, c.handle, k.slot())
                        : MpiCalls.MPI_Gather(o, n, t, many, n, t, root, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Iscatter(many, n, t, o, n, t, root, c.handle, k.slot())
                        : MpiCalls.MPI_Scatter(many, n, t, o, n, t, root, c.handle);
            }
            return k.done(rc, gather ? "MPI_Gather" : "MPI_Scatter", null, one, many);
        }
    }

    /**
     * Allgather ({@code toAll} false: send is one block) or alltoall ({@code toAll} true:
     * send holds one block per rank); in place when {@code send} is IN_PLACE.
     */
    static Request exchange(Comm c, boolean nb, boolean toAll, MemorySegment send, MemorySegment recv,
                            Datatype type) {
        c.check();
        Objects.requireNonNull(type, "type");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, false)) {
            MemorySegment r = k.out(recv, "recv");
            int n;
            if (toAll && !inPlace) {
                n = Blocks.perRank(k.in(send, "send"), type, c.peers, "send");
                Buffers.fits(r, (long) n * c.peers, type, "recv");
            } else {
                n = Blocks.perBlock(inPlace ? null : k.in(send, "send"), "send", r, "recv", type, c.peers);
            }
            MemorySegment s = k.arg(send);
            MemorySegment t = type.handle();
            int rc;
            if (k.nonblocking) {
                rc = toAll ? MpiCalls.MPI_Ialltoall(s, n, t, recv, n, t, c.handle, k.slot())
                        : MpiCalls.MPI_Iallgather(s, n, t, recv, n, t, c.handle, k.slot());
            } else {
                rc = toAll ? MpiCalls.MPI_Alltoall(s, n, t, recv, n, t, c.handle)
                        : MpiCalls.MPI_Allgather(s, n, t, recv, n, t, c.handle);
            }
            return k.done(rc, toAll ? "MPI_Alltoall" : "MPI_Allgather", null, send, recv);
        }
    }

    /** Reduce-scatter with equal blocks; in place (recv holds every block) when {@code send} is IN_PLACE. */
    static Request reduceScatterBlock(Comm c, boolean nb, MemorySegment send, MemorySegment recv, Datatype type,
                                      Op op) {
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, false)) {
            MemorySegment r = k.out(recv, "recv");
            int n = inPlace ? Blocks.perRank(r, type, c.size, "recv")
                    : Blocks.perBlock(r, "recv", k.in(send, "send"), "send", type, c.size);
            MemorySegment s = k.arg(send);
            MemorySegment t = type.handle();
            MemorySegment o = k.op(op);
            int rc = k.nonblocking ? MpiCalls.MPI_Ireduce_scatter_block(s, recv, n, t, o, c.handle, k.slot())
                    : MpiCalls.MPI_Reduce_scatter_block(s, recv, n, t, o, c.handle);
            return k.done(rc, "MPI_Reduce_scatter_block", op, send, recv);
        }
    }
}
