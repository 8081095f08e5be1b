package mpi;

import java.nio.*;

/** TODO. */
public final class GraphComm extends Intracomm {
    /** A GraphComm over a jmpi communicator, with the error handler it inherits. */
    GraphComm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }


    protected GraphComm(long handle) throws MPIException {
        super(handle);
    }

    protected GraphComm(long[] commRequest) {
        super(commRequest);
    }

    public GraphComm clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public GraphComm dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public GraphComm iDup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public GraphComm dupWithInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public GraphParms getDims() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int[] getNeighbors(int rank) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public DistGraphNeighbors getDistGraphNeighbors() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int map(int[] index, int[] edges) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
