package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Staging;

/**
 * The shared bodies of the fixed-count collectives, blocking ({@code nb} false, returns
 * null) and nonblocking ({@code nb} true, returns the started request): every argument
 * checked, then one native call. Each side of a call is a {@link Buf} (its own memory,
 * offset, count and datatype), an array or, from the segment forms, a whole segment with
 * the call's datatype; {@link Comm#IN_PLACE} where MPI has an in-place form.
 *
 * <p>Blocking bcast and the reductions on a platform thread take a path that allocates
 * nothing: arrays and heap segments go through this thread's native staging memory
 * ({@link Staging}) as in the point-to-point calls. Every other call goes through a
 * {@link Launch}, which stages or copies heap memory for the mode of the call.
 */
final class CollectiveCalls {
    static final int ALLREDUCE = 0;
    static final int SCAN = 1;
    static final int EXSCAN = 2;
    static final int REDUCE = 3;
    private static final String[] REDUCTIONS = {"MPI_Allreduce", "MPI_Scan", "MPI_Exscan", "MPI_Reduce"};

    /** A buffer for arguments MPI does not read, where an MPI refuses NULL. */
    private static final MemorySegment NOT_SIGNIFICANT = java.lang.foreign.Arena.global().allocate(16, 16);

    private CollectiveCalls() {
    }

    static Request ibarrier(Comm c) {
        c.check();
        try (Launch k = new Launch(true)) {
            return k.done(MpiCalls.MPI_Ibarrier(c.handle, k.slot()), "MPI_Barrier", null);
        }
    }

    // ------------------------------------------------------------------ bcast

    /** Bcast of a message (an array or a {@code Buf}); ignored at {@code PROC_NULL} on an intercommunicator. */
    static Request bcast(Comm c, boolean nb, Object buf, int root) {
        Role role = role(c, root);
        if (!role.root() && !role.member()) {
            return bcast(c, nb, null, 0, 0, Datatype.BYTE, root, false);
        }
        Blocks.notInPlace(buf, "buf");
        Object base = role.root() ? Msg.base(buf, "buf") : Msg.target(buf, "buf");
        return bcast(c, nb, base, Msg.offset(buf), Msg.count(buf, "buf"), Msg.type(buf, "buf"), root, role.root());
    }

    /** Bcast of a whole segment; beyond MPI's int count as one element of a large-count type. */
    static Request bcast(Comm c, boolean nb, MemorySegment buf, Datatype type, int root) {
        Role role = role(c, type, root);
        if (!role.root() && !role.member()) {
            return bcast(c, nb, null, 0, 0, type, root, false);
        }
        MemorySegment b = role.root() ? Args.segment(buf, "buf") : Args.writable(buf, "buf");
        long elements = Buffers.elements(b, type, "buf");
        if (elements > LargeCounts.limit()) {
            // MPI keeps a freed type alive for the operations that use it.
            try (Datatype big = LargeCounts.type(elements, type)) {
                return bcast(c, nb, b, 0, 1, big, root, role.root());
            }
        }
        return bcast(c, nb, b, 0, (int) elements, type, root, role.root());
    }

    /** The checked bcast of {@code n} elements from byte {@code offset} of {@code base} (null: not used). */
    private static Request bcast(Comm c, boolean nb, Object base, long offset, int n, Datatype type, int root,
                                 boolean atRoot) {
        if (nb || Polling.needed() || Blocks.first(n, type) != 0) {
            try (Launch k = new Launch(nb)) {
                MemorySegment b = k.side(base, offset, n, type, atRoot, !atRoot);
                MemorySegment t = type.handle();
                int rc = k.nonblocking ? MpiCalls.MPI_Ibcast(b, n, t, root, c.handle, k.slot())
                        : MpiCalls.MPI_Bcast(b, n, t, root, c.handle);
                return k.done(rc, "MPI_Bcast", null);
            }
        }
        long span = Buffers.span(n, type);
        MemorySegment b = stage(base, offset, span, 0, atRoot || P2p.copyIn(span, type));
        int rc;
        try {
            rc = MpiCalls.MPI_Bcast(b, n, type.handle(), root, c.handle);
            if (rc == 0 && !atRoot && base != null) {
                Staging.out(b, base, offset, span);
            }
        } finally {
            unstage(b, base, 0);
        }
        Errors.check(rc, "MPI_Bcast");
        return null;
    }

