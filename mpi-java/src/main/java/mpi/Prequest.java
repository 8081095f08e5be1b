package mpi;

import java.nio.*;

/** TODO. */
public final class Prequest extends Request {
    /** A persistent request over a jmpi one, failing under {@code errhandler}. */
    Prequest(org.jmpi.Request request, Errhandler errhandler) {
        super(request, errhandler);
    }

    protected Prequest(long handle) {
        super(handle);
    }

    public void start() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void startAll(Prequest[] requests) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
