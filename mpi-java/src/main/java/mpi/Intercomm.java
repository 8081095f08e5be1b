package mpi;

import java.nio.*;

/** TODO. */
public final class Intercomm extends Comm {
    /** A Intercomm over a jmpi communicator, with the error handler it inherits. */
    Intercomm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }


    protected Intercomm(long handle) {
        super(handle);
    }

    protected Intercomm(long[] commRequest) {
        super(commRequest);
    }

    public Intercomm clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public Intercomm dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Intercomm iDup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Intercomm dupWithInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getRemoteSize() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group getRemoteGroup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Intracomm merge(boolean high) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Intercomm getParent() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