    // ------------------------------------------------------------------ reductions

    /** Allreduce, scan or exscan ({@code kind}) of messages; in place when {@code send} is IN_PLACE. */
    static Request reduction(Comm c, boolean nb, int kind, Object send, Object recv, Op op) {
        c.check();
        checkReduction(c, kind, op);
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        Blocks.notInPlace(recv, "recv");
        Object r = Msg.target(recv, "recv");
        Object s = inPlace ? send : Msg.base(send, "send");
        if (!inPlace) {
            sameMessage(send, recv);
        }
        return reduce(c, nb, kind, s, Msg.offset(send), r, Msg.offset(recv), Msg.count(recv, "recv"),
                Msg.type(recv, "recv"), op, 0);
    }

    /** Allreduce, scan or exscan ({@code kind}) of whole segments; {@code recv} must fit {@code send}. */
    static Request reduction(Comm c, boolean nb, int kind, MemorySegment send, MemorySegment recv, Datatype type,
                             Op op) {
        c.check();
        Objects.requireNonNull(type, "type");
        checkReduction(c, kind, op);
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        MemorySegment s = inPlace ? send : Args.segment(send, "send");
        int n = sameCount(inPlace, s, recv, type);
        return reduce(c, nb, kind, s, 0, recv, 0, n, type, op, 0);
    }

    /** Reduce of messages to {@code root}; the root may pass IN_PLACE as {@code send}. */
    static Request reduce(Comm c, boolean nb, Object send, Object recv, Op op, int root) {
        Role role = role(c, root);
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", role.root(), "at the root");
        if (role.root()) {
            Blocks.notInPlace(recv, "recv");
            Object r = Msg.target(recv, "recv");
            Object s = NOT_SIGNIFICANT;
            if (role.member()) {
                s = inPlace ? send : Msg.base(send, "send");
                if (!inPlace) {
                    sameMessage(send, recv);
                }
            }
            return reduce(c, nb, REDUCE, s, Msg.offset(send), r, Msg.offset(recv), Msg.count(recv, "recv"),
                    Msg.type(recv, "recv"), op, root);
        }
        if (role.member()) {
            return reduce(c, nb, REDUCE, Msg.base(send, "send"), Msg.offset(send), null, 0, Msg.count(send, "send"),
                    Msg.type(send, "send"), op, root);
        }
        return reduce(c, nb, REDUCE, null, 0, null, 0, 0, Datatype.BYTE, op, root);
    }

    /** Reduce of whole segments to {@code root}; {@code recv} (root only) must fit {@code send}. */
    static Request reduce(Comm c, boolean nb, MemorySegment send, MemorySegment recv, Datatype type, Op op,
                          int root) {
        Role role = role(c, type, root);
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", role.root(), "at the root");
        if (role.root()) {
            // The send buffer is not significant at MPI_ROOT, but MPICH 4.0.2 refuses NULL there.
            MemorySegment s = !role.member() ? NOT_SIGNIFICANT : inPlace ? send : Args.segment(send, "send");
            int n = role.member() ? sameCount(inPlace, s, recv, type)
                    : Buffers.countOf(Args.writable(recv, "recv"), type, "recv");
            return reduce(c, nb, REDUCE, s, 0, recv, 0, n, type, op, root);
        }
        if (role.member()) {
            MemorySegment s = Args.segment(send, "send");
            return reduce(c, nb, REDUCE, s, 0, null, 0, Buffers.countOf(s, type, "send"), type, op, root);
        }
        return reduce(c, nb, REDUCE, null, 0, null, 0, 0, type, op, root);
    }

