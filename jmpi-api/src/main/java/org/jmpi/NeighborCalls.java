package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

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

    private static MemorySegment send(MemorySegment send) {
        if (send == Args.IN_PLACE) {
            throw new IllegalArgumentException("send: IN_PLACE is not accepted by neighborhood collectives");
        }
        return send;
    }

    /** Neighbor allgather: send is one block, recv one block per in-neighbour. */
    static Request allgather(Comm c, boolean nb, MemorySegment send, MemorySegment recv, Datatype type) {
        int[] deg = degrees(c);
        Objects.requireNonNull(type, "type");
        try (Launch k = new Launch(nb, false)) {
            int n = Buffers.countOf(k.in(send(send), "send"), type, "send");
            Buffers.fits(k.out(recv, "recv"), (long) n * deg[IN], type, "recv");
            MemorySegment t = type.handle();
            int rc = nb ? MpiCalls.MPI_Ineighbor_allgather(send, n, t, recv, n, t, c.handle, k.slot())
                    : MpiCalls.MPI_Neighbor_allgather(send, n, t, recv, n, t, c.handle);
            return k.done(rc, "MPI_Neighbor_allgather", null, send, recv);
        }
    }

    /** Neighbor allgatherv: counts and displs (elements) place each in-neighbour's block in recv. */
    static Request allgatherv(Comm c, boolean nb, MemorySegment send, MemorySegment recv, int[] counts,
                              int[] displs, Datatype type) {
        int[] deg = degrees(c);
        Objects.requireNonNull(type, "type");
        try (Launch k = new Launch(nb, false)) {
            int n = Buffers.countOf(k.in(send(send), "send"), type, "send");
            Blocks.blocks(k.out(recv, "recv"), "recv", counts, "counts", displs, "displs", type, deg[IN],
                    "the in-degree");
            MemorySegment cs = k.ints(counts);
            MemorySegment ds = k.ints(displs);
            MemorySegment t = type.handle();
            int rc = nb ? MpiCalls.MPI_Ineighbor_allgatherv(send, n, t, recv, cs, ds, t, c.handle, k.slot())
                    : MpiCalls.MPI_Neighbor_allgatherv(send, n, t, recv, cs, ds, t, c.handle);
            return k.done(rc, "MPI_Neighbor_allgatherv", null, send, recv);
        }
    }

    /** Neighbor alltoall: send holds a block per out-neighbour, recv a block per in-neighbour, all equal. */
    static Request alltoall(Comm c, boolean nb, MemorySegment send, MemorySegment recv, Datatype type) {
        int[] deg = degrees(c);
        Objects.requireNonNull(type, "type");
        try (Launch k = new Launch(nb, false)) {
            MemorySegment s = k.in(send(send), "send");
            MemorySegment r = k.out(recv, "recv");
            int n = 0;
            if (deg[OUT] > 0) {
                n = Blocks.perRank(s, type, deg[OUT], "send");
                Buffers.fits(r, (long) n * deg[IN], type, "recv");
            } else if (deg[IN] > 0) {
                n = Blocks.perRank(r, type, deg[IN], "recv");
            }
            MemorySegment t = type.handle();
            int rc = nb ? MpiCalls.MPI_Ineighbor_alltoall(s, n, t, r, n, t, c.handle, k.slot())
                    : MpiCalls.MPI_Neighbor_alltoall(s, n, t, r, n, t, c.handle);
            return k.done(rc, "MPI_Neighbor_alltoall", null, s, r);
        }
    }

    /**
     * Neighbor alltoallv ({@code types} null: one {@code type}, displacements in elements)
     * or alltoallw ({@code type} null: a datatype per neighbour, displacements in bytes).
     */
    static Request alltoallv(Comm c, boolean nb, MemorySegment send, int[] sendCounts, int[] sendDispls,
                             Datatype[] sendTypes, MemorySegment recv, int[] recvCounts, int[] recvDispls,
                             Datatype[] recvTypes, Datatype type) {
        int[] deg = degrees(c);
        boolean w = type == null;
        try (Launch k = new Launch(nb, false)) {
            VariableCollectiveCalls.blocks(k.in(send(send), "send"), "send", sendCounts, sendDispls, sendTypes, type,
                    deg[OUT], "the out-degree");
            VariableCollectiveCalls.blocks(k.out(recv, "recv"), "recv", recvCounts, recvDispls, recvTypes, type,
                    deg[IN], "the in-degree");
            MemorySegment sc = k.ints(sendCounts);
            MemorySegment rcs = k.ints(recvCounts);
            int rc;
            if (w) {
                MemorySegment sd = k.aints(sendDispls);
                MemorySegment rd = k.aints(recvDispls);
                MemorySegment st = k.handles(sendTypes);
                MemorySegment rt = k.handles(recvTypes);
                rc = nb ? MpiCalls.MPI_Ineighbor_alltoallw(send, sc, sd, st, recv, rcs, rd, rt, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_alltoallw(send, sc, sd, st, recv, rcs, rd, rt, c.handle);
            } else {
                MemorySegment sd = k.ints(sendDispls);
                MemorySegment rd = k.ints(recvDispls);
                MemorySegment t = type.handle();
                rc = nb ? MpiCalls.MPI_Ineighbor_alltoallv(send, sc, sd, t, recv, rcs, rd, t, c.handle, k.slot())
                        : MpiCalls.MPI_Neighbor_alltoallv(send, sc, sd, t, recv, rcs, rd, t, c.handle);
            }
            return k.done(rc, w ? "MPI_Neighbor_alltoallw" : "MPI_Neighbor_alltoallv", null, send, recv);
        }
    }

}
