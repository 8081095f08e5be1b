package mpi;

import java.nio.Buffer;

/**
 * The state every {@link Comm} shares (the jmpi communicator, its error handler, a
 * pending duplication) and the plumbing of its calls. The public methods of
 * {@code Comm} live in this chain of package-private classes, one per chapter:
 * {@code CommPointToPoint}, {@code CommCollectives}, {@code CommNonblocking}, then
 * {@code Comm} itself.
 */
abstract class CommBase implements Freeable, Cloneable {
    /** Kind of {@link MPI#COMM_SELF}. */
    static final int SELF_KIND = 1;
    /** Kind of {@link MPI#COMM_WORLD}. */
    static final int WORLD_KIND = 2;

    /** The jmpi communicator; null for the predefined ones (looked up when used) and once freed. */
    private org.jmpi.Comm comm;
    /** 0, {@link #SELF_KIND} or {@link #WORLD_KIND}. */
    private int kind;
    /** The error handler set on this communicator; null for the default, {@link MPI#ERRORS_ARE_FATAL}. */
    private volatile Errhandler errhandler;
    /** The pending request of a nonblocking duplication, or null. */
    private Request pending;
    /** The communicator a nonblocking duplication makes, until it is taken. */
    private org.jmpi.PendingComm future;

    CommBase() {
    }

    CommBase(org.jmpi.Comm comm, Errhandler inherited) {
        this.comm = comm;
        this.errhandler = inherited;
    }

    /** Takes the state of {@code other}: a second object for the same communicator. */
    final void share(CommBase other) {
        this.comm = other.comm;
        this.kind = other.kind;
        this.errhandler = other.errhandler;
        this.pending = other.pending;
        this.future = other.future;
    }

    /** Makes this a predefined communicator. */
    final void kind(int k) {
        this.kind = k;
    }

    /**
     * The jmpi communicator behind this one (MPI's world or self for the predefined ones);
     * refused with MPI_ERR_COMM once freed, and when MPI does not run.
     */
    final org.jmpi.Comm jmpi() throws MPIException {
        if (kind != 0) {
            org.jmpi.Mpi m = Lifecycle.mpi();
            return kind == WORLD_KIND ? m.world() : m.self();
        }
        Lifecycle.check();
        org.jmpi.Comm c = comm;
        if (c == null && future != null) {
            c = taken();
        }
        if (c == null) {
            throw failure(Failure.arg(MPI.ERR_COMM, "comm: the communicator has been freed"), "communicator");
        }
        return c;
    }

    /** The communicator of a completed nonblocking duplication. */
    private synchronized org.jmpi.Comm taken() throws MPIException {
        if (comm == null && future != null) {
            try {
                comm = future.get();
            } catch (RuntimeException e) {
                throw failure(Failure.arg(MPI.ERR_COMM, "comm: the duplication (MPI_Comm_idup) has not completed: "
                        + e.getMessage()), "communicator");
            }
            future = null;
        }
        return comm;
    }

    /** Whether this communicator is still to be made by a nonblocking duplication. */
    final boolean isPendingDuplicate() {
        return future != null;
    }

    /** The jmpi communicator or null, without checks. */
    final org.jmpi.Comm jmpiOrNull() {
        return comm;
    }

    /** The error handler in force ({@link MPI#ERRORS_ARE_FATAL} until one is set). */
    final Errhandler errhandler() {
        Errhandler e = errhandler;
        return e == null ? MPI.ERRORS_ARE_FATAL : e;
    }

    /** Sets the error handler. */
    final void errhandler(Errhandler e) {
        this.errhandler = e;
    }

    /**
     * What {@code call} failing with {@code e} means under this communicator's error
     * handler: the exception to throw, or the end of the job.
     */
    final MPIException failure(RuntimeException e, String call) {
        return Failure.raise(errhandler(), e, call);
    }

    /** Forgets the jmpi communicator once it has been freed or disconnected. */
    final void released() {
        comm = null;
    }

    /** The pending request of a nonblocking duplication, or null. */
    final Request pending() {
        return pending;
    }

    /** Sets the request of a nonblocking duplication and the communicator it makes. */
    final void pending(Request r, org.jmpi.PendingComm made) {
        this.pending = r;
        this.future = made;
    }

    /** Whether this is {@link MPI#COMM_WORLD} or {@link MPI#COMM_SELF}. */
    final boolean isPredefined() {
        return kind != 0;
    }

    /** A call on the jmpi communicator. */
    interface Body<T> {
        T run(org.jmpi.Comm c);
    }

    /** A call without result on the jmpi communicator. */
    interface VoidBody {
        void run(org.jmpi.Comm c);
    }

    /** Runs {@code body} on the jmpi communicator; failures go through the error handler. */
    final <T> T call(String name, Body<T> body) throws MPIException {
        org.jmpi.Comm c = jmpi();
        try {
            return body.run(c);
        } catch (RuntimeException e) {
            throw failure(e, name);
        }
    }

    /** Runs {@code body} on the jmpi communicator; failures go through the error handler. */
    final void run(String name, VoidBody body) throws MPIException {
        org.jmpi.Comm c = jmpi();
        try {
            body.run(c);
        } catch (RuntimeException e) {
            throw failure(e, name);
        }
    }

    /** A request of this communicator over a jmpi one, keeping the buffers reachable. */
    final Request request(org.jmpi.Request r, Buffer send, Buffer recv) {
        Request q = new Request(r, errhandler);
        q.addSendBufRef(send);
        q.addRecvBufRef(recv);
        return q;
    }

    /** A persistent request of this communicator over a jmpi one, keeping the buffer reachable. */
    final Prequest prequest(org.jmpi.Request r, Buffer send, Buffer recv) {
        Prequest q = new Prequest(r, errhandler);
        q.addSendBufRef(send);
        q.addRecvBufRef(recv);
        return q;
    }

}