    private static void checkReduction(Comm c, int kind, Op op) {
        Objects.requireNonNull(op, "op");
        if (c.inter && (kind == SCAN || kind == EXSCAN)) {
            throw new IllegalStateException(REDUCTIONS[kind] + " is not defined on an intercommunicator");
        }
    }

    /** Refuses a reduction whose two messages differ in count or datatype (MPI takes one of each). */
    private static void sameMessage(Object send, Object recv) {
        sameMessage(send, "send", recv, "recv");
    }

    /**
     * Refuses a reduction whose input {@code send} and output {@code recv} (named
     * {@code sendArg} and {@code recvArg}) differ in count or datatype.
     */
    static void sameMessage(Object send, String sendArg, Object recv, String recvArg) {
        int n = Msg.count(recv, recvArg);
        int sn = Msg.count(send, sendArg);
        if (n != sn) {
            if (!(send instanceof Buf) && !(recv instanceof Buf)) {
                Args.sameLength(n, recvArg, sn, sendArg);
            }
            throw new IllegalArgumentException(recvArg + ": count " + n + " differs from " + sendArg + "'s " + sn
                    + "; a reduction takes one count");
        }
        Blocks.sameType(Msg.type(recv, recvArg), recvArg, Msg.type(send, sendArg), sendArg);
    }

    /** The count of a reduction of segments: recv's alone in place, else send's, which recv must fit. */
    private static int sameCount(boolean inPlace, MemorySegment send, MemorySegment recv, Datatype type) {
        if (inPlace) {
            return Buffers.countOf(Args.writable(recv, "recv"), type, "recv");
        }
        return sameCount(send, "send", recv, "recv", type);
    }

    /** The count of the whole segment {@code send} of {@code type}, which {@code recv} must fit (named as given). */
    static int sameCount(MemorySegment send, String sendArg, MemorySegment recv, String recvArg, Datatype type) {
        int n = Buffers.countOf(send, type, sendArg);
        Buffers.fits(Args.writable(recv, recvArg), n, type, recvArg);
        return n;
    }

    /**
     * The checked reduction {@code kind} of {@code n} elements: send and recv given as
     * their memory (null: not significant; IN_PLACE) and byte offset. Blocking on a
     * platform thread it allocates nothing: heap memory goes through thread-local staging.
     */
    private static Request reduce(Comm c, boolean nb, int kind, Object send, long sendOffset, Object recv,
                                  long recvOffset, int n, Datatype type, Op op, int root) {
        boolean inPlace = send == Args.IN_PLACE;
        if (nb || Polling.needed() || Blocks.first(n, type) != 0) {
            try (Launch k = new Launch(nb)) {
                MemorySegment s = k.side(send, sendOffset, n, type, true, false);
                MemorySegment r = k.side(recv, recvOffset, n, type, inPlace, true);
                MemorySegment t = type.handle();
                MemorySegment o = k.op(op);
                int rc = k.nonblocking ? ireduce(kind, s, r, n, t, o, root, c, k.slot())
                        : reduce(kind, s, r, n, t, o, root, c);
                return k.done(rc, REDUCTIONS[kind], op);
            }
        }
        long span = Buffers.span(n, type);
        MemorySegment o = op.acquire();
        MemorySegment s = MemorySegment.NULL;
        MemorySegment r = MemorySegment.NULL;
        int rc;
        try {
            s = stage(send, sendOffset, span, 0, true);
            r = stage(recv, recvOffset, span, 1, inPlace || P2p.copyIn(span, type));
            rc = reduce(kind, s, r, n, type.handle(), o, root, c);
            if (rc == 0 && recv != null) {
                Staging.out(r, recv, recvOffset, span);
            }
        } finally {
            unstage(s, send, 0);
            unstage(r, recv, 1);
            op.release();
        }
        op.afterReduction();
        Errors.check(rc, REDUCTIONS[kind]);
        return null;
    }

