package mpi;

/**
 * The duplications of a communicator with info hints and nonblocking. The new object is of
 * the caller's class, made by {@code make}.
 */
final class Duplication {
    private Duplication() {
    }

    /** Makes the object of a subclass of {@link Comm} over a jmpi communicator. */
    interface Make<T extends Comm> {
        T make(org.jmpi.Comm comm, Errhandler inherited);
    }

    /** {@code MPI_Comm_dup_with_info}: a duplicate whose hints are {@code info}. */
    static <T extends Comm> T withInfo(Comm comm, Info info, Make<T> make) throws MPIException {
        org.jmpi.Info i = Info.jmpiOf(info);
        return comm.call("MPI_Comm_dup_with_info", c -> make.make(i == null
                ? c.dupWithInfo(java.util.Map.of()) : c.dupWithInfo(i), comm.errhandler()));
    }

    /**
     * {@code MPI_Comm_idup}: the duplicate, usable once its {@link Comm#getRequest()} has
     * completed.
     */
    static <T extends Comm> T start(Comm comm, Make<T> make) throws MPIException {
        org.jmpi.PendingComm p = comm.call("MPI_Comm_idup", org.jmpi.Comm::idup);
        T d = make.make(null, comm.errhandler());
        d.pending(new Request(p.request(), comm.errhandler()), p);
        return d;
    }
}
