package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;

/**
 * The shared bodies of the collectives with per-rank counts, displacements or datatypes,
 * blocking ({@code nb} false, returns null) and nonblocking ({@code nb} true, returns the
 * started request): every argument checked, then one native call.
 */
final class VariableCollectiveCalls {
    private VariableCollectiveCalls() {
    }

    /**
     * Gatherv ({@code gather} true) or scatterv: counts and displs (elements) describe the
     * root's recv or send and are ignored elsewhere; the other buffer may be IN_PLACE at
     * the root.
     */
    static Request rooted(Comm c, boolean nb, boolean gather, MemorySegment send, MemorySegment recv, int[] counts,
                          int[] displs, Datatype type, int root) {
        CollectiveCalls.Role role = CollectiveCalls.role(c, type, root);
        MemorySegment one = gather ? send : recv;
        String oneArg = gather ? "send" : "recv";
        String manyArg = gather ? "recv" : "send";
        boolean inPlace = Blocks.inPlace(c, one, oneArg, role.root(),
                gather ? "at the root" : "as the receive buffer at the root");
        one = role.member() ? one : null;
        try (Launch k = new Launch(nb, false)) {
            int n = inPlace || one == null ? 0 : Buffers.countOf(k.buffer(!gather, one, oneArg), type, oneArg);
            MemorySegment many = MemorySegment.NULL;
            if (role.root()) {
                many = k.buffer(gather, gather ? recv : send, manyArg);
                Blocks.blocks(many, manyArg, counts, "counts", displs, "displs", type, role.blocks(),
                        Blocks.sizeName(c));
                if (!inPlace && role.member()) {
                    Blocks.own(n, counts, c.rank, oneArg, "counts");
                }
            }
            MemorySegment cs = role.root() ? k.ints(counts) : MemorySegment.NULL;
            MemorySegment ds = role.root() ? k.ints(displs) : MemorySegment.NULL;
            MemorySegment o = k.arg(one);
            MemorySegment t = type.handle();
            int rc;
            if (gather) {
                rc = k.nonblocking ? MpiCalls.MPI_Igatherv(o, n, t, many, cs, ds, t, root, c.handle, k.slot())
                        : MpiCalls.MPI_Gatherv(o, n, t, many, cs, ds, t, root, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Iscatterv(many, cs, ds, t, o, n, t, root, c.handle, k.slot())
                        : MpiCalls.MPI_Scatterv(many, cs, ds, t, o, n, t, root, c.handle);
            }
            return k.done(rc, gather ? "MPI_Gatherv" : "MPI_Scatterv", null, one, many);
        }
    }

    /** Allgatherv; counts and displs (elements) describe recv on every rank. */
    static Request allgatherv(Comm c, boolean nb, MemorySegment send, MemorySegment recv, int[] counts, int[] displs,
                              Datatype type) {
        c.check();
        Objects.requireNonNull(type, "type");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, false)) {
            int n = inPlace ? 0 : Buffers.countOf(k.in(send, "send"), type, "send");
            Blocks.blocks(k.out(recv, "recv"), "recv", counts, "counts", displs, "displs", type, c.peers,
                    Blocks.sizeName(c));
            if (!inPlace && !c.inter) {
                Blocks.own(n, counts, c.rank, "send", "counts");
            }
            MemorySegment r = recv;
            if (MpiQuirks.ONE_PROCESS_DISPLS_IGNORED && c.size == 1 && !c.inter && !inPlace && displs[0] != 0) {
                // MPICH 4.0.2 on one process writes the block at the start of the buffer,
                // whatever its displacement: give it the block's address instead.
                r = recv.asSlice(Math.multiplyExact((long) displs[0], type.extent()));
                displs = new int[1];
            }
            MemorySegment cs = k.ints(counts);
            MemorySegment ds = k.ints(displs);
            MemorySegment s = k.arg(send);
            MemorySegment t = type.handle();
            int rc = k.nonblocking ? MpiCalls.MPI_Iallgatherv(s, n, t, r, cs, ds, t, c.handle, k.slot())
                    : MpiCalls.MPI_Allgatherv(s, n, t, r, cs, ds, t, c.handle);
            return k.done(rc, "MPI_Allgatherv", null, send, recv);
        }
    }

    /**
     * Alltoallv ({@code types} null: one {@code type}, displacements in elements) or
     * alltoallw ({@code type} null: a datatype per peer, displacements in bytes). In place,
     * the send arrays are ignored and MPI is given the receive ones.
     */
    static Request alltoall(Comm c, boolean nb, MemorySegment send, int[] sendCounts, int[] sendDispls,
                            Datatype[] sendTypes, MemorySegment recv, int[] recvCounts, int[] recvDispls,
                            Datatype[] recvTypes, Datatype type) {
        c.check();
        boolean w = type == null;
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, false)) {
            MemorySegment r = k.out(recv, "recv");
            blocks(r, "recv", recvCounts, recvDispls, recvTypes, type, c.peers, Blocks.sizeName(c));
            if (!inPlace) {
                blocks(k.in(send, "send"), "send", sendCounts, sendDispls, sendTypes, type, c.peers,
                        Blocks.sizeName(c));
            }
            MemorySegment s = k.arg(send);
            if (w && inPlace && k.nonblocking && MpiQuirks.IALLTOALLW_IN_PLACE_BROKEN) {
                // MPICH 4.0.2's MPI_Ialltoallw in place delivers wrong blocks when the types
                // differ between peers (its blocking form is right; docs/mpich.md): send from
                // a copy of the buffer with the receive spec, which is what in place means.
                s = k.copy(r);
                inPlace = false;
                sendCounts = recvCounts;
                sendDispls = recvDispls;
                sendTypes = recvTypes;
            }
            if (w && c.size == 1 && !c.inter && !inPlace) {
                // Open MPI's coll/self scales alltoallw's byte displacements by the extent:
                // give it the blocks' addresses and zero displacements instead.
                s = s.asSlice(sendDispls[0]);
                r = r.asSlice(recvDispls[0]);
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
                rc = k.nonblocking ? MpiCalls.MPI_Ialltoallw(s, sc, sd, st, r, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Alltoallw(s, sc, sd, st, r, rcs, rd, rt, c.handle);
            } else {
                MemorySegment t = type.handle();
                rc = k.nonblocking ? MpiCalls.MPI_Ialltoallv(s, sc, sd, t, r, rcs, rd, t, c.handle, k.slot())
                        : MpiCalls.MPI_Alltoallv(s, sc, sd, t, r, rcs, rd, t, c.handle);
            }
            return k.done(rc, w ? "MPI_Alltoallw" : "MPI_Alltoallv", null, send, recv);
        }
    }

    /**
     * Checks one side's {@code size} blocks ({@code sizeName} says what that count is):
     * typed ({@code type} null) or of {@code type}; arguments named after {@code side}.
     */
    static void blocks(MemorySegment seg, String side, int[] counts, int[] displs, Datatype[] types, Datatype type,
                       int size, String sizeName) {
        if (type == null) {
            Blocks.typedBlocks(seg, side, counts, side + "Counts", displs, side + "Displs", types, side + "Types",
                    size, sizeName);
        } else {
            Blocks.blocks(seg, side, counts, side + "Counts", displs, side + "Displs", type, size, sizeName);
        }
    }

    /** Reduce-scatter with {@code counts[i]} result elements on rank i; in place, recv holds the whole input. */
    static Request reduceScatter(Comm c, boolean nb, MemorySegment send, MemorySegment recv, int[] counts,
                                 Datatype type, Op op) {
        c.check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        boolean inPlace = Blocks.inPlace(c, send, "send", true, null);
        try (Launch k = new Launch(nb, false)) {
            long total = Blocks.counts(counts, c.size, "the communicator size", "counts");
            Buffers.fits(k.out(recv, "recv"), inPlace ? total : counts[c.rank], type, "recv");
            if (!inPlace) {
                Buffers.fits(k.in(send, "send"), total, type, "send");
            }
            MemorySegment cs = k.ints(counts);
            MemorySegment s = k.arg(send);
            MemorySegment t = type.handle();
            MemorySegment o = k.op(op);
            int rc = k.nonblocking ? MpiCalls.MPI_Ireduce_scatter(s, recv, cs, t, o, c.handle, k.slot())
                    : MpiCalls.MPI_Reduce_scatter(s, recv, cs, t, o, c.handle);
            return k.done(rc, "MPI_Reduce_scatter", op, send, recv);
        }
    }
}
