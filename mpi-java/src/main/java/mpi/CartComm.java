package mpi;

import java.nio.*;

/** TODO. */
public final class CartComm extends Intracomm {
    /** A CartComm over a jmpi communicator, with the error handler it inherits. */
    CartComm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }


    protected CartComm(long handle) throws MPIException {
        super(handle);
    }

    protected CartComm(long[] commRequest) {
        super(commRequest);
    }

    public CartComm clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public CartComm dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public CartComm iDup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public CartComm dupWithInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public CartParms getTopo() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getRank(int[] coords) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int[] getCoords(int rank) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public ShiftParms shift(int direction, int disp) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public CartComm sub(boolean[] remainDims) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int map(int[] dims, boolean[] periods) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void createDims(int nnodes, int[] dims) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
