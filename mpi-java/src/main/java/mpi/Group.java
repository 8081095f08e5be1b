package mpi;

/**
 * An ordered set of processes ({@code MPI_Group}): from {@link Comm#getGroup()}, combined
 * by the static set operations, narrowed by {@link #incl} and its kin. Freed with
 * {@link #free()}.
 */
public final class Group implements Freeable {
    /** An identifier of this group within the process (not a native MPI handle). */
    protected long handle;

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

    /**
     * The handle of {@link MPI#GROUP_EMPTY}.
     *
     * @return its identifier
     */
    protected static long getEmpty() {
        return MPI.GROUP_EMPTY.handle;
    }

    /**
     * A second object for the live group with identifier {@code handle}.
     *
     * @param handle the identifier
     */
    protected Group(long handle) {
        Group other = Handles.lookup(handle, Group.class);
        this.group = other.group;
        this.empty = other.empty;
        this.handle = handle;
    }

    /** The jmpi group behind this one; refused once freed. */
    org.jmpi.Group jmpi() throws MPIException {
        Lifecycle.check();
        if (empty && group == null) {
            synchronized (this) {
                if (group == null) {
                    try (org.jmpi.Group self = Lifecycle.mpi().self().group()) {
                        group = self.incl();
                    } catch (RuntimeException e) {
                        throw fail(e, "MPI_Group_incl");
                    }
                }
            }
        }
        if (group == null) {
            throw fail(Failure.arg(MPI.ERR_GROUP, "group: freed"), "group");
        }
        return group;
    }

    private static MPIException fail(RuntimeException e, String call) {
        return Failure.raise(MPI.COMM_WORLD.errhandler(), e, call);
    }

    private static org.jmpi.Group of(Group g, String arg) throws MPIException {
        if (g == null) {
            throw fail(Failure.arg(MPI.ERR_GROUP, arg + ": null"), "group");
        }
        return g.jmpi();
    }

    /**
     * The number of processes.
     *
     * @return the size
     * @throws MPIException if the group is freed
     */
    public int getSize() throws MPIException {
        return jmpi().size();
    }

    /**
     * This process's rank in the group.
     *
     * @return the rank, or {@link MPI#UNDEFINED} if this process is not a member
     * @throws MPIException if the group is freed
     */
    public int getRank() throws MPIException {
        return jmpi().rank();
    }

    /**
     * Frees the group ({@code MPI_Group_free}); it becomes null.
     *
     * @throws MPIException if it is predefined or already freed
     */
    @Override
    public void free() throws MPIException {
        org.jmpi.Group g = jmpi();
        if (empty) {
            throw fail(Failure.arg(MPI.ERR_GROUP, "group: MPI_GROUP_EMPTY cannot be freed"), "MPI_Group_free");
        }
        group = null;
        Handles.unregister(handle);
        try {
            g.close();
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_free");
        }
    }

    /**
     * Whether the group has been freed.
     *
     * @return whether it is null
     */
    public boolean isNull() {
        return !empty && group == null;
    }

    /**
     * The ranks in {@code group2} of the processes with ranks {@code ranks1} in
     * {@code group1} ({@code MPI_Group_translate_ranks}).
     *
     * @param group1 the first group
     * @param ranks1 ranks in it
     * @param group2 the second group
     * @return the ranks in {@code group2}, {@link MPI#UNDEFINED} for non-members
     * @throws MPIException if a rank is out of range
     */
    public static int[] translateRanks(Group group1, int[] ranks1, Group group2) throws MPIException {
        org.jmpi.Group a = of(group1, "group1");
        org.jmpi.Group b = of(group2, "group2");
        try {
            return a.translateRanks(ranks1, b);
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_translate_ranks");
        }
    }

    /**
     * Compares two groups ({@code MPI_Group_compare}).
     *
     * @param group1 one group
     * @param group2 another
     * @return {@link MPI#IDENT}, {@link MPI#SIMILAR} or {@link MPI#UNEQUAL}
     * @throws MPIException if either is freed
     */
    public static int compare(Group group1, Group group2) throws MPIException {
        org.jmpi.Group a = of(group1, "group1");
        org.jmpi.Group b = of(group2, "group2");
        try {
            return Comm.comparison(a.compare(b));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_compare");
        }
    }

    /**
     * The processes of either group, those of {@code group1} first ({@code MPI_Group_union}).
     *
     * @param group1 one group
     * @param group2 another
     * @return a new group
     * @throws MPIException if either is freed
     */
    public static Group union(Group group1, Group group2) throws MPIException {
        org.jmpi.Group a = of(group1, "group1");
        org.jmpi.Group b = of(group2, "group2");
        try {
            return new Group(a.union(b));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_union");
        }
    }

    /**
     * The processes of both groups, in {@code group1}'s order ({@code MPI_Group_intersection}).
     *
     * @param group1 one group
     * @param group2 another
     * @return a new group
     * @throws MPIException if either is freed
     */
    public static Group intersection(Group group1, Group group2) throws MPIException {
        org.jmpi.Group a = of(group1, "group1");
        org.jmpi.Group b = of(group2, "group2");
        try {
            return new Group(a.intersection(b));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_intersection");
        }
    }

    /**
     * The processes of {@code group1} not in {@code group2} ({@code MPI_Group_difference}).
     *
     * @param group1 one group
     * @param group2 another
     * @return a new group
     * @throws MPIException if either is freed
     */
    public static Group difference(Group group1, Group group2) throws MPIException {
        org.jmpi.Group a = of(group1, "group1");
        org.jmpi.Group b = of(group2, "group2");
        try {
            return new Group(a.difference(b));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_difference");
        }
    }

    /**
     * The processes with the given ranks, in that order ({@code MPI_Group_incl}).
     *
     * @param ranks distinct ranks of this group
     * @return a new group
     * @throws MPIException if a rank is out of range or repeated
     */
    public Group incl(int[] ranks) throws MPIException {
        org.jmpi.Group g = jmpi();
        try {
            return new Group(g.incl(ranks));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_incl");
        }
    }

    /**
     * The processes without the given ranks ({@code MPI_Group_excl}).
     *
     * @param ranks distinct ranks of this group
     * @return a new group
     * @throws MPIException if a rank is out of range or repeated
     */
    public Group excl(int[] ranks) throws MPIException {
        org.jmpi.Group g = jmpi();
        try {
            return new Group(g.excl(ranks));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_excl");
        }
    }

    /**
     * The processes in ranges of ranks, each {@code {first, last, stride}}
     * ({@code MPI_Group_range_incl}).
     *
     * @param ranges the ranges
     * @return a new group
     * @throws MPIException if a range is invalid
     */
    public Group rangeIncl(int[][] ranges) throws MPIException {
        org.jmpi.Group g = jmpi();
        try {
            return new Group(g.rangeIncl(ranges));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_range_incl");
        }
    }

    /**
     * The processes outside ranges of ranks, each {@code {first, last, stride}}
     * ({@code MPI_Group_range_excl}).
     *
     * @param ranges the ranges
     * @return a new group
     * @throws MPIException if a range is invalid
     */
    public Group rangeExcl(int[][] ranges) throws MPIException {
        org.jmpi.Group g = jmpi();
        try {
            return new Group(g.rangeExcl(ranges));
        } catch (RuntimeException e) {
            throw fail(e, "MPI_Group_range_excl");
        }
    }
}
