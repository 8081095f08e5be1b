package mpi;

import java.nio.Buffer;

/**
 * A message taken out of matching by a matched probe ({@link #mProbe}, {@link #imProbe}),
 * to be received by {@link #mRecv} or {@link #imRecv} and by no other receive. A new
 * object, and one whose message has been received, is null ({@code MPI_MESSAGE_NULL});
 * probing {@link MPI#PROC_NULL} gives the no-process message ({@code MPI_MESSAGE_NO_PROC}).
 */
public final class Message {
    /** An identifier of the probed message within the process (not a native MPI handle); 0 when null. */
    protected long handle;

    private org.jmpi.Message message;
    private Errhandler errhandler;

    /** A null message, to be filled by {@link #mProbe} or {@link #imProbe}. */
    public Message() {
    }

    /**
     * Whether no message is held ({@code MPI_MESSAGE_NULL}).
     *
     * @return whether it is null
     */
    public boolean isNull() {
        return message == null;
    }

    /**
     * Whether this is the message of a probe of {@link MPI#PROC_NULL} ({@code MPI_MESSAGE_NO_PROC}).
     *
     * @return whether it is
     */
    public boolean isNoProc() {
        return message != null && message.source() == MPI.PROC_NULL;
    }

    /**
     * Waits for a matching message and takes it for this object ({@code MPI_Mprobe}).
     *
     * @param source rank of the sender, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @param comm   the communicator
     * @return the message's status
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status mProbe(int source, int tag, Comm comm) throws MPIException {
        Comm c = comm(comm, "MPI_Mprobe");
        org.jmpi.Message m = c.call("MPI_Mprobe", x -> x.mprobe(source, tag));
        take(m, c);
        return new Status(m.status(), -1);
    }

    /**
     * Takes a matching message for this object if one is waiting ({@code MPI_Improbe}).
     *
     * @param source rank of the sender, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @param comm   the communicator
     * @return the message's status, or null if none is waiting
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status imProbe(int source, int tag, Comm comm) throws MPIException {
        Comm c = comm(comm, "MPI_Improbe");
        org.jmpi.Message m = c.call("MPI_Improbe", x -> x.improbe(source, tag));
        if (m == null) {
            return null;
        }
        take(m, c);
        return new Status(m.status(), -1);
    }

    /**
     * Receives the message held ({@code MPI_Mrecv}); this object becomes null.
     *
     * @param buf   an array or buffer
     * @param count capacity in elements
     * @param type  datatype of each element
     * @return the status
     * @throws MPIException if no message is held, it is too long, or MPI fails
     */
    public Status mRecv(Object buf, int count, Datatype type) throws MPIException {
        org.jmpi.Message m = held("MPI_Mrecv");
        try {
            Buffers.Region r = Buffers.blocking(buf, count, type, "buf", false);
            org.jmpi.Status s = m.recv(r.buf);
            r.done();
            return new Status(s, -1);
        } catch (RuntimeException e) {
            throw Failure.raise(errhandler, e, "MPI_Mrecv");
        } finally {
            release();
        }
    }

    /**
     * Starts receiving the message held ({@code MPI_Imrecv}); this object becomes null.
     *
     * @param buf   a direct buffer
     * @param count capacity in elements
     * @param type  datatype of each element
     * @return the request
     * @throws MPIException if no message is held or MPI fails
     */
    public Request imRecv(Buffer buf, int count, Datatype type) throws MPIException {
        Buffers.requireDirect(buf, "buffer");
        org.jmpi.Message m = held("MPI_Imrecv");
        try {
            Request q = new Request(m.irecv(Buffers.direct(buf, count, type, "buf")), errhandler);
            q.addRecvBufRef(buf);
            return q;
        } catch (RuntimeException e) {
            throw Failure.raise(errhandler, e, "MPI_Imrecv");
        } finally {
            release();
        }
    }

    private static Comm comm(Comm comm, String call) throws MPIException {
        if (comm == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_COMM, "comm: null"), call);
        }
        return comm;
    }

    private void take(org.jmpi.Message m, Comm c) {
        release();
        message = m;
        errhandler = c.errhandler();
        handle = Handles.register(this);
    }

    private org.jmpi.Message held(String call) throws MPIException {
        Lifecycle.check();
        if (message == null) {
            throw Failure.raise(errhandler, Failure.arg(MPI.ERR_REQUEST, "message: MPI_MESSAGE_NULL"), call);
        }
        return message;
    }

    private void release() {
        if (handle != 0) {
            Handles.unregister(handle);
        }
        handle = 0;
        message = null;
    }
}
