package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The shared bodies of the collectives with per-rank counts, displacements or datatypes,
 * blocking ({@code nb} false, returns null) and nonblocking ({@code nb} true, returns the
 * started request): every argument checked, then one native call. The side described by
 * the arrays is a {@link Blocks.Region}: the memory from a {@code Buf}'s offset (its count
 * is not used), an array or, from the segment forms ({@code segType} not null), a segment.
 * Heap memory is staged or copied by the {@link Launch}, gaps between blocks included.
 */
final class VariableCollectiveCalls {
    private VariableCollectiveCalls() {
    }

    /**
     * Gatherv ({@code gather} true) or scatterv: counts and displs (elements of the root's
     * side's datatype) describe the root's recv or send and are ignored elsewhere; the
     * other side may be IN_PLACE at the root.
     */
    static Request rooted(Comm c, boolean nb, boolean gather, Object send, Object recv, int[] counts, int[] displs,
                          Datatype segType, int root) {
        CollectiveCalls.Role role = CollectiveCalls.role(c, root);
        String oneArg = gather ? "send" : "recv";
        String manyArg = gather ? "recv" : "send";
        boolean inPlace = Blocks.inPlace(c, gather ? send : recv, oneArg, role.root(),
                gather ? "at the root" : "as the receive buffer at the root");
        Buf one = inPlace || !role.member() ? null : Blocks.one(gather ? send : recv, segType, !gather, oneArg);
        Blocks.Region many = null;
        long end = 0;
        if (role.root()) {
            many = Blocks.region(gather ? recv : send, segType, gather, manyArg);
            end = Blocks.blocks(many, manyArg, counts, "counts", displs, "displs", role.blocks(), Blocks.sizeName(c));
            if (one != null && one.type() == many.type()) {
                Blocks.own(one.count(), counts, c.rank, oneArg, "counts");
            }
        }
        int n = one == null ? 0 : one.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment cs = role.root() ? k.ints(counts) : MemorySegment.NULL;
            MemorySegment ds = role.root() ? k.ints(displs) : MemorySegment.NULL;
            MemorySegment o = inPlace ? MpiCalls.MPI_IN_PLACE() : k.side(one, n, gather, !gather);
            MemorySegment m = many == null ? MemorySegment.NULL
                    : k.region(many.base(), many.offset(), end, true, gather);
            MemorySegment ot = one != null ? one.type().handle() : many != null ? many.type().handle()
                    : Datatype.BYTE.handle();
            MemorySegment mt = many != null ? many.type().handle() : ot;
            int rc;
            if (gather) {
                rc = k.nonblocking ? MpiCalls.MPI_Igatherv(o, n, ot, m, cs, ds, mt, root, c.handle, k.slot())
                        : MpiCalls.MPI_Gatherv(o, n, ot, m, cs, ds, mt, root, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Iscatterv(m, cs, ds, mt, o, n, ot, root, c.handle, k.slot())
                        : MpiCalls.MPI_Scatterv(m, cs, ds, mt, o, n, ot, root, c.handle);
            }
            return k.done(rc, gather ? "MPI_Gatherv" : "MPI_Scatterv", null);
        }
    }