    /** The blocking native call of reduction {@code kind}. */
    private static int reduce(int kind, MemorySegment s, MemorySegment r, int n, MemorySegment t, MemorySegment o,
                              int root, Comm c) {
        return switch (kind) {
            case ALLREDUCE -> MpiCalls.MPI_Allreduce(s, r, n, t, o, c.handle);
            case SCAN -> MpiCalls.MPI_Scan(s, r, n, t, o, c.handle);
            case EXSCAN -> MpiCalls.MPI_Exscan(s, r, n, t, o, c.handle);
            default -> MpiCalls.MPI_Reduce(s, r, n, t, o, root, c.handle);
        };
    }

    /** The nonblocking native call of reduction {@code kind}, its request in {@code slot}. */
    private static int ireduce(int kind, MemorySegment s, MemorySegment r, int n, MemorySegment t, MemorySegment o,
                               int root, Comm c, MemorySegment slot) {
        return switch (kind) {
            case ALLREDUCE -> MpiCalls.MPI_Iallreduce(s, r, n, t, o, c.handle, slot);
            case SCAN -> MpiCalls.MPI_Iscan(s, r, n, t, o, c.handle, slot);
            case EXSCAN -> MpiCalls.MPI_Iexscan(s, r, n, t, o, c.handle, slot);
            default -> MpiCalls.MPI_Ireduce(s, r, n, t, o, root, c.handle, slot);
        };
    }

    /** The pointer a blocking call gives MPI for a side: NULL, MPI_IN_PLACE, or memory staged in {@code slot}. */
    private static MemorySegment stage(Object base, long offset, long bytes, int slot, boolean copyIn) {
        if (base == null || base == Args.IN_PLACE) {
            return Launch.mpi((MemorySegment) base);
        }
        return Staging.in(base, offset, bytes, slot, copyIn);
    }

    /** Gives back what {@link #stage} returned. */
    private static void unstage(MemorySegment staged, Object base, int slot) {
        if (base != null && staged != MemorySegment.NULL) {
            Staging.release(staged, base, slot);
        }
    }

