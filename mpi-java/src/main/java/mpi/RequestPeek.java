package mpi;

/** {@code MPI_Request_get_status} of an active request: its status once done, the request left as is. */
final class RequestPeek {
    private RequestPeek() {
    }

    static Status status(Request r, org.jmpi.Request j) throws MPIException {
        org.jmpi.Status s = new org.jmpi.Status();
        try {
            return j.getStatus(s) ? new Status(s, -1) : null;
        } catch (RuntimeException e) {
            throw Failure.raise(r.errhandler(), e, "MPI_Request_get_status");
        }
    }
}
