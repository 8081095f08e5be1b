package mpi;

import java.nio.*;

/** TODO. */
public class Request implements Freeable {
    /** The jmpi request; null for {@link MPI#REQUEST_NULL} and once freed. */
    private org.jmpi.Request request;
    /** The error handler of the communicator the request belongs to. */
    private Errhandler errhandler = MPI.ERRORS_ARE_FATAL;

    /** A request over a jmpi one, failing under {@code errhandler}. */
    Request(org.jmpi.Request request, Errhandler errhandler) {
        this.request = request;
        this.errhandler = errhandler;
        this.handle = Handles.register(this);
    }

    /** {@link MPI#REQUEST_NULL}. */
    static Request nullRequest() {
        return new Request((org.jmpi.Request) null, null);
    }

    /** The jmpi request behind this one, or null for a null or freed request. */
    final org.jmpi.Request jmpi() {
        return request;
    }

    /** The error handler that applies to failures of this request. */
    final Errhandler errhandler() {
        return errhandler == null ? MPI.ERRORS_ARE_FATAL : errhandler;
    }

    protected long handle;

    protected Buffer sendBuf;

    protected Buffer recvBuf;

    protected static long getNull() {
        throw new UnsupportedOperationException("not yet");
    }

    protected Request(long handle) {
        Request other = Handles.lookup(handle, Request.class);
        this.request = other.request;
        this.errhandler = other.errhandler;
        this.sendBuf = other.sendBuf;
        this.recvBuf = other.recvBuf;
        this.handle = handle;
    }

    public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void cancel() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected final void addRecvBufRef(Buffer buf) {
        throw new UnsupportedOperationException("not yet");
    }

    protected final void addSendBufRef(Buffer buf) {
        throw new UnsupportedOperationException("not yet");
    }

    public final boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status waitStatus() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void waitFor() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status testStatus() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status getStatus() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final boolean test() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status waitAnyStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int waitAny(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status testAnyStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int testAny(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status[] waitAllStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void waitAll(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status[] testAllStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static boolean testAll(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status[] waitSomeStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int[] waitSome(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Status[] testSomeStatus(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int[] testSome(Request[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected static long[] getHandles(Request[] r) {
        throw new UnsupportedOperationException("not yet");
    }

    protected static void setHandles(Request[] r, long[] h) {
        throw new UnsupportedOperationException("not yet");
    }

}
