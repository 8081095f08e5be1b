package mpi;

/** {@code MPI_Comm_create_group}: collective over the members of the group only. */
final class GroupCreation {
    private GroupCreation() {
    }

    static Intracomm create(Intracomm comm, org.jmpi.Group group, int tag) throws MPIException {
        return comm.call("MPI_Comm_create_group", c -> new Intracomm(c.createGroup(group, tag), comm.errhandler()));
    }
}
