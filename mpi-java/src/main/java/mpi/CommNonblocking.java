package mpi;

import java.nio.Buffer;

import org.jmpi.Buf;

/**
 * The nonblocking collectives of {@link Comm}, which take direct buffers only (a heap
 * buffer is an {@link IllegalArgumentException}), and the neighbourhood collectives of a
 * communicator with a topology, blocking and nonblocking. Arguments are those of the
 * blocking forms in {@code CommCollectives}.
 */
abstract class CommNonblocking extends CommCollectives {
    CommNonblocking() {
    }

    CommNonblocking(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /** A nonblocking collective on jmpi. */
    interface Start {
        org.jmpi.Request run(org.jmpi.Comm c);
    }

    /** Starts a collective that reads {@code send} and writes {@code recv} (either may be null). */
    private Request start(String call, Buffer send, Buffer recv, Start body) throws MPIException {
        if (send != null) {
            Buffers.requireDirect(send, "send buffer");
        }
        if (recv != null) {
            Buffers.requireDirect(recv, "receive buffer");
        }
        return call(call, c -> request(body.run(c), send, recv));
    }

    private static Buf d(Buffer buf, int count, Datatype type, String arg) {
        return Buffers.direct(buf, count, type, arg);
    }

    /**
     * Starts a barrier ({@code MPI_Ibarrier}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iBarrier() throws MPIException {
        return start("MPI_Ibarrier", null, null, org.jmpi.Comm::ibarrier);
    }

    /**
     * Starts {@link #bcast} ({@code MPI_Ibcast}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iBcast(Buffer buf, int count, Datatype type, int root) throws MPIException {
        return start("MPI_Ibcast", null, buf, c -> c.ibcast(d(buf, count, type, "buf"), root));
    }

    /**
     * Starts {@link #gather} ({@code MPI_Igather}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount,
                           Datatype recvtype, int root) throws MPIException {
        return start("MPI_Igather", sendbuf, recvbuf, c -> c.igather(
                isLeaf(c, root) ? d(sendbuf, sendcount, sendtype, "sendbuf") : null,
                isRoot(c, root) ? d(recvbuf, recvcount, recvtype, "recvbuf") : null, root));
    }

    /**
     * Starts the in-place {@link #gather} ({@code MPI_Igather}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iGather(Buffer buf, int count, Datatype type, int root) throws MPIException {
        return start("MPI_Igather", null, buf, c -> isRoot(c, root)
                ? c.igather(org.jmpi.Comm.IN_PLACE, d(buf, count, type, "buf"), root)
                : c.igather(d(buf, count, type, "buf"), null, root));
    }

    /**
     * Starts {@link #gatherv} ({@code MPI_Igatherv}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int[] recvcount,
                            int[] displs, Datatype recvtype, int root) throws MPIException {
        return start("MPI_Igatherv", sendbuf, recvbuf, c -> c.igatherv(
                isLeaf(c, root) ? d(sendbuf, sendcount, sendtype, "sendbuf") : null,
                isRoot(c, root) ? d(recvbuf, 0, recvtype, "recvbuf") : null, recvcount, displs, root));
    }

    /**
     * Starts the in-place {@link #gatherv} at the root.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iGatherv(Buffer recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root)
            throws MPIException {
        return start("MPI_Igatherv", null, recvbuf, c -> c.igatherv(org.jmpi.Comm.IN_PLACE,
                d(recvbuf, 0, recvtype, "recvbuf"), recvcount, displs, root));
    }

    /**
     * Starts {@link #gatherv} off the root.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, int root) throws MPIException {
        return start("MPI_Igatherv", sendbuf, null, c -> c.igatherv(d(sendbuf, sendcount, sendtype, "sendbuf"),
                null, null, null, root));
    }

    /**
     * Starts {@link #scatter} ({@code MPI_Iscatter}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iScatter(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount,
                            Datatype recvtype, int root) throws MPIException {
        return start("MPI_Iscatter", sendbuf, recvbuf, c -> c.iscatter(
                isRoot(c, root) ? d(sendbuf, sendcount, sendtype, "sendbuf") : null,
                isLeaf(c, root) ? d(recvbuf, recvcount, recvtype, "recvbuf") : null, root));
    }

    /**
     * Starts the in-place {@link #scatter} ({@code MPI_Iscatter}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iScatter(Buffer buf, int count, Datatype type, int root) throws MPIException {
        return start("MPI_Iscatter", null, buf, c -> isRoot(c, root)
                ? c.iscatter(d(buf, count, type, "buf"), org.jmpi.Comm.IN_PLACE, root)
                : c.iscatter(null, d(buf, count, type, "buf"), root));
    }

    /**
     * Starts {@link #scatterv} ({@code MPI_Iscatterv}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iScatterv(Buffer sendbuf, int[] sendcount, int[] displs, Datatype sendtype, Buffer recvbuf,
                             int recvcount, Datatype recvtype, int root) throws MPIException {
        return start("MPI_Iscatterv", sendbuf, recvbuf, c -> c.iscatterv(
                isRoot(c, root) ? d(sendbuf, 0, sendtype, "sendbuf") : null, sendcount, displs,
                isLeaf(c, root) ? d(recvbuf, recvcount, recvtype, "recvbuf") : null, root));
    }

    /**
     * Starts the in-place {@link #scatterv} at the root.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iScatterv(Buffer sendbuf, int[] sendcount, int[] displs, Datatype sendtype, int root)
            throws MPIException {
        return start("MPI_Iscatterv", sendbuf, null, c -> c.iscatterv(d(sendbuf, 0, sendtype, "sendbuf"), sendcount,
                displs, org.jmpi.Comm.IN_PLACE, root));
    }

    /**
     * Starts {@link #scatterv} off the root.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iScatterv(Buffer recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        return start("MPI_Iscatterv", null, recvbuf, c -> c.iscatterv(null, null, null,
                d(recvbuf, recvcount, recvtype, "recvbuf"), root));
    }

    /**
     * Starts {@link #allGather} ({@code MPI_Iallgather}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount,
                              Datatype recvtype) throws MPIException {
        return start("MPI_Iallgather", sendbuf, recvbuf, c -> c.iallgather(d(sendbuf, sendcount, sendtype,
                "sendbuf"), d(recvbuf, recvcount, recvtype, "recvbuf")));
    }

    /**
     * Starts the in-place {@link #allGather}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllGather(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_Iallgather", null, buf, c -> c.iallgather(org.jmpi.Comm.IN_PLACE,
                d(buf, count, type, "buf")));
    }

    /**
     * Starts {@link #allGatherv} ({@code MPI_Iallgatherv}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int[] recvcount,
                               int[] displs, Datatype recvtype) throws MPIException {
        return start("MPI_Iallgatherv", sendbuf, recvbuf, c -> c.iallgatherv(d(sendbuf, sendcount, sendtype,
                "sendbuf"), d(recvbuf, 0, recvtype, "recvbuf"), recvcount, displs));
    }

    /**
     * Starts the in-place {@link #allGatherv}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllGatherv(Buffer buf, int[] count, int[] displs, Datatype type) throws MPIException {
        return start("MPI_Iallgatherv", null, buf, c -> c.iallgatherv(org.jmpi.Comm.IN_PLACE,
                d(buf, 0, type, "buf"), count, displs));
    }

    /**
     * Starts {@link #allToAll} ({@code MPI_Ialltoall}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllToAll(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount,
                             Datatype recvtype) throws MPIException {
        return start("MPI_Ialltoall", sendbuf, recvbuf, c -> c.ialltoall(d(sendbuf, sendcount, sendtype,
                "sendbuf"), d(recvbuf, recvcount, recvtype, "recvbuf")));
    }

    /**
     * Starts {@link #allToAllv} ({@code MPI_Ialltoallv}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllToAllv(Buffer sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Buffer recvbuf,
                              int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        return start("MPI_Ialltoallv", sendbuf, recvbuf, c -> c.ialltoallv(d(sendbuf, 0, sendtype, "sendbuf"),
                sendcount, sdispls, d(recvbuf, 0, recvtype, "recvbuf"), recvcount, rdispls));
    }

    /**
     * Starts {@link #allToAllw} ({@code MPI_Ialltoallw}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllToAllw(Buffer sendBuf, int[] sendCount, int[] sDispls, Datatype[] sendTypes, Buffer recvBuf,
                              int[] recvCount, int[] rDispls, Datatype[] recvTypes) throws MPIException {
        return start("MPI_Ialltoallw", sendBuf, recvBuf, c -> c.ialltoallw(d(sendBuf, 0, MPI.BYTE, "sendBuf"),
                sendCount, sDispls, Types.jmpi(sendTypes, "sendTypes"), d(recvBuf, 0, MPI.BYTE, "recvBuf"),
                recvCount, rDispls, Types.jmpi(recvTypes, "recvTypes")));
    }

    /**
     * Starts {@link #reduce} ({@code MPI_Ireduce}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduce(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op, int root)
            throws MPIException {
        return start("MPI_Ireduce", sendbuf, recvbuf, c -> c.ireduce(
                isLeaf(c, root) ? d(sendbuf, count, type, "sendbuf") : null,
                isRoot(c, root) ? d(recvbuf, count, type, "recvbuf") : null, op(op, type), root));
    }

    /**
     * Starts the in-place {@link #reduce}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduce(Buffer buf, int count, Datatype type, Op op, int root) throws MPIException {
        return start("MPI_Ireduce", null, buf, c -> isRoot(c, root)
                ? c.ireduce(org.jmpi.Comm.IN_PLACE, d(buf, count, type, "buf"), op(op, type), root)
                : c.ireduce(d(buf, count, type, "buf"), null, op(op, type), root));
    }

    /**
     * Starts {@link #allReduce} ({@code MPI_Iallreduce}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllReduce(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op) throws MPIException {
        return start("MPI_Iallreduce", sendbuf, recvbuf, c -> c.iallreduce(d(sendbuf, count, type, "sendbuf"),
                d(recvbuf, count, type, "recvbuf"), op(op, type)));
    }

    /**
     * Starts the in-place {@link #allReduce}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iAllReduce(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        return start("MPI_Iallreduce", null, buf, c -> c.iallreduce(d(buf, count, type, "buf"), op(op, type)));
    }

    /**
     * Starts {@link #reduceScatter} ({@code MPI_Ireduce_scatter}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduceScatter(Buffer sendbuf, Buffer recvbuf, int[] recvcounts, Datatype type, Op op)
            throws MPIException {
        return start("MPI_Ireduce_scatter", sendbuf, recvbuf, c -> c.ireduceScatter(
                d(sendbuf, Counts.sum(recvcounts), type, "sendbuf"), d(recvbuf, Counts.own(recvcounts, c), type,
                        "recvbuf"), recvcounts, op(op, type)));
    }

    /**
     * Starts the in-place {@link #reduceScatter}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduceScatter(Buffer buf, int[] counts, Datatype type, Op op) throws MPIException {
        return start("MPI_Ireduce_scatter", null, buf, c -> c.ireduceScatter(org.jmpi.Comm.IN_PLACE,
                d(buf, Counts.sum(counts), type, "buf"), counts, op(op, type)));
    }

    /**
     * Starts {@link #reduceScatterBlock}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduceScatterBlock(Buffer sendbuf, Buffer recvbuf, int recvcount, Datatype type, Op op)
            throws MPIException {
        return start("MPI_Ireduce_scatter_block", sendbuf, recvbuf, c -> c.ireduceScatterBlock(
                d(sendbuf, recvcount, type, "sendbuf"), d(recvbuf, recvcount, type, "recvbuf"), op(op, type)));
    }

    /**
     * Starts the in-place {@link #reduceScatterBlock}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iReduceScatterBlock(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        return start("MPI_Ireduce_scatter_block", null, buf, c -> c.ireduceScatterBlock(org.jmpi.Comm.IN_PLACE,
                d(buf, count, type, "buf"), op(op, type)));
    }

    /**
     * Gathers {@code sendcount} elements from every neighbour into {@code recvbuf},
     * {@code recvcount} per neighbour ({@code MPI_Neighbor_allgather}).
     *
     * @throws MPIException if the communicator has no topology or MPI fails
     */
    public void neighborAllGather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                                  Datatype recvtype) throws MPIException {
        run("MPI_Neighbor_allgather", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, recvcount, recvtype, "recvbuf");
            c.neighborAllgather(s, r.buf);
            r.done();
        });
    }

    /**
     * Starts {@link #neighborAllGather}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iNeighborAllGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf,
                                      int recvcount, Datatype recvtype) throws MPIException {
        return start("MPI_Ineighbor_allgather", sendbuf, recvbuf, c -> c.ineighborAllgather(
                d(sendbuf, sendcount, sendtype, "sendbuf"), d(recvbuf, recvcount, recvtype, "recvbuf")));
    }

    /**
     * Gathers from every neighbour i {@code recvcount[i]} elements at element
     * {@code displs[i]} of {@code recvbuf} ({@code MPI_Neighbor_allgatherv}).
     *
     * @throws MPIException if the communicator has no topology or MPI fails
     */
    public void neighborAllGatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf,
                                   int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        run("MPI_Neighbor_allgatherv", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = in(recvbuf, 0, recvtype, "recvbuf");
            c.neighborAllgatherv(s, r.buf, recvcount, displs);
            r.done();
        });
    }

    /**
     * Starts {@link #neighborAllGatherv}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iNeighborAllGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf,
                                       int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        return start("MPI_Ineighbor_allgatherv", sendbuf, recvbuf, c -> c.ineighborAllgatherv(
                d(sendbuf, sendcount, sendtype, "sendbuf"), d(recvbuf, 0, recvtype, "recvbuf"), recvcount, displs));
    }

    /**
     * Sends block j of {@code sendbuf} to neighbour j and receives block i of
     * {@code recvbuf} from neighbour i ({@code MPI_Neighbor_alltoall}).
     *
     * @throws MPIException if the communicator has no topology or MPI fails
     */
    public void neighborAllToAll(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                                 Datatype recvtype) throws MPIException {
        run("MPI_Neighbor_alltoall", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, recvcount, recvtype, "recvbuf");
            c.neighborAlltoall(s, r.buf);
            r.done();
        });
    }

    /**
     * Starts {@link #neighborAllToAll}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iNeighborAllToAll(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf,
                                     int recvcount, Datatype recvtype) throws MPIException {
        return start("MPI_Ineighbor_alltoall", sendbuf, recvbuf, c -> c.ineighborAlltoall(
                d(sendbuf, sendcount, sendtype, "sendbuf"), d(recvbuf, recvcount, recvtype, "recvbuf")));
    }

    /**
     * {@link #neighborAllToAll} with a count and displacement per neighbour
     * ({@code MPI_Neighbor_alltoallv}).
     *
     * @throws MPIException if the communicator has no topology or MPI fails
     */
    public void neighborAllToAllv(Object sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype,
                                  Object recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype)
            throws MPIException {
        run("MPI_Neighbor_alltoallv", c -> {
            Buf s = in(sendbuf, 0, sendtype, "sendbuf").buf;
            Buffers.Region r = in(recvbuf, 0, recvtype, "recvbuf");
            c.neighborAlltoallv(s, sendcount, sdispls, r.buf, recvcount, rdispls);
            r.done();
        });
    }

    /**
     * Starts {@link #neighborAllToAllv}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public Request iNeighborAllToAllv(Buffer sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype,
                                      Buffer recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype)
            throws MPIException {
        return start("MPI_Ineighbor_alltoallv", sendbuf, recvbuf, c -> c.ineighborAlltoallv(
                d(sendbuf, 0, sendtype, "sendbuf"), sendcount, sdispls, d(recvbuf, 0, recvtype, "recvbuf"),
                recvcount, rdispls));
    }
}
