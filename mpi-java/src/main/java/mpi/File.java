package mpi;

import java.nio.*;

/** TODO. */
public final class File {
    public File(Comm comm, String filename, int amode) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public File(Comm comm, String filename, int amode, Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void close() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void delete(String filename) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void delete(String filename, Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setSize(long size) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void preallocate(long size) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public long getSize() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group getGroup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getAMode() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Info getInfo() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setView(long disp, Datatype etype, Datatype filetype, String datarep) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setView(long disp, Datatype etype, Datatype filetype, String datarep, Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public FileView getView() {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readAt(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readAtAll(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeAt(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeAtAll(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iReadAt(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iReadAtAll(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iWriteAt(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iWriteAtAll(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status read(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readAll(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status write(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeAll(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iRead(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iReadAll(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iWrite(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iWriteAll(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void seek(long offset, int whence) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public long getPosition() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public long getByteOffset(long offset) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readShared(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeShared(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iReadShared(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request iWriteShared(Buffer buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readOrdered(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeOrdered(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void seekShared(long offset, int whence) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public long getPositionShared() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void readAtAllBegin(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readAtAllEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void writeAtAllBegin(long offset, Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeAtAllEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void readAllBegin(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readAllEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void writeAllBegin(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeAllEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void readOrderedBegin(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status readOrderedEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void writeOrderedBegin(Object buf, int count, Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Status writeOrderedEnd(Object buf) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getTypeExtent(Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setAtomicity(boolean atomicity) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean getAtomicity() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void sync() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setErrhandler(Errhandler errhandler) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Errhandler getErrhandler() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void callErrhandler(int errorCode) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
