package mpi;

/**
 * What {@link CartComm} and {@link GraphComm} share: their calls on the jmpi communicator,
 * where a communicator without the topology the call needs fails with
 * {@code MPI_ERR_TOPOLOGY}, and the checks of their arguments, each failing with the MPI
 * error class the call would report.
 */
final class Topo {
    private Topo() {
    }

    /** Runs {@code body} on the jmpi communicator of {@code comm}; failures go through its error handler. */
    static <T> T call(Comm comm, String name, CommBase.Body<T> body) throws MPIException {
        return comm.call(name, c -> {
            try {
                return body.run(c);
            } catch (IllegalStateException e) {
                throw String.valueOf(e.getMessage()).contains(" has topology ")
                        ? Reclassified.as(MPI.ERR_TOPOLOGY, e) : e;
            }
        });
    }

    /** Refuses a null array argument (MPI_ERR_ARG). */
    static void notNull(Object array, String arg) {
        if (array == null) {
            throw Failure.arg(MPI.ERR_ARG, arg + ": null");
        }
    }

    /** Refuses {@code rank} unless it is in {@code [0, size)} (MPI_ERR_RANK). */
    static void rank(int rank, int size, String arg) {
        if (rank < 0 || rank >= size) {
            throw Failure.arg(MPI.ERR_RANK, arg + ": " + rank + " is not a rank in [0, " + size + ")");
        }
    }
}
