package mpi;

/** {@code MPI_Reduce_local}: a reduction of two buffers within this process. */
final class LocalReduction {
    private LocalReduction() {
    }

    static void reduce(Object inbuf, Object inoutbuf, int count, Datatype type, Op op) throws MPIException {
        Lifecycle.check();
        try {
            org.jmpi.Buf in = Buffers.blocking(inbuf, count, type, "inbuf", true).buf;
            Buffers.Region r = Buffers.blocking(inoutbuf, count, type, "inoutbuf", true);
            CommCollectives.op(op, type).reduceLocal(in, r.buf);
            r.done();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Reduce_local");
        }
    }
}
