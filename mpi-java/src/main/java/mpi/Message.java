package mpi;

import java.nio.*;

/** TODO. */
public final class Message {
    protected long handle;

    public Message() {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNoProc() {
        throw new UnsupportedOperationException("not yet");
    }

    public Status mProbe(int source, int tag, Comm comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status imProbe(int source, int tag, Comm comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status mRecv(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request imRecv(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
