package mpi;

/**
 * What happens when an MPI call on a communicator, window or file fails: one of the
 * predefined handlers {@link MPI#ERRORS_ARE_FATAL} (the default: the job ends),
 * {@link MPI#ERRORS_ABORT} (likewise here: the processes end) and
 * {@link MPI#ERRORS_RETURN} (the call throws {@link MPIException}).
 */
public final class Errhandler {
    /** The kind of {@link MPI#ERRORS_ARE_FATAL}. */
    static final long FATAL = 1;
    /** The kind of {@link MPI#ERRORS_ABORT}. */
    static final long ABORT = 2;
    /** The kind of {@link MPI#ERRORS_RETURN}. */
    static final long RETURN = 3;

    /** Which handler this is: {@link #FATAL}, {@link #ABORT} or {@link #RETURN}. */
    protected long handle;

    /**
     * The handle of the handler that ends the job.
     *
     * @return its handle
     */
    protected static long getFatal() {
        return FATAL;
    }

    /**
     * The handle of the handler that aborts the processes.
     *
     * @return its handle
     */
    protected static long getAbort() {
        return ABORT;
    }

    /**
     * The handle of the handler that throws {@link MPIException}.
     *
     * @return its handle
     */
    protected static long getReturn() {
        return RETURN;
    }

    /**
     * The handler with a handle from {@link #getFatal()}, {@link #getAbort()} or
     * {@link #getReturn()}.
     *
     * @param handle the handle
     */
    protected Errhandler(long handle) {
        if (handle != FATAL && handle != ABORT && handle != RETURN) {
            throw new IllegalArgumentException("handle: " + handle + " is not a predefined error handler");
        }
        this.handle = handle;
    }

    /** Whether errors are thrown rather than ending the job. */
    boolean returns() {
        return handle == RETURN;
    }

    /** The handler of this kind among the three predefined objects. */
    static Errhandler of(long kind) {
        return kind == RETURN ? MPI.ERRORS_RETURN : kind == ABORT ? MPI.ERRORS_ABORT : MPI.ERRORS_ARE_FATAL;
    }

    @Override
    public String toString() {
        return handle == RETURN ? "MPI_ERRORS_RETURN" : handle == ABORT ? "MPI_ERRORS_ABORT" : "MPI_ERRORS_ARE_FATAL";
    }
}
