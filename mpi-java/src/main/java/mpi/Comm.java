package mpi;

import org.jmpi.Comparison;
import org.jmpi.ErrorCodes;
import org.jmpi.MpiConstants;

/**
 * A communicator: a group of processes and a context for their messages. Point-to-point
 * messages, collectives (blocking, nonblocking, neighbourhood), attributes, error handling
 * and names; {@link Intracomm} adds what needs a single group (splitting, topologies,
 * scans, process management) and {@link Intercomm} what joins two groups. Errors go to the
 * communicator's error handler, {@link MPI#ERRORS_ARE_FATAL} until another is set; a new
 * communicator inherits the handler of the one it was made from.
 */
public class Comm extends CommNonblocking implements Freeable, Cloneable {
    /** Split type of {@link Intracomm#splitType}: processes that can share memory. */
    public final static int TYPE_SHARED = 0;
    /** Kind of {@link MPI#COMM_SELF}, for {@link #setType}. */
    protected final static int SELF = 1;
    /** Kind of {@link MPI#COMM_WORLD}, for {@link #setType}. */
    protected final static int WORLD = 2;

    /** An identifier of this communicator within the process (not a native MPI handle). */
    protected long handle;

    /** A communicator to be made predefined by {@link #setType}. */
    protected Comm() {
        this.handle = Handles.register(this);
    }

    /**
     * A second object for the live communicator with identifier {@code handle}.
     *
     * @param handle the identifier
     */
    protected Comm(long handle) {
        share(Handles.lookup(handle, Comm.class));
        this.handle = Handles.register(this);
    }

    /**
     * The communicator and request of a nonblocking duplication: the identifiers of the
     * communicator and of its request, whose completion makes the communicator usable.
     *
     * @param commRequest the two identifiers
     */
    protected Comm(long[] commRequest) {
        this(commRequest[0]);
        pending(Handles.lookup(commRequest[1], Request.class), null);
    }

