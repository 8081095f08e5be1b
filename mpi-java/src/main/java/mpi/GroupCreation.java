package mpi;

/** {@code MPI_Comm_create_group}, which jmpi does not offer yet. */
final class GroupCreation {
    private GroupCreation() {
    }

    static Intracomm create(Intracomm comm, org.jmpi.Group group, int tag) throws MPIException {
        throw comm.failure(new UnsupportedOperationException("MPI_Comm_create_group is not available in jmpi yet"),
                "MPI_Comm_create_group");
    }
}
