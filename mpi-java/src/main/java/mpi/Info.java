package mpi;

import java.nio.*;

/** TODO. */
public final class Info implements Freeable, Cloneable {
    /** The jmpi info behind this object; null for {@link MPI#INFO_NULL}. */
    private org.jmpi.Info info;
    private boolean isNullInfo;

    /** An info object over a jmpi one, which it owns. */
    Info(org.jmpi.Info info) {
        this.info = info;
        this.handle = Handles.register(this);
    }

    /** The jmpi info to pass to a call; null for {@link MPI#INFO_NULL} (no hints). */
    org.jmpi.Info jmpi() throws MPIException {
        if (isNullInfo) {
            return null;
        }
        Lifecycle.check();
        if (info == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_INFO, "info: freed"), "info");
        }
        return info;
    }

    /** {@link MPI#INFO_NULL}. */
    static Info nullInfo() {
        Info i = new Info((org.jmpi.Info) null);
        i.isNullInfo = true;
        return i;
    }

    protected long handle;

    protected static final long NULL = 0;

    public Info() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected Info(long handle) {
        throw new UnsupportedOperationException("not yet");
    }

    protected static Info newEnv() {
        throw new UnsupportedOperationException("not yet");
    }

    public void set(String key, String value) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public String get(String key) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void delete(String key) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int size() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public String getKey(int i) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Info clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public Info dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

}
