package mpi;

import java.nio.*;

/** TODO. */
public abstract class UserFunction {
    public void call(Object inVec, Object inOutVec, int count, Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void call(ByteBuffer in, ByteBuffer inOut, int count, Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
