package mpi;

/** {@code MPI_Pack}, {@code MPI_Unpack} and {@code MPI_Pack_size}, which jmpi does not offer yet. */
final class Packing {
    private Packing() {
    }

    static int pack(CommBase comm, Object inbuf, int incount, Datatype type, byte[] outbuf, int position)
            throws MPIException {
        throw missing(comm, "MPI_Pack");
    }

    static int unpack(CommBase comm, byte[] inbuf, int position, Object outbuf, int outcount, Datatype type)
            throws MPIException {
        throw missing(comm, "MPI_Unpack");
    }

    static int packSize(CommBase comm, int incount, Datatype type) throws MPIException {
        throw missing(comm, "MPI_Pack_size");
    }

    private static MPIException missing(CommBase comm, String call) {
        return comm.failure(new UnsupportedOperationException(call + " is not available in jmpi yet"), call);
    }
}
