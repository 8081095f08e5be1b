package mpi;

/** Changes to a {@link Status} made by user code ({@code MPI_Status_set_elements_x}, {@code MPI_Status_set_cancelled}). */
final class StatusUpdates {
    private StatusUpdates() {
    }

    static void setElements(Status status, org.jmpi.Datatype type, long count) throws MPIException {
        try {
            status.jmpi().setElements(type, count);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Status_set_elements_x");
        }
    }

    static void setCancelled(Status status, boolean flag) throws MPIException {
        Lifecycle.check();
        try {
            status.jmpi().setCancelled(flag);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Status_set_cancelled");
        }
    }
}
