package mpi;

import java.nio.Buffer;

/**
 * A nonblocking operation. A request that has completed (and was not persistent) becomes
 * null, like {@link MPI#REQUEST_NULL}: waiting on it, or on an inactive persistent
 * request, returns at once with an empty status. The request keeps its buffers reachable
 * until it completes.
 */
public class Request implements Freeable {
    /** An identifier of this request within the process (not a native MPI handle). */
    protected long handle;
    /** The send buffer, kept reachable while the operation runs. */
    protected Buffer sendBuf;
    /** The receive buffer, kept reachable while the operation runs. */
    protected Buffer recvBuf;

    /** The jmpi request; null for {@link MPI#REQUEST_NULL} and once completed or freed. */
    private org.jmpi.Request request;
    /** The error handler of the communicator the request belongs to. */
    private Errhandler errhandler;

    /** A request over a jmpi one, failing under {@code errhandler}. */
    Request(org.jmpi.Request request, Errhandler errhandler) {
        this.request = request;
        this.errhandler = errhandler;
        this.handle = request == null ? 0 : Handles.register(this);
    }

    /** {@link MPI#REQUEST_NULL}. */
    static Request nullRequest() {
        return new Request((org.jmpi.Request) null, null);
    }

    /**
     * The handle of {@link MPI#REQUEST_NULL}.
     *
     * @return 0
     */
    protected static long getNull() {
        return 0;
    }

    /**
     * A second object for the live request with identifier {@code handle}, or a null
     * request for {@link #getNull()}.
     *
     * @param handle the identifier
     */
    protected Request(long handle) {
        if (handle != 0) {
            Request other = Handles.lookup(handle, Request.class);
            this.request = other.request;
            this.errhandler = other.errhandler;
            this.sendBuf = other.sendBuf;
            this.recvBuf = other.recvBuf;
        }
        this.handle = handle;
    }

    /** The jmpi request behind this one, or null for a null request. */
    final org.jmpi.Request jmpi() {
        return request;
    }

    /** The error handler that applies to failures of this request. */
    final Errhandler errhandler() {
        return errhandler == null ? MPI.COMM_WORLD.errhandler() : errhandler;
    }

    /** Whether an operation is in flight. */
    final boolean active() {
        return request != null && request.isActive();
    }

    /** After a completion: a one-shot request becomes null and lets go of its buffers. */
    final void completed() {
        org.jmpi.Request r = request;
        if (r != null && !r.isPersistent()) {
            request = null;
            Handles.unregister(handle);
            handle = 0;
        }
        sendBuf = null;
        recvBuf = null;
    }

    /**
     * Frees the request ({@code MPI_Request_free}); an active send completes on its own.
     *
     * @throws MPIException if the request cannot be freed
     */
    @Override
    public void free() throws MPIException {
        org.jmpi.Request r = request;
        if (r == null) {
            return;
        }
        Lifecycle.check();
        try {
            r.close();
        } catch (RuntimeException e) {
            throw Failure.raise(errhandler(), e, "MPI_Request_free");
        }
        request = null;
        Handles.unregister(handle);
        handle = 0;
    }

    /**
     * Asks MPI to cancel the operation ({@code MPI_Cancel}); it must still be completed.
     *
     * @throws MPIException if the request is not active
     */
    public final void cancel() throws MPIException {
        Lifecycle.check();
        org.jmpi.Request r = request;
        if (r == null) {
            throw Failure.raise(errhandler(), Failure.arg(MPI.ERR_REQUEST, "request: null"), "MPI_Cancel");
        }
        try {
            r.cancel();
        } catch (RuntimeException e) {
            throw Failure.raise(errhandler(), e, "MPI_Cancel");
        }
    }

    /**
     * Keeps a receive buffer reachable while the operation runs.
     *
     * @param buf the buffer
     */
    protected final void addRecvBufRef(Buffer buf) {
        this.recvBuf = buf;
    }

    /**
     * Keeps a send buffer reachable while the operation runs.
     *
     * @param buf the buffer
     */
    protected final void addSendBufRef(Buffer buf) {
        this.sendBuf = buf;
    }

    /**
     * Whether this is a null request: {@link MPI#REQUEST_NULL}, freed, or a one-shot
     * request that has completed.
     *
     * @return whether it is null
     */
    public final boolean isNull() {
        return request == null;
    }

    /**
     * Waits for the operation to complete ({@code MPI_Wait}).
     *
     * @return its status (empty for a null or inactive request)
     * @throws MPIException if the operation failed
     */
    public final Status waitStatus() throws MPIException {
        return Completion.waitOne(this);
    }

    /**
     * Waits for the operation to complete ({@code MPI_Wait}), discarding the status.
     *
     * @throws MPIException if the operation failed
     */
    public final void waitFor() throws MPIException {
        Completion.waitOne(this);
    }

    /**
     * Tests whether the operation has completed ({@code MPI_Test}), completing it if so.
     *
     * @return its status if it completed (empty for a null or inactive request), else null
     * @throws MPIException if the operation failed
     */
    public final Status testStatus() throws MPIException {
        return Completion.testOne(this);
    }

    /**
     * The status of the operation if it has completed, without completing the request
     * ({@code MPI_Request_get_status}).
     *
     * @return the status, or null if the operation is still running
     * @throws MPIException if the operation failed
     */
    public final Status getStatus() throws MPIException {
        return Completion.peek(this);
    }

