package mpi;

import java.nio.*;

/** TODO. */
public class Intracomm extends Comm {
    /** A Intracomm over a jmpi communicator, with the error handler it inherits. */
    Intracomm(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    /** The predefined communicator of kind {@link #WORLD} or {@link #SELF}. */
    static Intracomm predefined(int kind) {
        Intracomm c = new Intracomm();
        c.setType(kind);
        return c;
    }


    protected Intracomm() {
        super();
    }

    protected Intracomm(long handle) {
        super(handle);
    }

    protected Intracomm(long[] commRequest) {
        super(commRequest);
    }

    public Intracomm clone() {
        throw new UnsupportedOperationException("not yet");
    }

    public Intracomm dup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Intracomm iDup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Intracomm dupWithInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intracomm split(int colour, int key) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intracomm splitType(int splitType, int key, Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intracomm create(Group group) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intracomm createGroup(Group group, int tag) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final CartComm createCart(int[] dims, boolean[] periods, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final GraphComm createGraph(int[] index, int[] edges, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final GraphComm createDistGraph(int[] sources, int[] degrees, int[] destinations, int[] weights, Info info, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final GraphComm createDistGraph(int[] sources, int[] degrees, int[] destinations, Info info, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final GraphComm createDistGraphAdjacent(int[] sources, int[] sourceWeights, int[] destinations, int[] destWeights, Info info, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final GraphComm createDistGraphAdjacent(int[] sources, int[] destinations, Info info, boolean reorder) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scan(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void scan(Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScan(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iScan(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void exScan(Object sendbuf, Object recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final void exScan(Object buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iExScan(Buffer sendbuf, Buffer recvbuf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request iExScan(Buffer buf, int count, Datatype type, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static String openPort() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static String openPort(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void closePort(String name) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm accept(String port, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm accept(String port, Info info, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm connect(String port, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm connect(String port, Info info, int root) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void publishName(String service, String port) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void publishName(String service, Info info, String port) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void unpublishName(String service, String port) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void unpublishName(String service, Info info, String port) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static String lookupName(String service) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static String lookupName(String service, Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm spawn(String command, String[] argv, int maxprocs, Info info, int root, int[] errcodes) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Intercomm spawnMultiple(String[] commands, String[][] argv, int[] maxprocs, Info[] info, int root, int[] errcodes) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
