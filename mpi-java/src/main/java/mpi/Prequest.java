package mpi;

/**
 * A persistent request ({@code sendInit}, {@code recvInit}, ...): started again and again
 * with {@link #start()}, completed like any request, and freed with {@link #free()}. It
 * stays non-null after completing.
 */
public final class Prequest extends Request {
    /** A persistent request over a jmpi one, failing under {@code errhandler}. */
    Prequest(org.jmpi.Request request, Errhandler errhandler) {
        super(request, errhandler);
    }

    /**
     * A second object for the live persistent request with identifier {@code handle}.
     *
     * @param handle the identifier
     */
    protected Prequest(long handle) {
        super(handle);
    }

    /**
     * Starts the operation ({@code MPI_Start}).
     *
     * @throws MPIException if the request is freed or already active
     */
    public void start() throws MPIException {
        Lifecycle.check();
        org.jmpi.Request r = jmpi();
        try {
            if (r == null) {
                throw Failure.arg(MPI.ERR_REQUEST, "request: freed");
            }
            r.start();
        } catch (RuntimeException e) {
            throw Failure.raise(errhandler(), e, "MPI_Start");
        }
    }

    /**
     * Starts several persistent requests ({@code MPI_Startall}).
     *
     * @param requests the requests
     * @throws MPIException if one is freed or already active
     */
    public static void startAll(Prequest[] requests) throws MPIException {
        Lifecycle.check();
        if (requests == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_REQUEST, "requests: null"),
                    "MPI_Startall");
        }
        org.jmpi.Request[] js = new org.jmpi.Request[requests.length];
        for (int i = 0; i < js.length; i++) {
            js[i] = requests[i] == null ? null : requests[i].jmpi();
            if (js[i] == null) {
                throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_REQUEST,
                        "requests[" + i + "]: null or freed"), "MPI_Startall");
            }
        }
        try {
            org.jmpi.Request.startAll(js);
        } catch (RuntimeException e) {
            throw Failure.raise(requests.length == 0 ? null : requests[0].errhandler(), e, "MPI_Startall");
        }
    }
}