    /**
     * Allgatherv, or with {@code neighbor} the neighbourhood form (blocks from the
     * in-neighbours, no in-place form); counts and displs (elements of recv's datatype)
     * describe recv.
     */
    static Request allgatherv(Comm c, boolean nb, boolean neighbor, Object send, Object recv, int[] counts,
                              int[] displs, Datatype segType) {
        int blocks = neighbor ? NeighborCalls.degrees(c)[0] : c.peers;
        c.check();
        if (neighbor) {
            NeighborCalls.send(send);
        }
        boolean inPlace = !neighbor && Blocks.inPlace(c, send, "send", true, null);
        Buf s = inPlace ? null : Blocks.one(send, segType, false, "send");
        Blocks.Region r = Blocks.region(recv, segType, true, "recv");
        long end = Blocks.blocks(r, "recv", counts, "counts", displs, "displs", blocks,
                neighbor ? "the in-degree" : Blocks.sizeName(c));
        if (s != null && !neighbor && !c.inter && s.type() == r.type()) {
            Blocks.own(s.count(), counts, c.rank, "send", "counts");
        }
        int n = s == null ? 0 : s.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment sp = inPlace ? MpiCalls.MPI_IN_PLACE() : k.side(s, n, true, false);
            MemorySegment rp = k.region(r.base(), r.offset(), end, true, true);
            if (MpiQuirks.ONE_PROCESS_DISPLS_IGNORED && !neighbor && c.size == 1 && !c.inter && !inPlace
                    && displs[0] != 0) {
                // MPICH 4.0.2 on one process writes the block at the start of the buffer,
                // whatever its displacement: give it the block's address instead.
                rp = rp.asSlice(Math.multiplyExact((long) displs[0], r.type().extent()));
                displs = new int[1];
            }
            MemorySegment cs = k.ints(counts);
            MemorySegment ds = k.ints(displs);
            MemorySegment rt = r.type().handle();
            MemorySegment st = s == null ? rt : s.type().handle();
            int rc;
            if (neighbor) {
                rc = k.nonblocking ? MpiCalls.MPI_Ineighbor_allgatherv(sp, n, st, rp, cs, ds, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_allgatherv(sp, n, st, rp, cs, ds, rt, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Iallgatherv(sp, n, st, rp, cs, ds, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Allgatherv(sp, n, st, rp, cs, ds, rt, c.handle);
            }
            return k.done(rc, neighbor ? "MPI_Neighbor_allgatherv" : "MPI_Allgatherv", null);
        }
    }

    /**
     * Alltoallv ({@code w} false: displacements in elements of each side's datatype) or
     * alltoallw ({@code w} true: a datatype per peer, displacements in bytes). In place,
     * the send arrays are ignored and MPI is given the receive ones.
     */
    static Request alltoall(Comm c, boolean nb, boolean w, Object send, int[] sendCounts, int[] sendDispls,
                            Datatype[] sendTypes, Object recv, int[] recvCounts, int[] recvDispls,
                            Datatype[] recvTypes, Datatype segType) {
        c.check();
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        Blocks.Region r = Blocks.region(recv, segType, true, "recv");
        long rEnd = blocks(r, "recv", recvCounts, recvDispls, w ? recvTypes : null, c.peers, Blocks.sizeName(c));
        Blocks.Region s = inPlace ? null : Blocks.region(send, segType, false, "send");
        long sEnd = inPlace ? 0
                : blocks(s, "send", sendCounts, sendDispls, w ? sendTypes : null, c.peers, Blocks.sizeName(c));
        try (Launch k = new Launch(nb)) {
            MemorySegment rp = k.region(r.base(), r.offset(), rEnd, true, true);
            MemorySegment sp = inPlace ? MpiCalls.MPI_IN_PLACE() : k.region(s.base(), s.offset(), sEnd, true, false);
            if (w && inPlace && k.nonblocking && MpiQuirks.IALLTOALLW_IN_PLACE_BROKEN) {
                // MPICH 4.0.2's MPI_Ialltoallw in place delivers wrong blocks when the types
                // differ between peers (its blocking form is right; docs/mpich.md): send from
                // a copy of the buffer with the receive spec, which is what in place means.
                sp = k.copy(rp.asSlice(0, rEnd));
                inPlace = false;
                sendCounts = recvCounts;
                sendDispls = recvDispls;
                sendTypes = recvTypes;
            }
            if (w && c.size == 1 && !c.inter && !inPlace) {
                // Open MPI's coll/self scales alltoallw's byte displacements by the extent:
                // give it the blocks' addresses and zero displacements instead.
                sp = sp.asSlice(sendDispls[0]);
                rp = rp.asSlice(recvDispls[0]);
                sendDispls = new int[1];
                recvDispls = sendDispls;
            }
            MemorySegment rcs = k.ints(recvCounts);
            MemorySegment rd = k.ints(recvDispls);
            MemorySegment sc = inPlace ? rcs : k.ints(sendCounts);
            MemorySegment sd = inPlace ? rd : k.ints(sendDispls);
            int rc;
            if (w) {
                MemorySegment rt = k.handles(recvTypes);
                MemorySegment st = inPlace ? rt : k.handles(sendTypes);
                rc = k.nonblocking ? MpiCalls.MPI_Ialltoallw(sp, sc, sd, st, rp, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Alltoallw(sp, sc, sd, st, rp, rcs, rd, rt, c.handle);
            } else {
                MemorySegment rt = r.type().handle();
                MemorySegment st = s == null ? rt : s.type().handle();
                rc = k.nonblocking ? MpiCalls.MPI_Ialltoallv(sp, sc, sd, st, rp, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Alltoallv(sp, sc, sd, st, rp, rcs, rd, rt, c.handle);
            }
            return k.done(rc, w ? "MPI_Alltoallw" : "MPI_Alltoallv", null);
        }
    }

    /**
     * Checks one side's {@code size} blocks ({@code sizeName} says what that count is):
     * typed ({@code types} not null, byte displacements) or of the region's datatype;
     * arguments named after {@code side}. Returns the end of the bytes they touch.
     */
    static long blocks(Blocks.Region r, String side, int[] counts, int[] displs, Datatype[] types, int size,
                       String sizeName) {
        if (types != null) {
            return Blocks.typedBlocks(r, side, counts, side + "Counts", displs, side + "Displs", types,
                    side + "Types", size, sizeName);
        }
        return Blocks.blocks(r, side, counts, side + "Counts", displs, side + "Displs", size, sizeName);
    }

    /** Reduce-scatter with {@code counts[i]} result elements on rank i; in place, recv holds the whole input. */
    static Request reduceScatter(Comm c, boolean nb, Object send, Object recv, int[] counts, Datatype segType,
                                 Op op) {
        c.check();
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        long total = Blocks.counts(counts, c.size, "the communicator size", "counts");
        long mine = inPlace ? total : counts[c.rank];
        Blocks.Region r = Blocks.region(recv, segType, true, "recv");
        Blocks.fits(r.base(), r.offset(), mine, r.type(), "recv");
        Blocks.Region s = null;
        if (!inPlace) {
            s = Blocks.region(send, segType, false, "send");
            Blocks.fits(s.base(), s.offset(), total, s.type(), "send");
            Blocks.sameType(s.type(), "send", r.type(), "recv");
        }
        try (Launch k = new Launch(nb)) {
            MemorySegment cs = k.ints(counts);
            MemorySegment sp = inPlace ? MpiCalls.MPI_IN_PLACE()
                    : k.side(s.base(), s.offset(), total, s.type(), true, false);
            MemorySegment rp = k.side(r.base(), r.offset(), mine, r.type(), inPlace, true);
            MemorySegment t = r.type().handle();
            MemorySegment o = k.op(op);
            int rc = k.nonblocking ? MpiCalls.MPI_Ireduce_scatter(sp, rp, cs, t, o, c.handle, k.slot())
                    : MpiCalls.MPI_Reduce_scatter(sp, rp, cs, t, o, c.handle);
            return k.done(rc, "MPI_Reduce_scatter", op);
        }
    }
}
