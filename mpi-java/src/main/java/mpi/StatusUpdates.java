package mpi;

/**
 * Changes to a {@link Status} made by user code ({@code MPI_Status_set_elements},
 * {@code MPI_Status_set_cancelled}), which jmpi does not offer yet.
 */
final class StatusUpdates {
    private StatusUpdates() {
    }

    static void setElements(Status status, org.jmpi.Datatype type, long count) throws MPIException {
        throw Failure.raise(MPI.COMM_WORLD.errhandler(), new UnsupportedOperationException(
                "MPI_Status_set_elements is not available in jmpi yet"), "MPI_Status_set_elements_x");
    }

    static void setCancelled(Status status, boolean flag) throws MPIException {
        throw Failure.raise(MPI.COMM_WORLD.errhandler(), new UnsupportedOperationException(
                "MPI_Status_set_cancelled is not available in jmpi yet"), "MPI_Status_set_cancelled");
    }
}
