package mpi;

/**
 * A communicator joining two groups: messages and collectives address the ranks of the
 * remote group. Made by {@link Comm#createIntercomm}, {@link Intracomm#accept},
 * {@link Intracomm#connect}, {@link Intracomm#spawn}, and {@link #getParent()} in a
 * spawned process.
 */
public final class Intercomm extends Comm {
    /** An intercommunicator over a jmpi one. */
    Intercomm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /**
     * A second object for the live intercommunicator with identifier {@code handle}.
     *
     * @param handle the identifier
     */
    protected Intercomm(long handle) {
        super(handle);
    }

    /**
     * The intercommunicator and request of a nonblocking duplication (identifiers).
     *
     * @param commRequest the identifiers of the communicator and of its request
     */
    protected Intercomm(long[] commRequest) {
        super(commRequest);
    }

    /**
     * A duplicate ({@link #dup()}).
     *
     * @return the duplicate
     */
    @Override
    public Intercomm clone() {
        return (Intercomm) super.clone();
    }

    /**
     * A new intercommunicator with the same groups ({@code MPI_Comm_dup}).
     *
     * @return it
     * @throws MPIException if MPI fails
     */
    @Override
    public Intercomm dup() throws MPIException {
        return call("MPI_Comm_dup", c -> new Intercomm(c.dup(), errhandler()));
    }

    /**
     * Starts a duplication ({@code MPI_Comm_idup}).
     *
     * @return the new intercommunicator
     * @throws MPIException if MPI fails
     */
    @Override
    public Intercomm iDup() throws MPIException {
        return Duplication.start(this, Intercomm::new);
    }

    /**
     * A duplicate with new hints ({@code MPI_Comm_dup_with_info}).
     *
     * @return it
     * @throws MPIException if MPI fails
     */
    @Override
    public Intercomm dupWithInfo(Info info) throws MPIException {
        return Duplication.withInfo(this, info, Intercomm::new);
    }

    /**
     * The size of the remote group ({@code MPI_Comm_remote_size}).
     *
     * @return the size
     * @throws MPIException if MPI fails
     */
    public int getRemoteSize() throws MPIException {
        return call("MPI_Comm_remote_size", org.jmpi.Comm::remoteSize);
    }

    /**
     * The remote group ({@code MPI_Comm_remote_group}).
     *
     * @return a new group
     * @throws MPIException if MPI fails
     */
    public Group getRemoteGroup() throws MPIException {
        return call("MPI_Comm_remote_group", c -> new Group(c.remoteGroup()));
    }

    /**
     * An intracommunicator of both groups ({@code MPI_Intercomm_merge}).
     *
     * @param high whether this group's processes come after the other's
     * @return the new intracommunicator
     * @throws MPIException if MPI fails
     */
    public Intracomm merge(boolean high) throws MPIException {
        return call("MPI_Intercomm_merge", c -> new Intracomm(c.merge(high), errhandler()));
    }

    /**
     * The intercommunicator to the processes that spawned this one ({@code MPI_Comm_get_parent}).
     *
     * @return it, or a null intercommunicator if this process was not spawned
     * @throws MPIException if MPI does not run
     */
    public static Intercomm getParent() throws MPIException {
        Lifecycle.check();
        try {
            return Spawning.parent();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Comm_get_parent");
        }
    }
}
