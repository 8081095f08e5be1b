package mpi;

import org.jmpi.Buf;

/**
 * A communicator of one group: adds splitting and subgroups, virtual topologies
 * ({@link CartComm}, {@link GraphComm}), scans, and dynamic processes (ports, connect and
 * accept, spawning). A call that leaves this process out of the new communicator (a
 * split with {@link MPI#UNDEFINED}, a group without it) returns a communicator whose
 * {@link #isNull()} is true.
 */
public class Intracomm extends Comm {
    /** An intracommunicator over a jmpi communicator (null: this process is not in it). */
    Intracomm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /** The predefined communicator of kind {@link #WORLD} or {@link #SELF}. */
    static Intracomm predefined(int kind) {
        Intracomm c = new Intracomm();
        c.setType(kind);
        return c;
    }

    /** An intracommunicator to be made predefined by {@link #setType}. */
    protected Intracomm() {
        super();
    }

    /**
     * A second object for the live communicator with identifier {@code handle}.
     *
     * @param handle the identifier
     */
    protected Intracomm(long handle) {
        super(handle);
    }

    /**
     * The communicator and request of a nonblocking duplication (identifiers).
     *
     * @param commRequest the identifiers of the communicator and of its request
     */
    protected Intracomm(long[] commRequest) {
        super(commRequest);
    }

    /**
     * A duplicate ({@link #dup()}).
     *
     * @return the duplicate
     */
    @Override
    public Intracomm clone() {
        return (Intracomm) super.clone();
    }

    /**
     * A new communicator with the same group ({@code MPI_Comm_dup}).
     *
     * @return it
     * @throws MPIException if MPI fails
     */
    @Override
    public Intracomm dup() throws MPIException {
        return call("MPI_Comm_dup", c -> new Intracomm(c.dup(), errhandler()));
    }

    /**
     * Starts a duplication ({@code MPI_Comm_idup}).
     *
     * @return the new communicator
     * @throws MPIException if MPI fails
     */
    @Override
    public Intracomm iDup() throws MPIException {
        return Duplication.start(this, Intracomm::new);
    }

    /**
     * A duplicate with new hints ({@code MPI_Comm_dup_with_info}).
     *
     * @return it
     * @throws MPIException if MPI fails
     */
    @Override
    public Intracomm dupWithInfo(Info info) throws MPIException {
        return Duplication.withInfo(this, info, Intracomm::new);
    }

    /**
     * One communicator per {@code colour}, ranked by {@code key} ({@code MPI_Comm_split}).
     *
     * @param colour the subset, or {@link MPI#UNDEFINED} for none
     * @param key    the order within it
     * @return the new communicator (null with {@link MPI#UNDEFINED})
     * @throws MPIException if MPI fails
     */
    public final Intracomm split(int colour, int key) throws MPIException {
        return call("MPI_Comm_split", c -> new Intracomm(c.split(colour, key), errhandler()));
    }

    /**
     * One communicator per kind of shared resource ({@code MPI_Comm_split_type}):
     * {@link #TYPE_SHARED} groups the processes that can share memory.
     *
     * @param splitType {@link #TYPE_SHARED} or {@link MPI#UNDEFINED}
     * @param key       the order within a communicator
     * @param info      hints
     * @return the new communicator (null with {@link MPI#UNDEFINED})
     * @throws MPIException if the type is unknown or MPI fails
     */
    public final Intracomm splitType(int splitType, int key, Info info) throws MPIException {
        if (splitType != TYPE_SHARED && splitType != MPI.UNDEFINED) {
            throw failure(Failure.arg(MPI.ERR_ARG, "splitType: " + splitType + " is neither TYPE_SHARED nor UNDEFINED"),
                    "MPI_Comm_split_type");
        }
        return call("MPI_Comm_split_type", c -> new Intracomm(splitType == TYPE_SHARED ? c.splitShared(key)
                : c.split(MPI.UNDEFINED, key), errhandler()));
    }

    /**
     * The communicator of a subgroup ({@code MPI_Comm_create}); collective over this one.
     *
     * @param group a subset of this communicator's group
     * @return the new communicator (null outside {@code group})
     * @throws MPIException if MPI fails
     */
    public final Intracomm create(Group group) throws MPIException {
        org.jmpi.Group g = groupOf(group);
        return call("MPI_Comm_create", c -> new Intracomm(c.create(g), errhandler()));
    }

