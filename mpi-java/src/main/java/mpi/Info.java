package mpi;

/**
 * Hints as key-value strings ({@code MPI_Info}). {@link MPI#INFO_NULL} stands for no hints
 * and {@link MPI#INFO_ENV} describes how the job was started; objects made with
 * {@link #Info()} are freed with {@link #free()}.
 */
public final class Info implements Freeable, Cloneable {
    /** An identifier of this object within the process (not a native MPI handle); 0 when null. */
    protected long handle;
    /** The handle of {@link MPI#INFO_NULL}. */
    protected static final long NULL = 0;

    /** The jmpi info; null for {@link MPI#INFO_NULL}, until first use for {@link MPI#INFO_ENV}, once freed. */
    private org.jmpi.Info info;
    private final boolean env;
    private boolean freed;

    /**
     * A new, empty info object ({@code MPI_Info_create}).
     *
     * @throws MPIException if MPI does not run
     */
    public Info() throws MPIException {
        Lifecycle.check();
        try {
            this.info = org.jmpi.Info.create();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_create");
        }
        this.env = false;
        this.handle = Handles.register(this);
    }

    /**
     * A second object for the live info with identifier {@code handle}, or the null info
     * for {@link #NULL}.
     *
     * @param handle the identifier
     */
    protected Info(long handle) {
        Info other = handle == NULL ? null : Handles.lookup(handle, Info.class);
        this.info = other == null ? null : other.info;
        this.env = other != null && other.env;
        this.handle = handle;
    }

    /** An info object over a jmpi one, which it owns. */
    Info(org.jmpi.Info info) {
        this.info = info;
        this.env = false;
        this.handle = Handles.register(this);
    }

    private Info(boolean env) {
        this.env = env;
        this.handle = env ? Handles.register(this) : NULL;
    }

    /**
     * {@link MPI#INFO_ENV}, resolved when first used.
     *
     * @return the environment's info
     */
    protected static Info newEnv() {
        return new Info(true);
    }

    /** {@link MPI#INFO_NULL}. */
    static Info nullInfo() {
        return new Info(false);
    }

    /** The jmpi info of {@code info} for a call; null for null or {@link MPI#INFO_NULL} (no hints). */
    static org.jmpi.Info jmpiOf(Info info) throws MPIException {
        return info == null || info.handle == NULL && !info.env && !info.freed ? null : info.jmpi();
    }

    /** The jmpi info behind this object; refused for {@link MPI#INFO_NULL} and once freed. */
    org.jmpi.Info jmpi() throws MPIException {
        Lifecycle.check();
        if (env && info == null) {
            info = org.jmpi.Info.env();
        }
        if (info == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_INFO,
                    "info: " + (handle == NULL ? "MPI_INFO_NULL" : "freed")), "info");
        }
        return info;
    }

    /**
     * Sets a key to a value ({@code MPI_Info_set}).
     *
     * @param key   the key
     * @param value the value
     * @throws MPIException if the key or value is empty or too long, or the object read-only
     */
    public void set(String key, String value) throws MPIException {
        org.jmpi.Info i = jmpi();
        try {
            i.set(key, value);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_set");
        }
    }

    /**
     * The value of a key ({@code MPI_Info_get}).
     *
     * @param key the key
     * @return the value, or null if the key is not set
     * @throws MPIException if the key is empty or too long
     */
    public String get(String key) throws MPIException {
        org.jmpi.Info i = jmpi();
        try {
            return i.get(key).orElse(null);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_get");
        }
    }

    /**
     * Removes a key ({@code MPI_Info_delete}).
     *
     * @param key the key
     * @throws MPIException if the key is not set ({@link MPI#ERR_INFO_NOKEY}) or the object read-only
     */
    public void delete(String key) throws MPIException {
        org.jmpi.Info i = jmpi();
        boolean removed;
        try {
            removed = i.delete(key);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_delete");
        }
        if (!removed) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_INFO_NOKEY,
                    "key: " + key + " is not set"), "MPI_Info_delete");
        }
    }

    /**
     * The number of keys set ({@code MPI_Info_get_nkeys}).
     *
     * @return the count
     * @throws MPIException if the object is null or freed
     */
    public int size() throws MPIException {
        org.jmpi.Info i = jmpi();
        try {
            return i.size();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_get_nkeys");
        }
    }

    /**
     * The {@code i}-th key ({@code MPI_Info_get_nthkey}).
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the key
     * @throws MPIException if {@code i} is out of range
     */
    public String getKey(int i) throws MPIException {
        org.jmpi.Info x = jmpi();
        java.util.List<String> keys;
        try {
            keys = x.keys();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_get_nthkey");
        }
        if (i < 0 || i >= keys.size()) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_ARG,
                    "i: " + i + " is not in [0, " + keys.size() + ")"), "MPI_Info_get_nthkey");
        }
        return keys.get(i);
    }

    /**
     * A copy ({@link #dup()}).
     *
     * @return the copy
     * @throws RuntimeException wrapping the {@link MPIException} if it cannot be made
     */
    @Override
    public Info clone() {
        try {
            return dup();
        } catch (MPIException e) {
            throw new RuntimeException(e.getMessage(), e);
        }
    }

    /**
     * A new object with the same keys and values ({@code MPI_Info_dup}).
     *
     * @return the copy
     * @throws MPIException if the object is null or freed
     */
    public Info dup() throws MPIException {
        org.jmpi.Info i = jmpi();
        try {
            return new Info(i.dup());
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_dup");
        }
    }

    /**
     * Frees the object ({@code MPI_Info_free}); it becomes null.
     *
     * @throws MPIException if it is null, predefined or already freed
     */
    @Override
    public void free() throws MPIException {
        org.jmpi.Info i = jmpi();
        if (env) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_INFO,
                    "info: MPI_INFO_ENV cannot be freed"), "MPI_Info_free");
        }
        info = null;
        freed = true;
        Handles.unregister(handle);
        handle = NULL;
        try {
            i.close();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Info_free");
        }
    }

    /**
     * Whether this is {@link MPI#INFO_NULL} or has been freed.
     *
     * @return whether it is null
     */
    public boolean isNull() {
        return !env && info == null;
    }
}