    /**
     * Whether the operation has completed ({@code MPI_Test}), completing it if so.
     *
     * @return true once it has completed (always for a null or inactive request)
     * @throws MPIException if the operation failed
     */
    public final boolean test() throws MPIException {
        return Completion.testOne(this) != null;
    }

    /**
     * Waits until one of the requests completes ({@code MPI_Waitany}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the status of the completed one, whose {@link Status#getIndex()} is its index;
     *         an empty status with index {@link MPI#UNDEFINED} when none is active
     * @throws MPIException if the operation failed
     */
    public static Status waitAnyStatus(Request[] requests) throws MPIException {
        return Completion.any(requests, true);
    }

    /**
     * Waits until one of the requests completes ({@code MPI_Waitany}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the index of the completed one, or {@link MPI#UNDEFINED} when none is active
     * @throws MPIException if the operation failed
     */
    public static int waitAny(Request[] requests) throws MPIException {
        return Completion.any(requests, true).getIndex();
    }

    /**
     * Completes one of the requests if one has completed ({@code MPI_Testany}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the status of the completed one (its index in {@link Status#getIndex()}), an
     *         empty status with index {@link MPI#UNDEFINED} when none is active, or null
     *         when none has completed
     * @throws MPIException if the operation failed
     */
    public static Status testAnyStatus(Request[] requests) throws MPIException {
        return Completion.any(requests, false);
    }

    /**
     * Completes one of the requests if one has completed ({@code MPI_Testany}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the index of the completed one, or {@link MPI#UNDEFINED} when none has
     * @throws MPIException if the operation failed
     */
    public static int testAny(Request[] requests) throws MPIException {
        Status s = Completion.any(requests, false);
        return s == null ? MPI.UNDEFINED : s.getIndex();
    }

    /**
     * Waits for every request ({@code MPI_Waitall}).
     *
     * @param requests the requests; null and inactive ones give empty statuses
     * @return a status per request
     * @throws MPIException if an operation failed
     */
    public static Status[] waitAllStatus(Request[] requests) throws MPIException {
        return Completion.all(requests, true);
    }

    /**
     * Waits for every request ({@code MPI_Waitall}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @throws MPIException if an operation failed
     */
    public static void waitAll(Request[] requests) throws MPIException {
        Completion.all(requests, true, false);
    }

    /**
     * Completes every request if all have completed ({@code MPI_Testall}).
     *
     * @param requests the requests
     * @return a status per request, or null (and none completed) unless all have completed
     * @throws MPIException if an operation failed
     */
    public static Status[] testAllStatus(Request[] requests) throws MPIException {
        return Completion.all(requests, false);
    }

    /**
     * Completes every request if all have completed ({@code MPI_Testall}).
     *
     * @param requests the requests
     * @return whether all have completed
     * @throws MPIException if an operation failed
     */
    public static boolean testAll(Request[] requests) throws MPIException {
        return Completion.all(requests, false, false) != null;
    }

    /**
     * Waits until at least one request completes and completes all that have
     * ({@code MPI_Waitsome}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the statuses of the completed ones (with their indices), or null when none is active
     * @throws MPIException if an operation failed
     */
    public static Status[] waitSomeStatus(Request[] requests) throws MPIException {
        return Completion.some(requests, true);
    }

    /**
     * Waits until at least one request completes ({@code MPI_Waitsome}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the indices of the completed ones, or null when none is active
     * @throws MPIException if an operation failed
     */
    public static int[] waitSome(Request[] requests) throws MPIException {
        return Completion.indices(Completion.some(requests, true));
    }

    /**
     * Completes the requests that have completed ({@code MPI_Testsome}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the statuses of the completed ones (possibly none), or null when none is active
     * @throws MPIException if an operation failed
     */
    public static Status[] testSomeStatus(Request[] requests) throws MPIException {
        return Completion.some(requests, false);
    }

    /**
     * Completes the requests that have completed ({@code MPI_Testsome}).
     *
     * @param requests the requests; null and inactive ones are skipped
     * @return the indices of the completed ones (possibly none), or null when none is active
     * @throws MPIException if an operation failed
     */
    public static int[] testSome(Request[] requests) throws MPIException {
        return Completion.indices(Completion.some(requests, false));
    }

    /**
     * The identifiers of the requests (0 for null elements).
     *
     * @param r the requests
     * @return their handles
     */
    protected static long[] getHandles(Request[] r) {
        long[] h = new long[r.length];
        for (int i = 0; i < r.length; i++) {
            h[i] = r[i] == null ? 0 : r[i].handle;
        }
        return h;
    }

    /**
     * Points each request at the request with the given identifier (0: a null request).
     *
     * @param r the requests
     * @param h their new handles
     */
    protected static void setHandles(Request[] r, long[] h) {
        for (int i = 0; i < r.length; i++) {
            if (r[i] != null && r[i].handle != h[i]) {
                Request other = h[i] == 0 ? MPI.REQUEST_NULL : Handles.lookup(h[i], Request.class);
                r[i].request = other.request;
                r[i].errhandler = other.errhandler;
                r[i].handle = h[i];
            }
        }
    }
}