    /**
     * The communicator of a subgroup, collective over the subgroup only
     * ({@code MPI_Comm_create_group}).
     *
     * @param group a subset of this communicator's group
     * @param tag   a tag to tell concurrent calls apart
     * @return the new communicator
     * @throws MPIException if MPI fails
     */
    public final Intracomm createGroup(Group group, int tag) throws MPIException {
        return GroupCreation.create(this, groupOf(group), tag);
    }

    private org.jmpi.Group groupOf(Group group) throws MPIException {
        if (group == null) {
            throw failure(Failure.arg(MPI.ERR_GROUP, "group: null"), "group");
        }
        return group.jmpi();
    }

    /**
     * A communicator with a Cartesian topology ({@code MPI_Cart_create}).
     *
     * @param dims    processes per dimension
     * @param periods whether each dimension wraps around
     * @param reorder whether ranks may be reordered
     * @return the new communicator (null for processes beyond the grid)
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final CartComm createCart(int[] dims, boolean[] periods, boolean reorder) throws MPIException {
        return call("MPI_Cart_create", c -> new CartComm(c.cartCreate(dims, periods, reorder), errhandler()));
    }

    /**
     * A communicator with a graph topology ({@code MPI_Graph_create}).
     *
     * @param index   cumulative degrees of the nodes
     * @param edges   the edges, by node
     * @param reorder whether ranks may be reordered
     * @return the new communicator (null for processes beyond the graph)
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final GraphComm createGraph(int[] index, int[] edges, boolean reorder) throws MPIException {
        return call("MPI_Graph_create", c -> new GraphComm(c.graphCreate(index, edges, reorder), errhandler()));
    }

    /**
     * A communicator with a distributed graph topology, each process giving some edges
     * ({@code MPI_Dist_graph_create}).
     *
     * @param sources      source nodes given by this process
     * @param degrees      the number of edges of each source
     * @param destinations the edges' destinations
     * @param weights      the edges' weights
     * @param info         hints
     * @param reorder      whether ranks may be reordered
     * @return the new communicator
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final GraphComm createDistGraph(int[] sources, int[] degrees, int[] destinations, int[] weights,
                                           Info info, boolean reorder) throws MPIException {
        return call("MPI_Dist_graph_create", c -> new GraphComm(c.distGraphCreate(sources, degrees, destinations,
                weights, reorder), errhandler()));
    }

    /**
     * {@link #createDistGraph(int[], int[], int[], int[], Info, boolean)} without weights.
     *
     * @param sources      source nodes given by this process
     * @param degrees      the number of edges of each source
     * @param destinations the edges' destinations
     * @param info         hints
     * @param reorder      whether ranks may be reordered
     * @return the new communicator
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final GraphComm createDistGraph(int[] sources, int[] degrees, int[] destinations, Info info,
                                           boolean reorder) throws MPIException {
        return createDistGraph(sources, degrees, destinations, null, info, reorder);
    }

    /**
     * A communicator with a distributed graph topology, each process giving its own in-
     * and out-neighbours ({@code MPI_Dist_graph_create_adjacent}).
     *
     * @param sources       in-neighbours
     * @param sourceWeights their weights
     * @param destinations  out-neighbours
     * @param destWeights   their weights
     * @param info          hints
     * @param reorder       whether ranks may be reordered
     * @return the new communicator
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final GraphComm createDistGraphAdjacent(int[] sources, int[] sourceWeights, int[] destinations,
                                                   int[] destWeights, Info info, boolean reorder)
            throws MPIException {
        return call("MPI_Dist_graph_create_adjacent", c -> new GraphComm(c.distGraphCreateAdjacent(sources,
                sourceWeights, destinations, destWeights, reorder), errhandler()));
    }

    /**
     * {@link #createDistGraphAdjacent(int[], int[], int[], int[], Info, boolean)} without weights.
     *
     * @param sources      in-neighbours
     * @param destinations out-neighbours
     * @param info         hints
     * @param reorder      whether ranks may be reordered
     * @return the new communicator
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final GraphComm createDistGraphAdjacent(int[] sources, int[] destinations, Info info, boolean reorder)
            throws MPIException {
        return createDistGraphAdjacent(sources, null, destinations, null, info, reorder);
    }

    /**
     * Inclusive prefix reduction: process i receives the combination of processes 0..i
     * ({@code MPI_Scan}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final void scan(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        prefix("MPI_Scan", false, sendbuf, recvbuf, count, type, op);
    }

    /**
     * {@link #scan} in place: {@code recvbuf} holds the input.
     *
     * @throws MPIException if MPI fails
     */
    public final void scan(Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        prefix("MPI_Scan", false, null, recvbuf, count, type, op);
    }

