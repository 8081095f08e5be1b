package mpi;

import java.nio.*;

/**
 * A communicator: a group of processes and a context for their messages. Point-to-point
 * messages, collectives, attributes, error handling and names are here; {@link Intracomm}
 * adds what needs a single group (splitting, topologies, scans, process management) and
 * {@link Intercomm} what connects two groups.
 */
public class Comm implements Freeable, Cloneable {
    /** Split type of {@link Intracomm#splitType}: processes that can share memory. */
    public final static int TYPE_SHARED = 0;
    /** Kind of {@link MPI#COMM_SELF}, for {@link #setType}. */
    protected final static int SELF = 1;
    /** Kind of {@link MPI#COMM_WORLD}, for {@link #setType}. */
    protected final static int WORLD = 2;

    /** An identifier of this communicator within the process (not a native MPI handle). */
    protected long handle;

    /** The jmpi communicator; null for the predefined ones (looked up when used) and once freed. */
    private org.jmpi.Comm comm;
    /** 0, {@link #SELF} or {@link #WORLD}. */
    private int kind;
    private volatile Errhandler errhandler = MPI.ERRORS_ARE_FATAL;
    /** The pending request of {@link #iDup()}, or null. */
    private Request pending;

    /** A communicator to be made predefined by {@link #setType}. */
    protected Comm() {
        this.handle = Handles.register(this);
    }

    /**
     * The communicator with an identifier {@link #handle} of a live communicator of this
     * process: a second object for the same communicator.
     *
     * @param handle the identifier
     */
    protected Comm(long handle) {
        Comm other = Handles.lookup(handle, Comm.class);
        this.comm = other.comm;
        this.kind = other.kind;
        this.errhandler = other.errhandler;
        this.handle = Handles.register(this);
    }

    /**
     * The communicator and pending request of a nonblocking duplication: identifiers of
     * the communicator and of its request, whose completion makes it usable.
     *
     * @param commRequest the two identifiers
     */
    protected Comm(long[] commRequest) {
        this(commRequest[0]);
        this.pending = Handles.lookup(commRequest[1], Request.class);
    }

    /** A communicator over a jmpi one, with the error handler it inherits. */
    Comm(org.jmpi.Comm comm, Errhandler inherited) {
        this.comm = comm;
        this.errhandler = inherited == null ? MPI.ERRORS_ARE_FATAL : inherited;
        this.handle = Handles.register(this);
    }

    /**
     * Makes this the predefined communicator {@link #SELF} or {@link #WORLD}.
     *
     * @param type the kind
     */
    protected final void setType(int type) {
        if (type != SELF && type != WORLD) {
            throw new IllegalArgumentException("type: " + type + " is neither SELF nor WORLD");
        }
        this.kind = type;
    }

    /**
     * The jmpi communicator behind this one (MPI's world or self for the predefined ones);
     * refused with MPI_ERR_COMM once freed, and when MPI does not run.
     */
    org.jmpi.Comm jmpi() throws MPIException {
        if (kind != 0) {
            org.jmpi.Mpi m = Lifecycle.mpi();
            return kind == WORLD ? m.world() : m.self();
        }
        Lifecycle.check();
        org.jmpi.Comm c = comm;
        if (c == null) {
            throw failure(Failure.arg(MPI.ERR_COMM, "comm: the communicator has been freed"), "communicator");
        }
        return c;
    }

    /** The error handler in force ({@link MPI#ERRORS_ARE_FATAL} until one is set). */
    final Errhandler errhandler() {
        return errhandler;
    }

    /** Sets the error handler without checks; for the constructors of subclasses. */
    final void errhandler(Errhandler e) {
        this.errhandler = e;
    }

    /**
     * What {@code call} failing with {@code e} means under this communicator's error
     * handler: the exception to throw, or the end of the job.
     */
    final MPIException failure(RuntimeException e, String call) {
        return Failure.raise(errhandler, e, call);
    }

    /** Forgets the jmpi communicator once it has been freed or disconnected. */
    final void released() {
        Handles.unregister(handle);
        comm = null;
    }

    /** The pending request of a nonblocking duplication, or null. */
    final Request pending() {
        return pending;
    }

    /** Sets the pending request of a nonblocking duplication. */
    final void pending(Request r) {
        this.pending = r;
    }

    /** Whether this is {@link MPI#COMM_WORLD} or {@link MPI#COMM_SELF}. */
    final boolean isPredefined() {
        return kind != 0;
    }

