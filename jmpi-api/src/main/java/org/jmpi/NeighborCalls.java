package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The bodies of the neighbourhood collectives, blocking ({@code nb} false, returns null)
 * and nonblocking ({@code nb} true, returns the started request, which keeps the native
 * count, displacement and datatype arrays until it completes): the topology's in- and
 * out-degree found, every argument checked against them, then one native call.
 */
final class NeighborCalls {
    private static final int IN = 0;
    private static final int OUT = 1;

    private NeighborCalls() {
    }

    /** The in-degree and out-degree of {@code c}'s topology: 2 x ndims each for a grid. */
    static int[] degrees(Comm c) {
        c.check();
        MemorySegment w = Scratch.words();
        Errors.check(MpiCalls.MPI_Topo_test(c.handle, w), "MPI_Topo_test");
        switch (Topology.of(w.get(JAVA_INT, 0))) {
            case CART -> {
                Errors.check(MpiCalls.MPI_Cartdim_get(c.handle, w), "MPI_Cartdim_get");
                int n = 2 * w.get(JAVA_INT, 0);
                return new int[] {n, n};
            }
            case GRAPH -> {
                Errors.check(MpiCalls.MPI_Graph_neighbors_count(c.handle, c.rank, w), "MPI_Graph_neighbors_count");
                int n = w.get(JAVA_INT, 0);
                return new int[] {n, n};
            }
            case DIST_GRAPH -> {
                Errors.check(MpiCalls.MPI_Dist_graph_neighbors_count(c.handle, w, w.asSlice(4), w.asSlice(8)),
                        "MPI_Dist_graph_neighbors_count");
                return new int[] {w.get(JAVA_INT, 0), w.get(JAVA_INT, 4)};
            }
            default -> throw new IllegalStateException(c + " has no topology: neighborhood collectives need one"
                    + " (cartCreate, graphCreate, distGraphCreate, distGraphCreateAdjacent)");
        }
    }

    /** {@code send}, refused if it is IN_PLACE. */
    static Object send(Object send) {
        if (send == Args.IN_PLACE) {
            throw new IllegalArgumentException("send: IN_PLACE is not accepted by neighborhood collectives");
        }
        return send;
    }

    /**
     * Neighbor allgather ({@code toAll} false: send is one block) or alltoall ({@code toAll}
     * true: send holds a block per out-neighbour); recv holds a block per in-neighbour, with
     * one datatype the size of send's.
     */
    static Request exchange(Comm c, boolean nb, boolean toAll, Object send, Object recv, Datatype segType) {
        int[] deg = degrees(c);
        boolean sent = !toAll || deg[OUT] > 0;
        Buf s = toAll ? Blocks.many(send(send), segType, false, "send", deg[OUT], null)
                : Blocks.one(send(send), segType, false, "send");
        Buf r = Blocks.many(recv, segType, true, "recv", deg[IN], sent ? s : null);
        if (sent && deg[IN] > 0) {
            Blocks.matching(s, "send", r, "recv");
        }
        int sn = s.count();
        int rn = r.count();
        try (Launch k = new Launch(nb)) {
            MemorySegment sp = k.side(s, toAll ? (long) sn * deg[OUT] : sn, true, false);
            MemorySegment rp = k.side(r, (long) rn * deg[IN], false, true);
            MemorySegment st = s.type().handle();
            MemorySegment rt = r.type().handle();
            int rc;
            if (toAll) {
                rc = k.nonblocking ? MpiCalls.MPI_Ineighbor_alltoall(sp, sn, st, rp, rn, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_alltoall(sp, sn, st, rp, rn, rt, c.handle);
            } else {
                rc = k.nonblocking ? MpiCalls.MPI_Ineighbor_allgather(sp, sn, st, rp, rn, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_allgather(sp, sn, st, rp, rn, rt, c.handle);
            }
            return k.done(rc, toAll ? "MPI_Neighbor_alltoall" : "MPI_Neighbor_allgather", null);
        }
    }

    /**
     * Neighbor alltoallv ({@code w} false: displacements in elements of each side's
     * datatype) or alltoallw ({@code w} true: a datatype per neighbour, displacements in bytes).
     */
    static Request alltoallv(Comm c, boolean nb, boolean w, Object send, int[] sendCounts, int[] sendDispls,
                             Datatype[] sendTypes, Object recv, int[] recvCounts, int[] recvDispls,
                             Datatype[] recvTypes, Datatype segType) {
        int[] deg = degrees(c);
        Blocks.Region s = Blocks.region(send(send), segType, false, "send");
        long sEnd = VariableCollectiveCalls.blocks(s, "send", sendCounts, sendDispls, w ? sendTypes : null, deg[OUT],
                "the out-degree");
        Blocks.Region r = Blocks.region(recv, segType, true, "recv");
        long rEnd = VariableCollectiveCalls.blocks(r, "recv", recvCounts, recvDispls, w ? recvTypes : null, deg[IN],
                "the in-degree");
        try (Launch k = new Launch(nb)) {
            MemorySegment sp = k.region(s.base(), s.offset(), sEnd, true, false);
            MemorySegment rp = k.region(r.base(), r.offset(), rEnd, true, true);
            MemorySegment sc = k.ints(sendCounts);
            MemorySegment rcs = k.ints(recvCounts);
            int rc;
            if (w) {
                MemorySegment sd = k.aints(sendDispls);
                MemorySegment rd = k.aints(recvDispls);
                MemorySegment st = k.handles(sendTypes);
                MemorySegment rt = k.handles(recvTypes);
                rc = k.nonblocking
                        ? MpiCalls.MPI_Ineighbor_alltoallw(sp, sc, sd, st, rp, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_alltoallw(sp, sc, sd, st, rp, rcs, rd, rt, c.handle);
            } else {
                MemorySegment sd = k.ints(sendDispls);
                MemorySegment rd = k.ints(recvDispls);
                MemorySegment st = s.type().handle();
                MemorySegment rt = r.type().handle();
                rc = k.nonblocking
                        ? MpiCalls.MPI_Ineighbor_alltoallv(sp, sc, sd, st, rp, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_alltoallv(sp, sc, sd, st, rp, rcs, rd, rt, c.handle);
            }
            return k.done(rc, w ? "MPI_Neighbor_alltoallw" : "MPI_Neighbor_alltoallv", null);
        }
    }
}