    /**
     * Starts {@link #scan} ({@code MPI_Iscan}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public final Request iScan(java.nio.Buffer sendbuf, java.nio.Buffer recvbuf, int count, Datatype type, Op op)
            throws MPIException {
        return iprefix("MPI_Iscan", false, sendbuf, recvbuf, count, type, op);
    }

    /**
     * Starts the in-place {@link #scan}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public final Request iScan(java.nio.Buffer buf, int count, Datatype type, Op op) throws MPIException {
        return iprefix("MPI_Iscan", false, null, buf, count, type, op);
    }

    /**
     * Exclusive prefix reduction: process i receives the combination of processes 0..i-1,
     * process 0 nothing ({@code MPI_Exscan}).
     *
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public final void exScan(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        prefix("MPI_Exscan", true, sendbuf, recvbuf, count, type, op);
    }

    /**
     * {@link #exScan} in place: {@code buf} holds the input.
     *
     * @throws MPIException if MPI fails
     */
    public final void exScan(Object buf, int count, Datatype type, Op op) throws MPIException {
        prefix("MPI_Exscan", true, null, buf, count, type, op);
    }

    /**
     * Starts {@link #exScan} ({@code MPI_Iexscan}).
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public final Request iExScan(java.nio.Buffer sendbuf, java.nio.Buffer recvbuf, int count, Datatype type, Op op)
            throws MPIException {
        return iprefix("MPI_Iexscan", true, sendbuf, recvbuf, count, type, op);
    }

    /**
     * Starts the in-place {@link #exScan}.
     *
     * @return the request
     * @throws MPIException if MPI fails
     */
    public final Request iExScan(java.nio.Buffer buf, int count, Datatype type, Op op) throws MPIException {
        return iprefix("MPI_Iexscan", true, null, buf, count, type, op);
    }

    private void prefix(String call, boolean exclusive, Object sendbuf, Object recvbuf, int count, Datatype type,
                        Op op) throws MPIException {
        run(call, c -> {
            Object s = sendbuf == null ? org.jmpi.Comm.IN_PLACE : in(sendbuf, count, type, "sendbuf").buf;
            Buffers.Region r = Buffers.blocking(recvbuf, count, type, "recvbuf", sendbuf == null);
            if (exclusive) {
                c.exscan(s, r.buf, op(op, type));
            } else {
                c.scan(s, r.buf, op(op, type));
            }
            r.done();
        });
    }

    private Request iprefix(String call, boolean exclusive, java.nio.Buffer sendbuf, java.nio.Buffer recvbuf,
                            int count, Datatype type, Op op) throws MPIException {
        if (sendbuf != null) {
            Buffers.requireDirect(sendbuf, "send buffer");
        }
        Buffers.requireDirect(recvbuf, "receive buffer");
        return call(call, c -> {
            Object s = sendbuf == null ? org.jmpi.Comm.IN_PLACE : Buffers.direct(sendbuf, count, type, "sendbuf");
            Buf r = Buffers.direct(recvbuf, count, type, "recvbuf");
            return request(exclusive ? c.iexscan(s, r, op(op, type)) : c.iscan(s, r, op(op, type)), sendbuf,
                    recvbuf);
        });
    }

    /**
     * Opens a port for {@link #accept} ({@code MPI_Open_port}).
     *
     * @return its name
     * @throws MPIException if MPI fails
     */
    public static String openPort() throws MPIException {
        return Ports.open();
    }

    /**
     * Opens a port ({@code MPI_Open_port}); the hints are not used.
     *
     * @return its name
     * @throws MPIException if MPI fails
     */
    public static String openPort(Info info) throws MPIException {
        return Ports.open();
    }

    /**
     * Closes a port opened here ({@code MPI_Close_port}).
     *
     * @throws MPIException if it is not open
     */
    public static void closePort(String name) throws MPIException {
        Ports.close(name);
    }