    public Comm clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public Comm dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected final long dup(long comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Comm iDup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected final long[] iDup(long comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Comm dupWithInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected final long dupWithInfo(long comm, long info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request getRequest() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int getSize() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int getRank() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int compare(Comm comm1, Comm comm2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    final public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

    public final void setInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Info getInfo() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void disconnect() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Group getGroup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final boolean isInter() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm createIntercomm(Comm localComm, int localLeader, int remoteLeader, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void send(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status recv(Object buf, int count, Datatype type, int source, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status sendRecv(Object sendbuf, int sendcount, Datatype sendtype, int dest, int sendtag, Object recvbuf, int recvcount, Datatype recvtype, int source, int recvtag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status sendRecvReplace(Object buf, int count, Datatype type, int dest, int sendtag, int source, int recvtag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void bSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void sSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void rSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request ibSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request isSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request irSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iRecv(Buffer buf, int count, Datatype type, int source, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Prequest sendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Prequest bSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Prequest sSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Prequest rSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Prequest recvInit(Buffer buf, int count, Datatype type, int source, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int pack(Object inbuf, int incount, Datatype type, byte[] outbuf, int position) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int unpack(byte[] inbuf, int position, Object outbuf, int outcount, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int packSize(int incount, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status iProbe(int source, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Status probe(int source, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int createKeyval() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void freeKeyval(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void setAttr(int keyval, Object value) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Object getAttr(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void deleteAttr(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int getTopology() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void abort(int errorcode) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void setErrhandler(Errhandler errhandler) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Errhandler getErrhandler() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void callErrhandler(int errorCode) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void barrier() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iBarrier() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void bcast(Object buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iBcast(Buffer buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void gather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void gather(Object buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iGather(Buffer buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void gatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void gatherv(Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void gatherv(Object sendbuf, int sendcount, Datatype sendtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iGatherv(Buffer recvbuf, int[] recvcount, int[] displs, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scatter(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scatter(Object buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScatter(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScatter(Buffer buf, int count, Datatype type, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scatterv(Object sendbuf, int[] sendcount, int[] displs, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scatterv(Object sendbuf, int[] sendcount, int[] displs, Datatype sendtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scatterv(Object recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScatterv(Buffer sendbuf, int[] sendcount, int[] displs, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScatterv(Buffer sendbuf, int[] sendcount, int[] displs, Datatype sendtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScatterv(Buffer recvbuf, int recvcount, Datatype recvtype, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allGather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allGather(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllGather(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allGatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allGatherv(Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllGatherv(Buffer buf, int[] count, int[] displs, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allToAll(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllToAll(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allToAllv(Object sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Object recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllToAllv(Buffer sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Buffer recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allToAllw(Object sendBuf, int[] sendCount, int[] sDispls, Datatype[] sendTypes, Object recvBuf, int[] recvCount, int[] rDispls, Datatype[] recvTypes) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllToAllw(Buffer sendBuf, int[] sendCount, int[] sDispls, Datatype[] sendTypes, Buffer recvBuf, int[] recvCount, int[] rDispls, Datatype[] recvTypes) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void neighborAllGather(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iNeighborAllGather(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void neighborAllGatherv(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iNeighborAllGatherv(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int[] recvcount, int[] displs, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void neighborAllToAll(Object sendbuf, int sendcount, Datatype sendtype, Object recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iNeighborAllToAll(Buffer sendbuf, int sendcount, Datatype sendtype, Buffer recvbuf, int recvcount, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void neighborAllToAllv(Object sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Object recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iNeighborAllToAllv(Buffer sendbuf, int[] sendcount, int[] sdispls, Datatype sendtype, Buffer recvbuf, int[] recvcount, int[] rdispls, Datatype recvtype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduce(Object sendbuf, Object recvbuf, int count, Datatype type, Op op, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduce(Object buf, int count, Datatype type, Op op, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduce(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduce(Buffer buf, int count, Datatype type, Op op, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allReduce(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void allReduce(Object buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllReduce(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iAllReduce(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduceScatter(Object buf, int[] counts, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduceScatter(Buffer sendbuf, Buffer recvbuf, int[] recvcounts, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduceScatter(Buffer buf, int[] counts, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduceScatterBlock(Object sendbuf, Object recvbuf, int recvcount, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void reduceScatterBlock(Object buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduceScatterBlock(Buffer sendbuf, Buffer recvbuf, int recvcount, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iReduceScatterBlock(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void reduceLocal(Object inBuf, Object inOutBuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void setName(String name) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final String getName() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
