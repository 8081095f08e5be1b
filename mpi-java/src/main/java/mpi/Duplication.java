package mpi;

/**
 * Duplications of a communicator that jmpi lacks as single calls: with info hints and
 * nonblocking. The new object is of the caller's class, made by {@code make}.
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
        return comm.call("MPI_Comm_dup_with_info", c -> {
            org.jmpi.Comm d = c.dup();
            if (i != null) {
                d.setInfo(i);
            }
            return make.make(d, comm.errhandler());
        });
    }

    /** {@code MPI_Comm_idup}: the duplicate, with its (here already complete) request. */
    static <T extends Comm> T start(Comm comm, Make<T> make) throws MPIException {
        T d = comm.call("MPI_Comm_idup", c -> make.make(c.dup(), comm.errhandler()));
        d.pending(MPI.REQUEST_NULL);
        return d;
    }
}
