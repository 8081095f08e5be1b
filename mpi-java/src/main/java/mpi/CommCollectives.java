package mpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.Buf;

/**
 * The blocking collectives of {@link Comm}. Buffers are arrays or direct or heap buffers;
 * counts are elements of the datatype (per process for the regular forms), displacements
 * elements of its extent (bytes for {@code allToAllw}). The forms without a send buffer
 * work in place ({@code MPI_IN_PLACE}); arguments a process does not use (the receive
 * buffer off the root, ...) may be null there.
 */
abstract class CommCollectives extends CommPointToPoint {
    CommCollectives() {
    }

    CommCollectives(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /** Whether this process is the root of a rooted collective. */
    static boolean isRoot(org.jmpi.Comm c, int root) {
        return c.isInter() ? root == MPI.ROOT : c.rank() == root;
    }

    /** Whether this process contributes data to (or receives data from) the root. */
    static boolean isLeaf(org.jmpi.Comm c, int root) {
        return c.isInter() ? root != MPI.ROOT && root != MPI.PROC_NULL : true;
    }

    static Buffers.Region in(Object buf, int count, Datatype type, String arg) {
        return Buffers.blocking(buf, count, type, arg, true);
    }

    static Buffers.Region out(Object buf, int count, Datatype type, String arg) {
        return Buffers.blocking(buf, count, type, arg, false);
    }

    static org.jmpi.Op op(Op op, Datatype type) {
        if (op == null) {
            throw Failure.arg(MPI.ERR_OP, "op: null");
        }
        return op.forCall(type);
    }

    /**
     * Blocks until every process has called it ({@code MPI_Barrier}).
     *
     * @throws MPIException if MPI fails
     */
    public void barrier() throws MPIException {
        run("MPI_Barrier", org.jmpi.Comm::barrier);
    }

    /**
     * Broadcasts {@code count} elements from {@code root} ({@code MPI_Bcast}).
     *
     * @throws MPIException if MPI fails
     */
    public void bcast(Object buf, int count, Datatype type, int root) throws MPIException {
        run("MPI_Bcast", c -> {
            boolean root0 = isRoot(c, root);
            Buffers.Region r = c.isInter() && !root0 && !isLeaf(c, root) ? null : Buffers.blocking(buf, count, type,
                    "buf", root0);
            c.bcast(r == null ? null : r.buf, root);
            if (r != null && !root0) {
                r.done();
            }
        });
    }

    /**
     * Gathers {@code sendcount} elements from every process into {@code recvbuf} at
     * {@code root}, {@code recvcount} per process in rank order ({@code MPI_Gather}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void gather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                       Datatype recvtype, int root) throws MPIException {
        run("MPI_Gather", c -> {
            Buf s = isLeaf(c, root) ? in(sendbuf, sendcount, sendtype, "sendbuf").buf : null;
            Buffers.Region r = isRoot(c, root) ? out(recvbuf, recvcount, recvtype, "recvbuf") : null;
            c.gather(s, r == null ? null : r.buf, root);
            if (r != null) {
                r.done();
            }
        });
    }

    /**
     * {@link #gather} in place: at the root {@code buf} receives {@code count} elements per
     * process, its own block already in place; elsewhere it is the send buffer.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void gather(Object buf, int count, Datatype type, int root) throws MPIException {
        run("MPI_Gather", c -> {
            if (isRoot(c, root)) {
                Buffers.Region r = in(buf, count, type, "buf");
                c.gather(org.jmpi.Comm.IN_PLACE, r.buf, root);
                r.done();
            } else {
                c.gather(in(buf, count, type, "buf").buf, null, root);
            }
        });
    }

    /**
     * Gathers into {@code recvbuf} at {@code root}, {@code recvcount[i]} elements from
     * process i at element {@code displs[i]} ({@code MPI_Gatherv}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void gatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int[] recvcount,
                        int[] displs, Datatype recvtype, int root) throws MPIException {
        run("MPI_Gatherv", c -> {
            Buf s = isLeaf(c, root) ? in(sendbuf, sendcount, sendtype, "sendbuf").buf : null;
            Buffers.Region r = isRoot(c, root) ? in(recvbuf, 0, recvtype, "recvbuf") : null;
            c.gatherv(s, r == null ? null : r.buf, recvcount, displs, root);
            if (r != null) {
                r.done();
            }
        });
    }

    /**
     * {@link #gatherv} at the root, in place: its own block is already in {@code recvbuf}.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void gatherv(Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root)
            throws MPIException {
        run("MPI_Gatherv", c -> {
            Buffers.Region r = in(recvbuf, 0, recvtype, "recvbuf");
            c.gatherv(org.jmpi.Comm.IN_PLACE, r.buf, recvcount, displs, root);
            r.done();
        });
    }

    /**
     * {@link #gatherv} on the processes other than the root: they only send.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void gatherv(Object sendbuf, int sendcount, Datatype sendtype, int root) throws MPIException {
        run("MPI_Gatherv", c -> c.gatherv(in(sendbuf, sendcount, sendtype, "sendbuf").buf, null, null, null, root));
    }

    /**
     * Sends block i of {@code sendbuf} at {@code root}, {@code sendcount} elements, to
     * process i's {@code recvbuf} ({@code MPI_Scatter}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void scatter(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                        Datatype recvtype, int root) throws MPIException {
        run("MPI_Scatter", c -> {
            Buf s = isRoot(c, root) ? in(sendbuf, sendcount, sendtype, "sendbuf").buf : null;
            Buffers.Region r = isLeaf(c, root) ? out(recvbuf, recvcount, recvtype, "recvbuf") : null;
            c.scatter(s, r == null ? null : r.buf, root);
            if (r != null) {
                r.done();
            }
        });
    }

    /**
     * {@link #scatter} in place: at the root {@code buf} holds every block and keeps its
     * own; elsewhere it receives {@code count} elements.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void scatter(Object buf, int count, Datatype type, int root) throws MPIException {
        run("MPI_Scatter", c -> {
            if (isRoot(c, root)) {
                c.scatter(in(buf, count, type, "buf").buf, org.jmpi.Comm.IN_PLACE, root);
            } else {
                Buffers.Region r = out(buf, count, type, "buf");
                c.scatter(null, r.buf, root);
                r.done();
            }
        });
    }

    /**
     * Sends {@code sendcount[i]} elements at element {@code displs[i]} of {@code sendbuf}
     * at {@code root} to process i ({@code MPI_Scatterv}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void scatterv(Object sendbuf, int[] sendcount, int[] displs, Datatype sendtype, Object recvbuf,
                         int recvcount, Datatype recvtype, int root) throws MPIException {
        run("MPI_Scatterv", c -> {
            Buf s = isRoot(c, root) ? in(sendbuf, 0, sendtype, "sendbuf").buf : null;
            Buffers.Region r = isLeaf(c, root) ? out(recvbuf, recvcount, recvtype, "recvbuf") : null;
            c.scatterv(s, sendcount, displs, r == null ? null : r.buf, root);
            if (r != null) {
                r.done();
            }
        });
    }

    /**
     * {@link #scatterv} at the root, in place: its own block stays in {@code sendbuf}.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void scatterv(Object sendbuf, int[] sendcount, int[] displs, Datatype sendtype, int root)
            throws MPIException {
        run("MPI_Scatterv", c -> c.scatterv(in(sendbuf, 0, sendtype, "sendbuf").buf, sendcount, displs,
                org.jmpi.Comm.IN_PLACE, root));
    }

    /**
     * {@link #scatterv} on the processes other than the root: they only receive.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void scatterv(Object recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        run("MPI_Scatterv", c -> {
            Buffers.Region r = out(recvbuf, recvcount, recvtype, "recvbuf");
            c.scatterv(null, null, null, r.buf, root);
            r.done();
        });
    }

    /**
     * Gathers {@code sendcount} elements from every process into every {@code recvbuf},
     * {@code recvcount} per process ({@code MPI_Allgather}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allGather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                          Datatype recvtype) throws MPIException {
        run("MPI_Allgather", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, recvcount, recvtype, "recvbuf");
            c.allgather(s, r.buf);
            r.done();
        });
    }

    /**
     * {@link #allGather} in place: each process's block is already in {@code buf}.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allGather(Object buf, int count, Datatype type) throws MPIException {
        run("MPI_Allgather", c -> {
            Buffers.Region r = in(buf, count, type, "buf");
            c.allgather(org.jmpi.Comm.IN_PLACE, r.buf);
            r.done();
        });
    }

    /**
     * Gathers into every {@code recvbuf}, {@code recvcount[i]} elements from process i at
     * element {@code displs[i]} ({@code MPI_Allgatherv}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allGatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int[] recvcount,
                           int[] displs, Datatype recvtype) throws MPIException {
        run("MPI_Allgatherv", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = in(recvbuf, 0, recvtype, "recvbuf");
            c.allgatherv(s, r.buf, recvcount, displs);
            r.done();
        });
    }

    /**
     * {@link #allGatherv} in place: each process's block is already in {@code buf}.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allGatherv(Object buf, int[] count, int[] displs, Datatype type) throws MPIException {
        run("MPI_Allgatherv", c -> {
            Buffers.Region r = in(buf, 0, type, "buf");
            c.allgatherv(org.jmpi.Comm.IN_PLACE, r.buf, count, displs);
            r.done();
        });
    }

    /**
     * Sends block j of {@code sendbuf} to process j and receives block i of
     * {@code recvbuf} from process i ({@code MPI_Alltoall}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allToAll(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount,
                         Datatype recvtype) throws MPIException {
        run("MPI_Alltoall", c -> {
            Buf s = in(sendbuf, sendcount, sendtype, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, recvcount, recvtype, "recvbuf");
            c.alltoall(s, r.buf);
            r.done();
        });
    }

    /**
     * {@link #allToAll} with a count and displacement per process ({@code MPI_Alltoallv}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allToAllv(Object sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Object recvbuf,
                          int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        run("MPI_Alltoallv", c -> {
            Buf s = in(sendbuf, 0, sendtype, "sendbuf").buf;
            Buffers.Region r = in(recvbuf, 0, recvtype, "recvbuf");
            c.alltoallv(s, sendcount, sdispls, r.buf, recvcount, rdispls);
            r.done();
        });
    }

    /**
     * {@link #allToAllv} with a datatype per process and displacements in bytes
     * ({@code MPI_Alltoallw}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allToAllw(Object sendBuf, int[] sendCount, int[] sDispls, Datatype[] sendTypes, Object recvBuf,
                          int[] recvCount, int[] rDispls, Datatype[] recvTypes) throws MPIException {
        run("MPI_Alltoallw", c -> {
            Buf s = in(sendBuf, 0, MPI.BYTE, "sendBuf").buf;
            Buffers.Region r = in(recvBuf, 0, MPI.BYTE, "recvBuf");
            c.alltoallw(s, sendCount, sDispls, Types.jmpi(sendTypes, "sendTypes"), r.buf, recvCount, rDispls,
                    Types.jmpi(recvTypes, "recvTypes"));
            r.done();
        });
    }

    /**
     * Combines {@code count} elements of every process's {@code sendbuf} with {@code op}
     * into {@code recvbuf} at {@code root} ({@code MPI_Reduce}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduce(Object sendbuf, Object recvbuf, int count, Datatype type, Op op, int root)
            throws MPIException {
        run("MPI_Reduce", c -> {
            Buf s = isLeaf(c, root) ? in(sendbuf, count, type, "sendbuf").buf : null;
            Buffers.Region r = isRoot(c, root) ? out(recvbuf, count, type, "recvbuf") : null;
            c.reduce(s, r == null ? null : r.buf, op(op, type), root);
            if (r != null) {
                r.done();
            }
        });
    }

    /**
     * {@link #reduce} in place: at the root {@code buf} holds its input and receives the
     * result; elsewhere it is the send buffer.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduce(Object buf, int count, Datatype type, Op op, int root) throws MPIException {
        run("MPI_Reduce", c -> {
            Buffers.Region r = in(buf, count, type, "buf");
            if (isRoot(c, root)) {
                c.reduce(org.jmpi.Comm.IN_PLACE, r.buf, op(op, type), root);
                r.done();
            } else {
                c.reduce(r.buf, null, op(op, type), root);
            }
        });
    }

    /**
     * Combines {@code count} elements of every process's {@code sendbuf} into every
     * {@code recvbuf} ({@code MPI_Allreduce}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allReduce(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        org.jmpi.Comm c = jmpi();
        try {
            org.jmpi.Datatype t = Buffers.checked(count, type, "sendbuf");
            MemorySegment rs = Buffers.directPrefix(recvbuf, count, t, "recvbuf");
            MemorySegment ss = rs == null ? null : Buffers.directPrefix(sendbuf, count, t, "sendbuf");
            if (ss != null) {
                // two direct buffers go to jmpi as segments of just the message, with no Buf made
                c.allreduce(ss, rs, t, op(op, type));
                return;
            }
            Buf s = Buffers.message(sendbuf, count, type, "sendbuf");
            if (recvbuf instanceof boolean[]) {
                Buffers.Region r = out(recvbuf, count, type, "recvbuf");
                c.allreduce(s, r.buf, op(op, type));
                r.done();
            } else {
                c.allreduce(s, Buffers.message(recvbuf, count, type, "recvbuf"), op(op, type));
            }
        } catch (RuntimeException e) {
            throw failure(e, "MPI_Allreduce");
        }
    }

    /**
     * {@link #allReduce} in place: {@code buf} holds the input and receives the result.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void allReduce(Object buf, int count, Datatype type, Op op) throws MPIException {
        run("MPI_Allreduce", c -> {
            Buffers.Region r = in(buf, count, type, "buf");
            c.allreduce(r.buf, op(op, type));
            r.done();
        });
    }

    /**
     * Combines every process's {@code sendbuf} and leaves block i, {@code recvcounts[i]}
     * elements, in process i's {@code recvbuf} ({@code MPI_Reduce_scatter}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Datatype type, Op op)
            throws MPIException {
        run("MPI_Reduce_scatter", c -> {
            Buf s = in(sendbuf, Counts.sum(recvcounts), type, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, Counts.own(recvcounts, c), type, "recvbuf");
            c.reduceScatter(s, r.buf, recvcounts, op(op, type));
            r.done();
        });
    }

    /**
     * {@link #reduceScatter} in place: {@code buf} holds the whole input and receives
     * this process's block at its start.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduceScatter(Object buf, int[] counts, Datatype type, Op op) throws MPIException {
        run("MPI_Reduce_scatter", c -> {
            Buffers.Region r = in(buf, Counts.sum(counts), type, "buf");
            c.reduceScatter(org.jmpi.Comm.IN_PLACE, r.buf, counts, op(op, type));
            r.done();
        });
    }

    /**
     * Combines every process's {@code sendbuf} and leaves block i, {@code recvcount}
     * elements, in process i's {@code recvbuf} ({@code MPI_Reduce_scatter_block}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduceScatterBlock(Object sendbuf, Object recvbuf, int recvcount, Datatype type, Op op)
            throws MPIException {
        run("MPI_Reduce_scatter_block", c -> {
            Buf s = in(sendbuf, recvcount, type, "sendbuf").buf;
            Buffers.Region r = out(recvbuf, recvcount, type, "recvbuf");
            c.reduceScatterBlock(s, r.buf, op(op, type));
            r.done();
        });
    }

    /**
     * {@link #reduceScatterBlock} in place: {@code buf} holds the whole input and
     * receives this process's block at its start.
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void reduceScatterBlock(Object buf, int count, Datatype type, Op op) throws MPIException {
        run("MPI_Reduce_scatter_block", c -> {
            Buffers.Region r = in(buf, count, type, "buf");
            c.reduceScatterBlock(org.jmpi.Comm.IN_PLACE, r.buf, op(op, type));
            r.done();
        });
    }
}
