package mpi;

import java.nio.*;

/** TODO. */
public final class Status {
    protected final long[] data;

    protected Status() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getCount(Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isCancelled() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getElements(Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Count getElementsX(Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setElements(Datatype datatype, int count) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setElementsX(Datatype datatype, Count count) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setCancelled(boolean flag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getSource() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getTag() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getError() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getIndex() {
        throw new UnsupportedOperationException("not yet");
    }

}
