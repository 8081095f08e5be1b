package mpi;

import java.nio.*;

/** TODO. */
public final class Group implements Freeable {
    /** The jmpi group; null until first use for {@link MPI#GROUP_EMPTY}, and once freed. */
    private org.jmpi.Group group;
    private boolean empty;

    /** A group over a jmpi one, which it owns. */
    Group(org.jmpi.Group group) {
        this.group = group;
        this.handle = Handles.register(this);
    }

    /** {@link MPI#GROUP_EMPTY}, resolved when first used. */
    static Group empty() {
        Group g = new Group((org.jmpi.Group) null);
        g.empty = true;
        return g;
    }

    /** The jmpi group behind this one; refused once freed. */
    org.jmpi.Group jmpi() throws MPIException {
        Lifecycle.check();
        if (empty && group == null) {
            synchronized (this) {
                if (group == null) {
                    try (org.jmpi.Group world = Lifecycle.mpi().self().group()) {
                        group = world.incl();
                    } catch (RuntimeException e) {
                        throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Group_incl");
                    }
                }
            }
        }
        if (group == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_GROUP, "group: freed"), "group");
        }
        return group;
    }

    protected long handle;

    protected static long getEmpty() {
        throw new UnsupportedOperationException("not yet");
    }

    protected Group(long handle) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getSize() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public int getRank() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

    public static int[] translateRanks(Group group1, int[] ranks1, Group group2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int compare(Group group1, Group group2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Group union(Group group1, Group group2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Group intersection(Group group1, Group group2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static Group difference(Group group1, Group group2) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group incl(int[] ranks) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group excl(int[] ranks) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group rangeIncl(int[][] ranges) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group rangeExcl(int[][] ranges) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
