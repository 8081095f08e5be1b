package mpi;

/**
 * What a receive, probe or completed request reports: the message's source, tag and error,
 * its size (through {@link #getCount}), whether it was cancelled, and, from the
 * multiple-completion calls of {@link Request}, the index of the request it belongs to.
 */
public final class Status {
    /** A snapshot of the source, tag and error; the index of the request, or -1. */
    int source;
    int tag;
    private final int error;
    private final int index;

    /**
     * The jmpi status behind this one; for a blocking receive, made from {@link #bytes} when
     * first needed, so that a receive whose status is only read for its source and tag
     * makes none.
     */
    private org.jmpi.Status status;
    /** The bytes a blocking receive delivered, until {@link #status} is made. */
    private final long bytes;

    /** Each thread's status that blocking receives fill before their result is copied out. */
    private static final ThreadLocal<org.jmpi.Status> SCRATCH = ThreadLocal.withInitial(org.jmpi.Status::new);

    /** An empty status (source, tag and error 0). */
    protected Status() {
        this(new org.jmpi.Status(), -1);
    }

    /** A status over a jmpi one, reported for the request at {@code index} (or -1). */
    Status(org.jmpi.Status status, int index) {
        this.status = status;
        this.source = status.source();
        this.tag = status.tag();
        this.error = status.error();
        this.index = index;
        this.bytes = 0;
    }

    private Status(org.jmpi.Status filled) {
        this.source = filled.source();
        this.tag = filled.tag();
        this.error = filled.error();
        this.index = -1;
        this.bytes = filled.elements(org.jmpi.Datatype.BYTE);
    }

    /** This thread's status for a blocking receive to fill; read it with {@link #received} before the next. */
    static org.jmpi.Status scratch() {
        return SCRATCH.get();
    }

    /** A copy of what a blocking receive filled into {@link #scratch()}. */
    static Status received(org.jmpi.Status filled) {
        return new Status(filled);
    }

    /** The jmpi status behind this one. */
    org.jmpi.Status jmpi() {
        org.jmpi.Status s = status;
        if (s == null) {
            s = new org.jmpi.Status().setElements(org.jmpi.Datatype.BYTE, bytes);
            status = s;
        }
        return s;
    }

    /**
     * The number of elements of {@code datatype} received ({@code MPI_Get_count}), or
     * {@link MPI#UNDEFINED} when the data is not a whole number of them.
     *
     * @param datatype the datatype of the receive
     * @return the count
     * @throws MPIException if the datatype is null or freed
     */
    public int getCount(Datatype datatype) throws MPIException {
        org.jmpi.Datatype t = type(datatype);
        try {
            int n = jmpi().count(t);
            return n < 0 ? MPI.UNDEFINED : n;
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Get_count");
        }
    }

    /**
     * Whether the request this status describes was cancelled ({@code MPI_Test_cancelled}).
     *
     * @return whether it was cancelled
     * @throws MPIException if MPI does not run
     */
    public boolean isCancelled() throws MPIException {
        Lifecycle.check();
        try {
            return jmpi().cancelled();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Test_cancelled");
        }
    }

    /**
     * The number of basic elements of {@code datatype} received ({@code MPI_Get_elements}),
     * or {@link MPI#UNDEFINED} when it does not fit an {@code int}.
     *
     * @param datatype the datatype of the receive
     * @return the count of basic elements
     * @throws MPIException if the datatype is null or freed
     */
    public int getElements(Datatype datatype) throws MPIException {
        long n = getElementsX(datatype).getCount();
        return n < 0 || n > Integer.MAX_VALUE ? MPI.UNDEFINED : (int) n;
    }

    /**
     * The number of basic elements of {@code datatype} received, as a {@link Count}
     * ({@code MPI_Get_elements_x}).
     *
     * @param datatype the datatype of the receive
     * @return the count of basic elements
     * @throws MPIException if the datatype is null or freed
     */
    public Count getElementsX(Datatype datatype) throws MPIException {
        org.jmpi.Datatype t = type(datatype);
        try {
            return new Count(jmpi().elements(t));
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Get_elements_x");
        }
    }

    /**
     * Records that {@code count} basic elements of {@code datatype} were received
     * ({@code MPI_Status_set_elements}), for requests completed by user code.
     *
     * @param datatype the datatype
     * @param count    the number of basic elements
     * @throws MPIException if an argument is wrong
     */
    public void setElements(Datatype datatype, int count) throws MPIException {
        setElementsX(datatype, new Count(count));
    }

    /**
     * Records that {@code count} basic elements of {@code datatype} were received
     * ({@code MPI_Status_set_elements_x}).
     *
     * @param datatype the datatype
     * @param count    the number of basic elements
     * @throws MPIException if an argument is wrong
     */
    public void setElementsX(Datatype datatype, Count count) throws MPIException {
        StatusUpdates.setElements(this, type(datatype), count == null ? -1 : count.getCount());
    }

    /**
     * Records whether the request was cancelled ({@code MPI_Status_set_cancelled}).
     *
     * @param flag whether it was cancelled
     * @throws MPIException if MPI does not run
     */
    public void setCancelled(boolean flag) throws MPIException {
        StatusUpdates.setCancelled(this, flag);
    }

    /**
     * The rank that sent the message ({@code MPI_SOURCE}).
     *
     * @return the source
     */
    public int getSource() {
        return source;
    }

    /**
     * The message's tag ({@code MPI_TAG}).
     *
     * @return the tag
     */
    public int getTag() {
        return tag;
    }

    /**
     * The error code of the operation ({@code MPI_ERROR}); meaningful after the
     * multiple-completion calls.
     *
     * @return the error code
     */
    public int getError() {
        return error;
    }

    /**
     * The index, in the array given to a multiple-completion call, of the request this
     * status belongs to; -1 otherwise.
     *
     * @return the index
     */
    public int getIndex() {
        return index;
    }

    private static org.jmpi.Datatype type(Datatype datatype) throws MPIException {
        Lifecycle.check();
        if (datatype == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_TYPE, "datatype: null"), "status");
        }
        return datatype.jmpi();
    }

    @Override
    public String toString() {
        return "Status[source " + getSource() + ", tag " + getTag() + ", error " + getError()
                + (getIndex() >= 0 ? ", index " + getIndex() : "") + "]";
    }
}