    /** A communicator over a jmpi one, with the error handler it inherits. */
    Comm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
        this.handle = Handles.register(this);
    }

    /**
     * Makes this the predefined communicator {@link #SELF} or {@link #WORLD}.
     *
     * @param type the kind
     */
    protected final void setType(int type) {
        if (type != SELF && type != WORLD) {
            throw new IllegalArgumentException("type: " + type + " is neither SELF nor WORLD");
        }
        kind(type == SELF ? SELF_KIND : WORLD_KIND);
    }

    /**
     * A duplicate ({@link #dup()}).
     *
     * @return the duplicate
     * @throws RuntimeException wrapping the {@link MPIException} if it cannot be made
     */
    @Override
    public Comm clone() {
        try {
            return dup();
        } catch (MPIException e) {
            throw new RuntimeException(e.getMessage(), e);
        }
    }

    /**
     * A new communicator with the same group and attributes ({@code MPI_Comm_dup}); collective.
     *
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    public Comm dup() throws MPIException {
        return call("MPI_Comm_dup", c -> new Comm(c.dup(), errhandler()));
    }

    /**
     * Duplicates the communicator with identifier {@code comm}.
     *
     * @param comm the identifier of a communicator
     * @return the identifier of the duplicate
     * @throws MPIException if MPI fails
     */
    protected final long dup(long comm) throws MPIException {
        return Handles.lookup(comm, Comm.class).dup().handle;
    }

    /**
     * Starts a duplication ({@code MPI_Comm_idup}); the new communicator may be used once
     * {@link #getRequest()} of it has completed.
     *
     * @return the new communicator
     * @throws MPIException if MPI fails
     */
    public Comm iDup() throws MPIException {
        return Duplication.start(this, Comm::new);
    }

    /**
     * Starts the duplication of the communicator with identifier {@code comm}.
     *
     * @param comm the identifier of a communicator
     * @return the identifiers of the new communicator and of its request
     * @throws MPIException if MPI fails
     */
    protected final long[] iDup(long comm) throws MPIException {
        Comm d = Handles.lookup(comm, Comm.class).iDup();
        return new long[] {d.handle, d.getRequest().handle};
    }

    /**
     * A duplicate with new info hints ({@code MPI_Comm_dup_with_info}); collective.
     *
     * @param info the hints
     * @return the duplicate
     * @throws MPIException if MPI fails
     */
    public Comm dupWithInfo(Info info) throws MPIException {
        return Duplication.withInfo(this, info, Comm::new);
    }

    /**
     * Duplicates the communicator with identifier {@code comm} with the info of identifier
     * {@code info}.
     *
     * @param comm the identifier of a communicator
     * @param info the identifier of an info object
     * @return the identifier of the duplicate
     * @throws MPIException if MPI fails
     */
    protected final long dupWithInfo(long comm, long info) throws MPIException {
        Info i = info == 0 ? MPI.INFO_NULL : Handles.lookup(info, Info.class);
        return Handles.lookup(comm, Comm.class).dupWithInfo(i).handle;
    }

    /**
     * The request of the nonblocking duplication that made this communicator.
     *
     * @return the request, or a null request
     */
    public final Request getRequest() {
        Request r = pending();
        return r == null ? MPI.REQUEST_NULL : r;
    }

    /**
     * The number of processes (of the local group of an intercommunicator).
     *
     * @return the size
     * @throws MPIException if the communicator is freed or MPI does not run
     */
    public final int getSize() throws MPIException {
        return call("MPI_Comm_size", org.jmpi.Comm::size);
    }

    /**
     * This process's rank.
     *
     * @return the rank
     * @throws MPIException if the communicator is freed or MPI does not run
     */
    public final int getRank() throws MPIException {
        return call("MPI_Comm_rank", org.jmpi.Comm::rank);
    }

    /**
     * Compares two communicators ({@code MPI_Comm_compare}).
     *
     * @param comm1 one communicator
     * @param comm2 another
     * @return {@link MPI#IDENT}, {@link MPI#CONGRUENT}, {@link MPI#SIMILAR} or {@link MPI#UNEQUAL}
     * @throws MPIException if either is freed
     */
    public static int compare(Comm comm1, Comm comm2) throws MPIException {
        if (comm1 == null || comm2 == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_COMM, "comm: null"),
                    "MPI_Comm_compare");
        }
        org.jmpi.Comm other = comm2.jmpi();
        return comm1.call("MPI_Comm_compare", c -> comparison(c.compare(other)));
    }

    /** The constant of a comparison result. */
    static int comparison(Comparison r) {
        return switch (r) {
            case IDENT -> MpiConstants.IDENT;
            case CONGRUENT -> MpiConstants.CONGRUENT;
            case SIMILAR -> MpiConstants.SIMILAR;
            case UNEQUAL -> MpiConstants.UNEQUAL;
        };
    }

    /**
     * Frees the communicator ({@code MPI_Comm_free}); it becomes null.
     *
     * @throws MPIException if it is predefined or already freed
     */
    @Override
    public final void free() throws MPIException {
        if (isPredefined()) {
            throw failure(Failure.arg(MPI.ERR_COMM, "comm: a predefined communicator cannot be freed"),
                    "MPI_Comm_free");
        }
        run("MPI_Comm_free", org.jmpi.Comm::close);
        released();
        Handles.unregister(handle);
    }

    /**
     * Whether the communicator has been freed or disconnected ({@code MPI_COMM_NULL}).
     *
     * @return whether it is null
     */
    public final boolean isNull() {
        return !isPredefined() && jmpiOrNull() == null && !isPendingDuplicate();
    }

    /**
     * Sets info hints ({@code MPI_Comm_set_info}).
     *
     * @param info the hints
     * @throws MPIException if MPI fails
     */
    public final void setInfo(Info info) throws MPIException {
        org.jmpi.Info i = Info.jmpiOf(info);
        run("MPI_Comm_set_info", c -> {
            if (i != null) {
                c.setInfo(i);
            }
        });
    }

    /**
     * The hints in use ({@code MPI_Comm_get_info}).
     *
     * @return a new info object
     * @throws MPIException if MPI fails
     */
    public final Info getInfo() throws MPIException {
        return call("MPI_Comm_get_info", c -> new Info(c.getInfo()));
    }

    /**
     * Waits for pending communication and frees the communicator ({@code MPI_Comm_disconnect}).
     *
     * @throws MPIException if MPI fails
     */
    public final void disconnect() throws MPIException {
        run("MPI_Comm_disconnect", org.jmpi.Comm::disconnect);
        released();
        Handles.unregister(handle);
    }

    /**
     * The group of the communicator (the local group of an intercommunicator).
     *
     * @return a new group
     * @throws MPIException if MPI fails
     */
    public final Group getGroup() throws MPIException {
        return call("MPI_Comm_group", c -> new Group(c.group()));
    }

    /**
     * Whether this is an intercommunicator ({@code MPI_Comm_test_inter}).
     *
     * @return whether it is
     * @throws MPIException if MPI fails
     */
    public final boolean isInter() throws MPIException {
        return call("MPI_Comm_test_inter", org.jmpi.Comm::isInter);
    }

    /**
     * An intercommunicator between {@code localComm}'s group and a remote group; called
     * on the peer communicator that joins the two leaders ({@code MPI_Intercomm_create}).
     *
     * @param localComm    this process's intracommunicator
     * @param localLeader  rank of the local leader in {@code localComm}
     * @param remoteLeader rank of the remote leader in this communicator
     * @param tag          tag for the leaders' messages
     * @return the intercommunicator
     * @throws MPIException if MPI fails
     */
    public final Intercomm createIntercomm(Comm localComm, int localLeader, int remoteLeader, int tag)
            throws MPIException {
        if (localComm == null) {
            throw failure(Failure.arg(MPI.ERR_COMM, "localComm: null"), "MPI_Intercomm_create");
        }
        org.jmpi.Comm local = localComm.jmpi();
        return call("MPI_Intercomm_create", c -> new Intercomm(local.intercommCreate(localLeader, c, remoteLeader,
                tag), localComm.errhandler()));
    }

    /**
     * A new attribute key for communicators ({@code MPI_Comm_create_keyval}); attributes
     * are copied by {@link #dup()}.
     *
     * @return the key
     * @throws MPIException if MPI does not run
     */
    public static int createKeyval() throws MPIException {
        return Attributes.createKeyval(Attributes.Kind.COMM);
    }

    /**
     * Frees an attribute key ({@code MPI_Comm_free_keyval}).
     *
     * @param keyval the key
     * @throws MPIException if the key is not one of {@link #createKeyval()}
     */
    public static void freeKeyval(int keyval) throws MPIException {
        Attributes.freeKeyval(keyval, Attributes.Kind.COMM);
    }

    /**
     * Stores a copy of a serializable value under a key ({@code MPI_Comm_set_attr}).
     *
     * @param keyval the key
     * @param value  the value, copied by serialization
     * @throws MPIException if the key or value is refused
     */
    public final void setAttr(int keyval, Object value) throws MPIException {
        Attributes.set(jmpi(), keyval, Attributes.Kind.COMM, value, errhandler());
    }

    /**
     * The value stored under a key ({@code MPI_Comm_get_attr}): for the predefined keys
     * ({@link MPI#TAG_UB}, {@link MPI#HOST}, {@link MPI#IO}, {@link MPI#APPNUM},
     * {@link MPI#LASTUSEDCODE}, {@link MPI#UNIVERSE_SIZE}) an {@code Integer}, for
     * {@link MPI#WTIME_IS_GLOBAL} a {@code Boolean}; for others a copy of what was stored.
     *
     * @param keyval the key
     * @return the value, or null if none is set
     * @throws MPIException if the key is refused
     */
    public final Object getAttr(int keyval) throws MPIException {
        org.jmpi.Comm c = jmpi();
        if (keyval == MPI.TAG_UB) {
            return call("MPI_Comm_get_attr", org.jmpi.Comm::tagUpperBound);
        } else if (keyval == MPI.HOST) {
            return call("MPI_Comm_get_attr", x -> x.hostRank().orElse(MPI.PROC_NULL));
        } else if (keyval == MPI.IO) {
            return call("MPI_Comm_get_attr", org.jmpi.Comm::ioRank);
        } else if (keyval == MPI.WTIME_IS_GLOBAL) {
            return call("MPI_Comm_get_attr", org.jmpi.Comm::wtimeIsGlobal);
        } else if (keyval == MPI.APPNUM) {
            return call("MPI_Comm_get_attr", x -> x.appNum().isPresent() ? (Integer) x.appNum().getAsInt() : null);
        } else if (keyval == MPI.UNIVERSE_SIZE) {
            return call("MPI_Comm_get_attr", x -> x.universeSize().isPresent()
                    ? (Integer) x.universeSize().getAsInt() : null);
        } else if (keyval == MPI.LASTUSEDCODE) {
            return call("MPI_Comm_get_attr", x -> ErrorCodes.lastUsedCode());
        }
        return Attributes.get(c, keyval, Attributes.Kind.COMM, errhandler());
    }

    /**
     * Removes the value stored under a key ({@code MPI_Comm_delete_attr}).
     *
     * @param keyval the key
     * @throws MPIException if the key is refused
     */
    public final void deleteAttr(int keyval) throws MPIException {
        Attributes.delete(jmpi(), keyval, Attributes.Kind.COMM, errhandler());
    }

    /**
     * The kind of topology ({@code MPI_Topo_test}).
     *
     * @return {@link MPI#CART}, {@link MPI#GRAPH}, {@link MPI#DIST_GRAPH} or {@link MPI#UNDEFINED}
     * @throws MPIException if MPI fails
     */
    public final int getTopology() throws MPIException {
        return call("MPI_Topo_test", c -> switch (c.topology()) {
            case CART -> MPI.CART;
            case GRAPH -> MPI.GRAPH;
            case DIST_GRAPH -> MPI.DIST_GRAPH;
            case NONE -> MPI.UNDEFINED;
        });
    }

    /**
     * Ends every process of the job ({@code MPI_Abort}); does not return.
     *
     * @param errorcode the exit code
     * @throws MPIException if MPI does not run
     */
    public final void abort(int errorcode) throws MPIException {
        jmpi();
        Lifecycle.mpi().abort(errorcode);
    }

    /**
     * Sets the error handler ({@code MPI_Comm_set_errhandler}).
     *
     * @param errhandler {@link MPI#ERRORS_RETURN}, {@link MPI#ERRORS_ARE_FATAL} or {@link MPI#ERRORS_ABORT}
     * @throws MPIException if the communicator is freed
     */
    public final void setErrhandler(Errhandler errhandler) throws MPIException {
        jmpi();
        if (errhandler == null) {
            throw failure(Failure.arg(MPI.ERR_ARG, "errhandler: null"), "MPI_Comm_set_errhandler");
        }
        errhandler(errhandler);
    }

    /**
     * The error handler in force ({@code MPI_Comm_get_errhandler}).
     *
     * @return the handler
     * @throws MPIException if the communicator is freed
     */
    public final Errhandler getErrhandler() throws MPIException {
        jmpi();
        return errhandler();
    }

    /**
     * Raises an error on the communicator ({@code MPI_Comm_call_errhandler}): under
     * {@link MPI#ERRORS_RETURN} an {@link MPIException} with the code, else the job ends.
     *
     * @param errorCode an error code or class
     * @throws MPIException under {@link MPI#ERRORS_RETURN}
     */
    public void callErrhandler(int errorCode) throws MPIException {
        jmpi();
        throw failure(Failure.code(errorCode), "MPI_Comm_call_errhandler");
    }

    /**
     * Combines {@code inbuf} into {@code inoutbuf} locally with {@code op} ({@code MPI_Reduce_local}).
     *
     * @param inbuf    the input, an array or buffer
     * @param inoutbuf the input and result, an array or buffer
     * @param count    number of elements
     * @param type     datatype of each element
     * @param op       the operation
     * @throws MPIException if an argument is wrong
     */
    public static void reduceLocal(Object inbuf, Object inoutbuf, int count, Datatype type, Op op)
            throws MPIException {
        LocalReduction.reduce(inbuf, inoutbuf, count, type, op);
    }

    /**
     * Names the communicator ({@code MPI_Comm_set_name}).
     *
     * @param name the name
     * @throws MPIException if the name is too long or MPI fails
     */
    public final void setName(String name) throws MPIException {
        run("MPI_Comm_set_name", c -> c.name(name));
    }

    /**
     * The communicator's name ({@code MPI_Comm_get_name}).
     *
     * @return the name
     * @throws MPIException if MPI fails
     */
    public final String getName() throws MPIException {
        return call("MPI_Comm_get_name", org.jmpi.Comm::name);
    }
}
