package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A communicator ({@code MPI_Comm}). Rank and size are read once and cached; every
 * call checks that MPI is running, the calling thread may call MPI and the
 * communicator has not been freed, before it goes native. A communicator with a topology
 * ({@link Topologies}) or an intercommunicator ({@link Intercommunicators}) is a
 * {@code Comm} like any other; on an intercommunicator rank and size describe the local
 * group and the ranks of messages and collectives those of the remote group.
 *
 * <p>This class holds the communicator itself (MPI 3.1 chapter 6: {@link #rank()},
 * {@link #size()}, {@link #dup()}, {@link #split}, {@link #splitShared},
 * {@link #create(Group)}, {@link #group()}, {@link #compare}, names, {@link #close()})
 * and {@link #barrier()}. Its other calls are grouped by chapter in the interfaces it
 * implements:
 * <ul>
 * <li>{@link PointToPoint}: blocking messages (chapter 3): {@code send}, {@code ssend},
 *     {@code rsend}, {@code bsend}, {@code recv}, {@code sendrecv}, {@code sendrecvReplace},
 *     {@code probe}, {@code iprobe}, {@code mprobe}, {@code improbe}.</li>
 * <li>{@link NonblockingPointToPoint}: nonblocking and persistent messages (chapter 3.7,
 *     3.9): {@code isend}, ..., {@code irecv}, {@code sendInit}, ..., {@code recvInit},
 *     returning {@link Request}s.</li>
 * <li>{@link Collectives}: blocking collectives with one count per buffer (chapter 5):
 *     {@code bcast}, {@code gather}, {@code scatter}, {@code allgather}, {@code alltoall},
 *     {@code reduce}, {@code allreduce}, {@code reduceScatterBlock}, {@code scan},
 *     {@code exscan}.</li>
 * <li>{@link VariableCollectives}: their v and w forms (chapter 5): {@code gatherv},
 *     {@code scatterv}, {@code allgatherv}, {@code alltoallv}, {@code alltoallw},
 *     {@code reduceScatter}.</li>
 * <li>{@link NonblockingCollectives}: {@code ibarrier}, {@code ibcast}, ..., every
 *     collective's nonblocking form (chapter 5.12), returning {@link Request}s.</li>
 * <li>{@link ObjectMessages}: Java objects as messages, like mpi4py's lowercase methods
 *     (no MPI counterpart): {@code sendObject}, {@code recvObject}, {@code bcastObject},
 *     {@code allgatherObject}, ...</li>
 * <li>{@link Caching}: attributes under a {@link Keyval}, predefined attributes and info
 *     hints (chapters 6.7, 6.4.4): {@code setAttr}, {@code getAttr}, {@code tagUpperBound},
 *     {@code setInfo}, {@code getInfo}, ...</li>
 * <li>{@link ErrorHandling}: the error handler (chapter 8.3): {@code setErrhandler},
 *     {@code getErrhandler}, {@code callErrhandler}.</li>
 * <li>{@link Topologies}: virtual topologies (chapter 7): {@code cartCreate},
 *     {@code graphCreate}, {@code distGraphCreate}, and {@code cart()}, {@code graph()},
 *     {@code distGraph()} to read them back.</li>
 * <li>{@link NeighborCollectives}: neighbourhood collectives (chapter 7.6), blocking and
 *     nonblocking: {@code neighborAllgather(v)}, {@code neighborAlltoall(v, w)}.</li>
 * <li>{@link Intercommunicators}: intercommunicators (chapter 6.6): {@code isInter},
 *     {@code remoteSize}, {@code remoteGroup}, {@code intercommCreate}, {@code merge}.</li>
 * <li>{@link Packing}: packing messages into a contiguous buffer (chapter 4.2):
 *     {@code pack}, {@code unpack}, {@code packSize}.</li>
 * <li>{@link DynamicProcesses}: process creation and connection (chapter 10):
 *     {@code spawn}, {@code spawnMultiple}, {@code accept}, {@code connect},
 *     {@code disconnect}; {@link #parent()} here.</li>
 * </ul>
 * One-sided communication (chapter 11) is {@link Win}, parallel I/O (chapter 13)
 * {@link MpiFile}, each created over a {@code Comm}.
 *
 * <p>On a virtual thread the blocking calls (point-to-point, probes, collectives,
 * {@link #dup()}, {@link Request} waits) do not block inside MPI, which would pin the
 * carrier thread and can deadlock virtual threads that wait for each other: they start
 * the nonblocking form and poll it, yielding and parking briefly in between (Java arrays
 * are staged in native memory for the call). {@link #split}, {@link #splitShared},
 * {@link #create}, {@link #createGroup} and {@link #dupWithInfo} have no nonblocking form
 * in MPI 3.1 and still block their carrier.
 *
 * <p>Java arrays (see {@link Buf}) and heap segments are never pinned: a blocking
 * call may wait as long as a peer makes it, and a pinned array (a critical downcall)
 * would keep the whole JVM from garbage collection meanwhile, stalling every thread that
 * allocates and possibly the thread that would release the call. Their data moves through
 * native memory kept per thread (up to 4 MiB per buffer; larger buffers are allocated
 * for the call), copied in before MPI reads it and out after MPI writes it, in pieces of
 * at most 1 MiB; MPI itself runs as an ordinary downcall, during which the JVM can reach
 * a safepoint. A nonblocking point-to-point call or matched receive copies the array
 * into native memory its request owns instead: when a send starts, and back into the
 * array when a receive completes (see {@link NonblockingPointToPoint}). Native
 * {@code MemorySegment}s are passed as they are, without a copy.
 */
public final class Comm implements PointToPoint, NonblockingPointToPoint, Collectives, VariableCollectives,
        NonblockingCollectives, Caching, ErrorHandling, ObjectMessages, Topologies,
        NeighborCollectives, Intercommunicators, DynamicProcesses, Packing, AutoCloseable {
    // The values of ANY_SOURCE, ANY_TAG, PROC_NULL and ROOT are the MPI's own, read when the
    // class loads (Open MPI and MPICH differ), so they are not compile-time constants.
    /** {@code MPI_ANY_SOURCE}: a receive that matches any sender. */
    public static final int ANY_SOURCE = Args.ANY_SOURCE;
    /** {@code MPI_ANY_TAG}: a receive that matches any tag. */
    public static final int ANY_TAG = Args.ANY_TAG;
    /** {@code MPI_PROC_NULL}: a peer that makes a send or receive a no-op. */
    public static final int PROC_NULL = Args.PROC_NULL;
    /**
     * {@code MPI_ROOT}: on an intercommunicator, the root argument of the one process that
     * roots a collective; the other processes of its group pass {@link #PROC_NULL}.
     */
    public static final int ROOT = Args.ROOT;
    /**
     * {@code MPI_IN_PLACE}: passed as the send buffer of a collective, the data is taken
     * from (and the result left in) the receive buffer, as each collective describes.
     * Refused everywhere else.
     */
    public static final MemorySegment IN_PLACE = Args.IN_PLACE;

    final MemorySegment handle;
    private final boolean predefined;
    final int rank;
    final int size;
    /** Whether this is an intercommunicator ({@code MPI_Comm_test_inter}). */
    final boolean inter;
    /** The ranks a message or collective addresses: the remote group's size on an intercommunicator, else size. */
    final int peers;
    private final String label;
    private final Freed freed;

    private Comm(MemorySegment handle, boolean predefined, String label) {
        this.handle = handle;
        this.predefined = predefined;
        this.label = label;
        this.freed = new Freed("communicator " + label);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 3);
            Errors.check(MpiCalls.MPI_Comm_rank(handle, out), "MPI_Comm_rank");
            Errors.check(MpiCalls.MPI_Comm_size(handle, out.asSlice(4)), "MPI_Comm_size");
            Errors.check(MpiCalls.MPI_Comm_test_inter(handle, out.asSlice(8)), "MPI_Comm_test_inter");
            this.rank = out.get(JAVA_INT, 0);
            this.size = out.get(JAVA_INT, 4);
            this.inter = out.get(JAVA_INT, 8) != 0;
            if (inter) {
                Errors.check(MpiCalls.MPI_Comm_remote_size(handle, out), "MPI_Comm_remote_size");
            }
            this.peers = inter ? out.get(JAVA_INT, 0) : size;
        }
    }

    static Comm predefined(MemorySegment handle, String name) {
        return new Comm(handle, true, name);
    }

    /** This process's rank in the communicator ({@code MPI_Comm_rank}). */
    public int rank() {
        return freed.live(rank);
    }

    /** The number of processes in the communicator ({@code MPI_Comm_size}). */
    public int size() {
        return freed.live(size);
    }

    /** {@code MPI_Barrier}: returns once every process of the communicator has entered it. */
    public void barrier() {
        check();
        if (Polling.needed()) {
            CollectiveCalls.ibarrier(this).waitFor();
            return;
        }
        Errors.check(MpiCalls.MPI_Barrier(handle), "MPI_Barrier");
    }

    /**
     * The communicator's name ({@code MPI_Comm_get_name}): {@code "MPI_COMM_WORLD"} and
     * {@code "MPI_COMM_SELF"} for the predefined ones, what {@link #name(String)} set, else
     * the MPI's default (often empty).
     */
    public String name() {
        check();
        return ObjectNames.get(handle, MpiCalls::MPI_Comm_get_name, "MPI_Comm_get_name");
    }

    // ---------------------------------------------------------------- communicator management

    /**
     * A communicator MPI created for this process, with its parent's error handler;
     * freed by close(); null for {@code MPI_COMM_NULL}.
     */
    static Comm created(MemorySegment out, String label) {
        MemorySegment h = Abi.getHandle(out);
        if (h.address() == Handles.COMM_NULL.address()) {
            return null;
        }
        Comm c = new Comm(h, false, label);
        Errhandler.inherited(c);
        return c;
    }

    /** A new communicator with the same group and a new context ({@code MPI_Comm_dup}); collective. */
    public Comm dup() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            if (Polling.needed()) {
                Request r = new Request();
                Errors.check(MpiCalls.MPI_Comm_idup(handle, out, r.slot), "MPI_Comm_idup");
                r.started(null).waitFor();
            } else {
                Errors.check(MpiCalls.MPI_Comm_dup(handle, out), "MPI_Comm_dup");
            }
            return created(out, "dup of " + label);
        }
    }

    /**
     * A new communicator with the same group and a new context, whose hints are
     * {@code info} rather than this communicator's ({@code MPI_Comm_dup_with_info});
     * collective. Attributes are copied as by {@link #dup()}; MPI keeps the hints it
     * knows ({@link #getInfo()} reads them). MPI has no nonblocking form, so on a virtual
     * thread it blocks the carrier, as {@link #split} does.
     */
    public Comm dupWithInfo(Info info) {
        check();
        MemorySegment hints = Objects.requireNonNull(info, "info").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Comm_dup_with_info(handle, hints, out), "MPI_Comm_dup_with_info");
            return created(out, "dup of " + label + " with info");
        }
    }

    /**
     * {@link #dupWithInfo(Info)} with the hints in {@code hints}, checked as {@link Info}
     * describes before MPI sees them; an empty map gives an empty info.
     */
    public Comm dupWithInfo(Map<String, String> hints) {
        check();
        try (Info info = Info.of(hints, "hints")) {
            return dupWithInfo(info);
        }
    }

    /**
     * Starts duplicating this communicator ({@code MPI_Comm_idup}); collective and
     * nonblocking. The new communicator exists once the returned
     * {@link PendingComm#request() request} completes: wait for it or test it (alone, with
     * other requests, or through its future), then take it with {@link PendingComm#get()},
     * and close it when done. The request cannot be closed before it completes.
     */
    public PendingComm idup() {
        check();
        MemorySegment out = Abi.allocateHandle(Arena.ofAuto());
        Abi.setHandle(out, 0, Handles.COMM_NULL);
        Request r = new Request();
        Errors.check(MpiCalls.MPI_Comm_idup(handle, out, r.slot), "MPI_Comm_idup");
        return new PendingComm(r.startedCollective(out, null), out, "idup of " + label);
    }

    /**
     * Splits into one communicator per {@code color}, ranked by {@code key} then by the
     * old rank ({@code MPI_Comm_split}); collective. A rank passing
     * {@link Group#UNDEFINED} as color gets {@code null}.
     */
    public Comm split(int color, int key) {
        check();
        if (color < 0 && color != Group.UNDEFINED) {
            throw new IllegalArgumentException("color: " + color + " must be >= 0 or Group.UNDEFINED");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Comm_split(handle, color, key, out), "MPI_Comm_split");
            return created(out, "split of " + label + " (color " + color + ")");
        }
    }

    /**
     * Splits into the groups of ranks that can share memory, i.e. one per node
     * ({@code MPI_Comm_split_type} with {@code MPI_COMM_TYPE_SHARED}); collective.
     */
    public Comm splitShared(int key) {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Comm_split_type(handle, MpiCalls.MPI_COMM_TYPE_SHARED(), key,
                    Handles.INFO_NULL, out), "MPI_Comm_split_type");
            return created(out, "shared-memory split of " + label);
        }
    }

    /**
     * A communicator of the members of {@code group}, a subset of this communicator's
     * group ({@code MPI_Comm_create}); collective over this communicator. Non-members get
     * {@code null}.
     */
    public Comm create(Group group) {
        check();
        Objects.requireNonNull(group, "group");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Comm_create(handle, group.handle(), out), "MPI_Comm_create");
            return created(out, "created from a group of " + label);
        }
    }

    /**
     * A communicator of the members of {@code group}, a subset of this communicator's
     * group ({@code MPI_Comm_create_group}); collective over the members of {@code group}
     * only, which all pass the same group and {@code tag} (groups created at the same time
     * must be disjoint or use different tags). A process outside {@code group} gets
     * {@code null} at once, without calling MPI (in C it would not call). MPI has no
     * nonblocking form, so on a virtual thread it blocks the carrier.
     *
     * @throws IllegalArgumentException if {@code tag} is not in [0, tag upper bound] or
     *                                  {@code group} holds a process outside this communicator
     * @throws IllegalStateException    on an intercommunicator, for which MPI does not define it
     */
    public Comm createGroup(Group group, int tag) {
        check();
        Objects.requireNonNull(group, "group");
        Args.tag(tag, "tag");
        if (inter) {
            throw new IllegalStateException("createGroup needs an intracommunicator; " + this
                    + " is an intercommunicator");
        }
        if (group.rank() == Group.UNDEFINED) {
            return null;
        }
        int[] members = new int[group.size()];
        Arrays.setAll(members, i -> i);
        try (Group mine = group()) {
            int[] here = group.translateRanks(members, mine);
            for (int i = 0; i < here.length; i++) {
                if (here[i] == Group.UNDEFINED) {
                    throw new IllegalArgumentException("group: its rank " + i + " is not a member of " + this);
                }
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Comm_create_group(handle, group.handle(), tag, out), "MPI_Comm_create_group");
            return created(out, "created from a group of " + label + " (tag " + tag + ")");
        }
    }

    /** The communicator's group ({@code MPI_Comm_group}); close it when done. */
    public Group group() {
        check();
        return Group.of(handle, MpiCalls::MPI_Comm_group, "MPI_Comm_group");
    }

    /** Compares with {@code other} ({@code MPI_Comm_compare}). */
    public Comparison compare(Comm other) {
        check();
        Objects.requireNonNull(other, "other").check();
        return Comparison.of(handle, other.handle, MpiCalls::MPI_Comm_compare, "MPI_Comm_compare");
    }

    /**
     * Names the communicator ({@code MPI_Comm_set_name}), for this process only: at most
     * {@code MPI_MAX_OBJECT_NAME - 1} UTF-8 bytes, no NUL.
     */
    public void name(String name) {
        check();
        ObjectNames.set(handle, name, MpiCalls::MPI_Comm_set_name, "MPI_Comm_set_name");
    }

    /** Whether this is a predefined communicator (world, self), which close() leaves alone. */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * Frees the communicator ({@code MPI_Comm_free}) exactly once; a no-op for the
     * predefined ones, which MPI_Finalize releases.
     */
    @Override
    public void close() {
        if (!predefined && !freed.isFreed()) {
            try {
                freed.free(handle, MpiCalls::MPI_Comm_free, "MPI_Comm_free");
            } finally {
                Errhandler.freed(this);
            }
        }
    }

    /**
     * The intercommunicator to the parents that spawned this process
     * ({@code MPI_Comm_get_parent}), or empty if it was not spawned (or has disconnected
     * from them). The same object every time until it is closed or disconnected.
     */
    public static Optional<Comm> parent() {
        return DynamicCalls.parent();
    }

    /** Frees the handle with {@code call} ({@code MPI_Comm_free} or {@code MPI_Comm_disconnect}) exactly once. */
    void release(ToIntFunction<MemorySegment> call, String name) {
        if (predefined) {
            check();
            throw new IllegalStateException(label + ": a predefined communicator cannot be released");
        }
        freed.free(handle, call, name);
    }

    /** The description used in messages and in the labels of communicators made from this one. */
    String label() {
        return label;
    }

    /** Whether the communicator has been freed or disconnected. */
    boolean isFreed() {
        return freed.isFreed();
    }

    /** Refuses the call unless MPI runs, the thread may call it and this communicator is live. */
    void check() {
        freed.check();
    }

    @Override
    public String toString() {
        return "Comm[" + label + ", rank " + rank + " of " + size + (inter ? ", remote size " + peers : "") + "]";
    }
}