    // ------------------------------------------------------------------ blocks between ranks

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
        return checkedRole(c, root);
    }

    /** Checks the communicator and the root; returns this rank's role. */
    static Role role(Comm c, int root) {
        c.check();
        return checkedRole(c, root);
    }

    private static Role checkedRole(Comm c, int root) {
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

    /** The datatype handle for a side: its own, else the other side's (for sides MPI ignores). */
    static MemorySegment type(Buf side, Buf other) {
        return side != null ? side.type().handle() : other != null ? other.type().handle() : Datatype.BYTE.handle();
    }

    /**
     * Gather ({@code gather} true) or scatter: the root's side holds a block per rank
     * ({@code recv} or {@code send}); the other side ("one" block) may be IN_PLACE at the
     * root. {@code segType}: the datatype of the segment forms, else null.
     */
    static Request rooted(Comm c, boolean nb, boolean gather, Object send, Object recv, Datatype segType,
                          int root) {
        Role role = role(c, root);
        String oneArg = gather ? "send" : "recv";
        String manyArg = gather ? "recv" : "send";
        boolean inPlace = Blocks.inPlace(c, gather ? send : recv, oneArg, role.root(),
                gather ? "at the root" : "as the receive buffer at the root");
        Buf one = inPlace || !role.member() ? null : Blocks.one(gather ? send : recv, segType, !gather, oneArg);
        Buf many = role.root() ? Blocks.many(gather ? recv : send, segType, gather, manyArg, role.blocks(), one)
                : null;
        Blocks.matching(one, oneArg, many, manyArg);
        int on = one == null ? 0 : one.count();
        int mn = many == null ? 0 : many.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment o = inPlace ? MpiCalls.MPI_IN_PLACE() : k.side(one, on, gather, !gather);
            MemorySegment m = k.side(many, (long) mn * role.blocks(), !gather || inPlace, gather);
            MemorySegment ot = type(one, many);
            MemorySegment mt = type(many, one);
            int rc;
            if (gather) {
                rc = k.nonblocking ? MpiCalls.MPI_Igather(o, on, ot, m, mn, mt, root, c.handle, k.slot())
                        : MpiCalls.MPI_Gather(o, on, ot, m, mn, mt, root, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Iscatter(m, mn, mt, o, on, ot, root, c.handle, k.slot())
                        : MpiCalls.MPI_Scatter(m, mn, mt, o, on, ot, root, c.handle);
            }
            return k.done(rc, gather ? "MPI_Gather" : "MPI_Scatter", null);
        }
    }

    /**
     * Allgather ({@code toAll} false: send is one block) or alltoall ({@code toAll} true:
     * send holds one block per rank); in place when {@code send} is IN_PLACE.
     */
    static Request exchange(Comm c, boolean nb, boolean toAll, Object send, Object recv, Datatype segType) {
        c.check();
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        Buf s = inPlace ? null : toAll ? Blocks.many(send, segType, false, "send", c.peers, null)
                : Blocks.one(send, segType, false, "send");
        Buf r = Blocks.many(recv, segType, true, "recv", c.peers, s);
        Blocks.matching(s, "send", r, "recv");
        int sn = s == null ? 0 : s.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment sp = inPlace ? MpiCalls.MPI_IN_PLACE()
                    : k.side(s, toAll ? (long) sn * c.peers : sn, true, false);
            MemorySegment rp = k.side(r, (long) r.count() * c.peers, inPlace, true);
            MemorySegment st = type(s, r);
            MemorySegment rt = r.type().handle();
            int rn = r.count();
            int rc;
            if (k.nonblocking) {
                rc = toAll ? MpiCalls.MPI_Ialltoall(sp, sn, st, rp, rn, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Iallgather(sp, sn, st, rp, rn, rt, c.handle, k.slot());
            } else {
                rc = toAll ? MpiCalls.MPI_Alltoall(sp, sn, st, rp, rn, rt, c.handle)
                        : MpiCalls.MPI_Allgather(sp, sn, st, rp, rn, rt, c.handle);
            }
            return k.done(rc, toAll ? "MPI_Alltoall" : "MPI_Allgather", null);
        }
    }

    /** Reduce-scatter with equal blocks; in place (recv holds every block) when {@code send} is IN_PLACE. */
    static Request reduceScatterBlock(Comm c, boolean nb, Object send, Object recv, Datatype segType, Op op) {
        c.check();
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        Buf r = inPlace ? Blocks.many(recv, segType, true, "recv", c.size, null)
                : Blocks.one(recv, segType, true, "recv");
        Buf s = inPlace ? null : Blocks.many(send, segType, false, "send", c.size, r);
        if (s != null) {
            Blocks.sameType(s.type(), "send", r.type(), "recv");
            Blocks.matching(r, "recv", s, "send");
        }
        int n = r.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment sp = inPlace ? MpiCalls.MPI_IN_PLACE() : k.side(s, (long) n * c.size, true, false);
            MemorySegment rp = k.side(r, inPlace ? (long) n * c.size : n, inPlace, true);
            MemorySegment t = r.type().handle();
            MemorySegment o = k.op(op);
            int rc = k.nonblocking ? MpiCalls.MPI_Ireduce_scatter_block(sp, rp, n, t, o, c.handle, k.slot())
                    : MpiCalls.MPI_Reduce_scatter_block(sp, rp, n, t, o, c.handle);
            return k.done(rc, "MPI_Reduce_scatter_block", op);
        }
    }
}
