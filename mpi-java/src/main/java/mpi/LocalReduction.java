package mpi;

/** {@code MPI_Reduce_local}, which jmpi does not offer yet. */
final class LocalReduction {
    private LocalReduction() {
    }

    static void reduce(Object inbuf, Object inoutbuf, int count, Datatype type, Op op) throws MPIException {
        throw Failure.raise(MPI.COMM_WORLD.errhandler(), new UnsupportedOperationException(
                "MPI_Reduce_local is not available in jmpi yet"), "MPI_Reduce_local");
    }
}