    /**
     * Accepts a connection on a port, collective over this communicator
     * ({@code MPI_Comm_accept}).
     *
     * @param port the port name (used at {@code root})
     * @param root the rank that holds the port
     * @return the intercommunicator to the connecting group
     * @throws MPIException if MPI fails
     */
    public final Intercomm accept(String port, int root) throws MPIException {
        return call("MPI_Comm_accept", c -> new Intercomm(c.accept(port, root), errhandler()));
    }

    /**
     * {@link #accept(String, int)}; the hints are not used.
     *
     * @return the intercommunicator
     * @throws MPIException if MPI fails
     */
    public final Intercomm accept(String port, Info info, int root) throws MPIException {
        return accept(port, root);
    }

    /**
     * Connects to a port, collective over this communicator ({@code MPI_Comm_connect}).
     *
     * @param port the port name (used at {@code root})
     * @param root the rank that gives the port
     * @return the intercommunicator to the accepting group
     * @throws MPIException if MPI fails
     */
    public final Intercomm connect(String port, int root) throws MPIException {
        return call("MPI_Comm_connect", c -> new Intercomm(c.connect(port, root), errhandler()));
    }

    /**
     * {@link #connect(String, int)}; the hints are not used.
     *
     * @return the intercommunicator
     * @throws MPIException if MPI fails
     */
    public final Intercomm connect(String port, Info info, int root) throws MPIException {
        return connect(port, root);
    }

    /**
     * Publishes a port opened here under a service name ({@code MPI_Publish_name}).
     *
     * @throws MPIException if MPI fails
     */
    public static void publishName(String service, String port) throws MPIException {
        Ports.publish(service, port, true);
    }

    /**
     * {@link #publishName(String, String)}; the hints are not used.
     *
     * @throws MPIException if MPI fails
     */
    public static void publishName(String service, Info info, String port) throws MPIException {
        Ports.publish(service, port, true);
    }

    /**
     * Withdraws a published name ({@code MPI_Unpublish_name}).
     *
     * @throws MPIException if MPI fails
     */
    public static void unpublishName(String service, String port) throws MPIException {
        Ports.publish(service, port, false);
    }

    /**
     * {@link #unpublishName(String, String)}; the hints are not used.
     *
     * @throws MPIException if MPI fails
     */
    public static void unpublishName(String service, Info info, String port) throws MPIException {
        Ports.publish(service, port, false);
    }

    /**
     * The port published under a service name ({@code MPI_Lookup_name}).
     *
     * @return the port
     * @throws MPIException if none is
     */
    public static String lookupName(String service) throws MPIException {
        return Ports.lookup(service);
    }

    /**
     * {@link #lookupName(String)}; the hints are not used.
     *
     * @return the port
     * @throws MPIException if none is
     */
    public static String lookupName(String service, Info info) throws MPIException {
        return Ports.lookup(service);
    }

    /**
     * Starts {@code maxprocs} processes running {@code command} ({@code MPI_Comm_spawn});
     * collective over this communicator. A {@code java} command gets this JVM's class path
     * and native access unless {@code argv} sets them.
     *
     * @param command  the program
     * @param argv     its arguments
     * @param maxprocs how many to start
     * @param info     placement hints
     * @param root     the rank whose arguments count
     * @param errcodes receives an error code per process, or null
     * @return the intercommunicator to the children
     * @throws MPIException if they cannot be started
     */
    public final Intercomm spawn(String command, String[] argv, int maxprocs, Info info, int root, int[] errcodes)
            throws MPIException {
        return Spawning.spawn(this, true, new String[] {command}, argv == null ? null : new String[][] {argv},
                new int[] {maxprocs}, new Info[] {info}, root, errcodes);
    }

    /**
     * Starts several programs at once ({@code MPI_Comm_spawn_multiple}); collective over
     * this communicator.
     *
     * @param commands the programs
     * @param argv     the arguments of each
     * @param maxprocs how many of each to start
     * @param info     placement hints of each
     * @param root     the rank whose arguments count
     * @param errcodes receives an error code per process, or null
     * @return the intercommunicator to the children
     * @throws MPIException if they cannot be started
     */
    public final Intercomm spawnMultiple(String[] commands, String[][] argv, int[] maxprocs, Info[] info, int root,
                                         int[] errcodes) throws MPIException {
        return Spawning.spawn(this, false, commands, argv, maxprocs, info, root, errcodes);
    }
}
