package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.MpiState;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A window for one-sided communication ({@code MPI_Win}): memory of each process of a
 * communicator that the others read and write with {@link OneSided put/get/accumulate},
 * {@link OneSidedAtomics atomics} and {@link OneSidedRequests request-based} calls,
 * between {@link WinSync synchronization} calls.
 *
 * <pre>{@code
 * try (Win win = Win.allocate(world, 8L * world.size(), Long.BYTES)) {
 *     long[] mine = {world.rank()};
 *     win.fence();
 *     win.put(mine, (world.rank() + 1) % world.size(), world.rank());   // one INT64
 *     win.fence();                         // the neighbour's value is now in win.memory()
 *     win.lockAll();
 *     long ticket = win.fetchAndOp(JAVA_LONG, 1, 0, 0, Op.SUM);        // 64-bit, from the layout
 *     win.unlockAll();
 * }
 * }</pre>
 *
 * <h2>Creation flavors</h2>
 * {@link #create} exposes a native segment of the caller ({@link WinFlavor#CREATE}),
 * {@link #allocate} memory MPI allocates ({@link #memory()}, valid until the window is
 * closed), {@link #allocateShared} memory that processes of one node also load and store
 * directly ({@link #sharedQuery}), {@link #createDynamic} memory attached and detached
 * later, addressed by {@link #address(MemorySegment)}. Creation is collective; each
 * creation but the dynamic one also gathers every process's window size and displacement
 * unit, so a call whose target range falls outside the target's window is refused before
 * it reaches MPI. Info hints are a {@code Map<String, String>} (null for none).
 *
 * <h2>Buffers</h2>
 * Origin and result buffers are messages, a Java array or a {@link Buf}, or segments
 * with a datatype. A native segment is used in place: MPI may read or write it until the
 * synchronization that completes the call, so the window keeps it reachable until then,
 * and that synchronization refuses to run if its arena was closed meanwhile. An array
 * (or a heap segment) is never given to MPI, since it may move: the call copies its data
 * to native memory, so the array may be reused as soon as the call returns; data MPI
 * fetches into such a copy (get, getAccumulate, the atomics) are copied into the array by
 * the synchronization that completes the call (fence, complete, unlock, unlockAll, a
 * flush of its target, close), which then frees the copy: read the array after it, not
 * before. A request-based call's copy belongs to its request and is copied back when the
 * request completes. The single-value atomics take a layout and a Java value
 * ({@code fetchAndOp(JAVA_LONG, 1, ...)}), never a width guessed from a literal.
 *
 * <h2>Errors and lifetime</h2>
 * The window returns errors ({@code MPI_ERRORS_RETURN}) as {@link MpiException}s; a
 * handler from {@link Errhandler#forWin} set with {@link #setErrhandler} runs first.
 * {@link #close()} frees it ({@code MPI_Win_free}, collective) exactly once, refused while
 * this process has an epoch open; any use after is an {@link IllegalStateException}. With
 * Open MPI 4.1 as Debian configures it (osc/pt2pt excluded), {@link #create} and
 * {@link #createDynamic} on a communicator of a single process fail with
 * {@code MPI_ERR_WIN}; {@link #allocate} and {@link #allocateShared} work there. Open MPI
 * before 4.1.5 can crash in compare-and-swap on windows its osc/rdma component serves
 * (every flavor but shared, with several processes); there compare-and-swap is refused
 * with an {@link UnsupportedOperationException}, and a window from
 * {@link #allocateShared} supports it.
 */
public final class Win implements OneSided, OneSidedAtomics, OneSidedRequests, WinSync, ErrorHandling,
        AutoCloseable {
    final MemorySegment handle;
    final int rank;
    final int size;
    final WinFlavor flavor;
    final WinEpochs epochs;
    final WinHolds holds = new WinHolds();
    /** Why compare-and-swap is refused on this window (a crash of the MPI library), or null. */
    final String casRefusal;
    final WinTargets targets;
    private final MemorySegment memory;
    /** Owns the views of MPI-allocated memory and the atomics' scratch; closed after MPI_Win_free. */
    private final Arena arena = Arena.ofShared();
    private final ThreadLocal<MemorySegment> scratch;
    private final List<MemorySegment> attached = new ArrayList<>();
    private final Freed freed = new Freed("window");

    private Win(MemorySegment handle, Comm comm, WinFlavor flavor, MemorySegment memory, long bytes,
                WinTargets targets) {
        this.handle = handle;
        this.rank = comm.rank;
        this.size = comm.size;
        this.flavor = flavor;
        this.targets = targets;
        this.epochs = new WinEpochs(comm.size);
        this.scratch = ThreadLocal.withInitial(() -> arena.allocate(JAVA_LONG, 4));
        this.memory = flavor == WinFlavor.CREATE || memory == null ? memory : NativeAccess.sized(memory, bytes, arena, null);
        this.casRefusal = WinQuirks.compareAndSwapRefusal(handle, size);
    }

    // ---------------------------------------------------------------- creation

    /**
     * A window over {@code memory}, a native, writable segment of the caller
     * ({@code MPI_Win_create}); collective over {@code comm}. A target displacement counts
     * in units of {@code dispUnit} bytes. The segment's arena must stay open until the
     * window is closed.
     */
    public static Win create(Comm comm, MemorySegment memory, int dispUnit) {
        return create(comm, memory, dispUnit, null);
    }

    /** {@link #create(Comm, MemorySegment, int)} with info hints ({@code null} for none). */
    public static Win create(Comm comm, MemorySegment memory, int dispUnit, Map<String, String> info) {
        checkComm(comm);
        Args.writable(memory, "memory");
        if (!memory.isNative()) {
            throw new IllegalArgumentException("memory: a window needs a native segment; a heap array may move"
                    + " while other processes access it (use Win.allocate, or an Arena-allocated segment)");
        }
        return open(comm, WinFlavor.CREATE, memory, memory.byteSize(), dispUnit, info);
    }

    /**
     * A window over {@code bytes} bytes that MPI allocates on each process
     * ({@code MPI_Win_allocate}); collective. {@link #memory()} is this process's part,
     * valid until the window is closed.
     */
    public static Win allocate(Comm comm, long bytes, int dispUnit) {
        return allocate(comm, bytes, dispUnit, null);
    }

    /** {@link #allocate(Comm, long, int)} with info hints ({@code null} for none). */
    public static Win allocate(Comm comm, long bytes, int dispUnit, Map<String, String> info) {
        checkComm(comm);
        return open(comm, WinFlavor.ALLOCATE, null, bytes, dispUnit, info);
    }

    /**
     * A window over {@code bytes} bytes per process of shared memory
     * ({@code MPI_Win_allocate_shared}); collective over {@code comm}, whose processes must
     * share memory (one node: see {@link Comm#splitShared}). {@link #sharedQuery} maps
     * another process's part for direct loads and stores. Hint
     * {@code alloc_shared_noncontig=true} lets MPI place the parts apart.
     */
    public static Win allocateShared(Comm comm, long bytes, int dispUnit) {
        return allocateShared(comm, bytes, dispUnit, null);
    }

    /** {@link #allocateShared(Comm, long, int)} with info hints ({@code null} for none). */
    public static Win allocateShared(Comm comm, long bytes, int dispUnit, Map<String, String> info) {
        checkComm(comm);
        return open(comm, WinFlavor.SHARED, null, bytes, dispUnit, info);
    }

    /**
     * A window with no memory yet ({@code MPI_Win_create_dynamic}); collective. Memory is
     * {@link #attach attached} locally, and a target displacement is the target's
     * {@link #address(MemorySegment) address} of the location (displacement unit 1).
     */
    public static Win createDynamic(Comm comm) {
        return createDynamic(comm, null);
    }

    /** {@link #createDynamic(Comm)} with info hints ({@code null} for none). */
    public static Win createDynamic(Comm comm, Map<String, String> info) {
        checkComm(comm);
        return open(comm, WinFlavor.DYNAMIC, null, 0, 1, info);
    }

    private static void checkComm(Comm comm) {
        Objects.requireNonNull(comm, "comm").check();
    }

    private static Win open(Comm comm, WinFlavor flavor, MemorySegment memory, long bytes, int dispUnit,
                            Map<String, String> info) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
        if (dispUnit <= 0) {
            throw new IllegalArgumentException("dispUnit must be positive, got " + dispUnit);
        }
        try (Info hints = Info.temporary(info == null ? Map.of() : info, "info"); Arena a = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(a);
            MemorySegment base = a.allocate(ADDRESS);
            MemorySegment c = comm.handle;
            MemorySegment i = hints.handle();
            int rc = switch (flavor) {
                case CREATE -> MpiCalls.MPI_Win_create(memory, bytes, dispUnit, i, c, out);
                case ALLOCATE -> MpiCalls.MPI_Win_allocate(bytes, dispUnit, i, c, base, out);
                case SHARED -> MpiCalls.MPI_Win_allocate_shared(bytes, dispUnit, i, c, base, out);
                case DYNAMIC -> MpiCalls.MPI_Win_create_dynamic(i, c, out);
            };
            if (rc != 0) {
                throw failed(rc, flavor, comm);
            }
            MemorySegment h = Abi.getHandle(out);
            try {
                Errors.check(MpiCalls.MPI_Win_set_errhandler(h, Handles.ERRORS_RETURN), "MPI_Win_set_errhandler");
                boolean allocated = flavor == WinFlavor.ALLOCATE || flavor == WinFlavor.SHARED;
                WinTargets targets = flavor == WinFlavor.DYNAMIC ? WinTargets.unknown(comm.size)
                        : WinTargets.gather(comm, bytes, dispUnit);
                return new Win(h, comm, flavor, allocated ? base.get(ADDRESS, 0) : memory, bytes, targets);
            } catch (RuntimeException e) {
                MemorySegment slot = Abi.handles(a, h);
                MpiCalls.MPI_Win_free(slot);
                throw e;
            }
        }
    }

    private static MpiException failed(int rc, WinFlavor flavor, Comm comm) {
        String call = switch (flavor) {
            case CREATE -> "MPI_Win_create";
            case ALLOCATE -> "MPI_Win_allocate";
            case SHARED -> "MPI_Win_allocate_shared";
            case DYNAMIC -> "MPI_Win_create_dynamic";
        };
        if (comm.size == 1 && (flavor == WinFlavor.CREATE || flavor == WinFlavor.DYNAMIC)) {
            call += " on a one-process communicator (this Open MPI may have no one-sided component for one:"
                    + " osc/rdma needs a BTL with RDMA to every member, osc/pt2pt may be excluded or refuse"
                    + " THREAD_MULTIPLE; Win.allocate works there)";
        }
        return Errors.exception(rc, call);
    }

    // ---------------------------------------------------------------- memory

    /**
     * This process's window memory: the segment given to {@link #create}, or the memory MPI
     * allocated for {@link #allocate} and {@link #allocateShared}, valid until the window
     * is closed. Local loads and stores must be separated from RMA by synchronization.
     *
     * @throws IllegalStateException for a dynamic window, which has only attached memory
     */
    public MemorySegment memory() {
        check();
        if (memory == null) {
            throw new IllegalStateException("memory: a dynamic window has no memory of its own; see attach()");
        }
        return memory;
    }

    /**
     * The shared memory of process {@code rank} of this window, for direct loads and
     * stores ({@code MPI_Win_shared_query}); {@link Comm#PROC_NULL} gives the part of the
     * lowest rank with a non-empty part. Valid until the window is closed.
     *
     * @throws IllegalStateException unless the window came from {@link #allocateShared}
     */
    public MemorySegment sharedQuery(int rank) {
        check();
        if (flavor != WinFlavor.SHARED) {
            throw new IllegalStateException("sharedQuery: only a window from allocateShared has shared memory;"
                    + " this one's flavor is " + flavor);
        }
        Args.dest(rank, size, "rank");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment bytes = a.allocate(JAVA_LONG);
            MemorySegment unit = a.allocate(JAVA_INT);
            MemorySegment base = a.allocate(ADDRESS);
            Errors.check(MpiCalls.MPI_Win_shared_query(handle, rank, bytes, unit, base), "MPI_Win_shared_query");
            return NativeAccess.sized(base.get(ADDRESS, 0), bytes.get(JAVA_LONG, 0), arena, null);
        }
    }

    /**
     * Attaches {@code memory}, a native writable segment, to this dynamic window
     * ({@code MPI_Win_attach}); local. Other processes reach it at displacement
     * {@link #address(MemorySegment) address(memory)} plus an offset, which this process
     * must tell them. Regions attached to one window must not overlap; the segment's arena
     * must stay open until it is detached.
     */
    public void attach(MemorySegment memory) {
        checkDynamic("attach");
        Args.writable(memory, "memory");
        if (!memory.isNative()) {
            throw new IllegalArgumentException("memory: only a native segment can be attached; a heap array may move");
        }
        synchronized (attached) {
            for (MemorySegment m : attached) {
                if (memory.address() < m.address() + m.byteSize() && m.address() < memory.address() + memory.byteSize()) {
                    throw new IllegalArgumentException("memory: overlaps a region already attached to this window");
                }
            }
            Errors.check(MpiCalls.MPI_Win_attach(handle, memory, memory.byteSize()), "MPI_Win_attach");
            attached.add(memory);
        }
    }

    /** Whether one region attached to this dynamic window holds the addresses {@code [first, end)}. */
    boolean attachedCovers(long first, long end) {
        synchronized (attached) {
            for (MemorySegment m : attached) {
                if (first >= m.address() && end <= m.address() + m.byteSize()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Detaches a region attached by {@link #attach} ({@code MPI_Win_detach}); local. */
    public void detach(MemorySegment memory) {
        checkDynamic("detach");
        Objects.requireNonNull(memory, "memory");
        synchronized (attached) {
            int i = 0;
            while (i < attached.size() && !(attached.get(i).address() == memory.address()
                    && attached.get(i).byteSize() == memory.byteSize())) {
                i++;
            }
            if (i == attached.size()) {
                throw new IllegalArgumentException("memory: not a region attached to this window (address "
                        + memory.address() + ", " + memory.byteSize() + " bytes)");
            }
            Errors.check(MpiCalls.MPI_Win_detach(handle, attached.get(i)), "MPI_Win_detach");
            attached.remove(i);
        }
    }

    private void checkDynamic(String call) {
        check();
        if (flavor != WinFlavor.DYNAMIC) {
            throw new IllegalStateException(call + ": only a window from createDynamic takes attached memory;"
                    + " this one's flavor is " + flavor);
        }
    }

    /**
     * The address of the first byte of a native segment ({@code MPI_Get_address}): the
     * target displacement of that byte in a dynamic window it is attached to.
     */
    public static long address(MemorySegment memory) {
        MpiState.checkCall();
        Args.segment(memory, "memory");
        if (!memory.isNative()) {
            throw new IllegalArgumentException("memory: a heap segment has no fixed address");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_LONG);
            Errors.check(MpiCalls.MPI_Get_address(memory, out), "MPI_Get_address");
            return out.get(JAVA_LONG, 0);
        }
    }

    // ---------------------------------------------------------------- attributes

    /** The address of this process's window memory ({@code MPI_WIN_BASE}); 0 for a dynamic window. */
    public long base() {
        return attribute(MpiCalls.MPI_WIN_BASE(), 0);
    }

    /** The size in bytes of this process's window memory ({@code MPI_WIN_SIZE}). */
    public long size() {
        return attribute(MpiCalls.MPI_WIN_SIZE(), 8);
    }

    /** The displacement unit in bytes of this process's window ({@code MPI_WIN_DISP_UNIT}). */
    public int dispUnit() {
        return (int) attribute(MpiCalls.MPI_WIN_DISP_UNIT(), 4);
    }

    /** How the window was created ({@code MPI_WIN_CREATE_FLAVOR}). */
    public WinFlavor flavor() {
        return WinFlavor.of((int) attribute(MpiCalls.MPI_WIN_CREATE_FLAVOR(), 4));
    }

    /** The window's memory model ({@code MPI_WIN_MODEL}). */
    public MemoryModel model() {
        return MemoryModel.of((int) attribute(MpiCalls.MPI_WIN_MODEL(), 4));
    }

    /** A predefined attribute: the pointer itself ({@code bytes} 0), or the long or int it points to. */
    private long attribute(int keyval, int bytes) {
        check();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment value = a.allocate(ADDRESS);
            MemorySegment flag = a.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Win_get_attr(handle, keyval, value, flag), "MPI_Win_get_attr");
            if (flag.get(JAVA_INT, 0) == 0) {
                throw new IllegalStateException("MPI_Win_get_attr: MPI did not set attribute " + keyval);
            }
            MemorySegment v = value.get(ADDRESS, 0);
            return switch (bytes) {
                case 0 -> v.address();
                case 4 -> NativeAccess.sized(v, 4).get(JAVA_INT, 0);
                default -> NativeAccess.sized(v, 8).get(JAVA_LONG, 0);
            };
        }
    }

    /** The group of the processes that share this window ({@code MPI_Win_get_group}); close it when done. */
    public Group group() {
        check();
        return Group.of(handle, MpiCalls::MPI_Win_get_group, "MPI_Win_get_group");
    }

    /** The hints MPI uses for this window ({@code MPI_Win_get_info}), as a map. */
    public Map<String, String> info() {
        try (Info got = getInfo()) {
            return got.toMap();
        }
    }

    /** The hints MPI uses for this window, as a new {@link Info} to close ({@code MPI_Win_get_info}). */
    public Info getInfo() {
        check();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(a);
            Errors.check(MpiCalls.MPI_Win_get_info(handle, out), "MPI_Win_get_info");
            return Info.owned(Abi.getHandle(out));
        }
    }

    /**
     * Sets hints on the window ({@code MPI_Win_set_info}); collective. MPI keeps the ones
     * it knows and may ignore the others ({@link #getInfo()} tells).
     */
    public void setInfo(Info info) {
        check();
        Errors.check(MpiCalls.MPI_Win_set_info(handle, Objects.requireNonNull(info, "info").handle()),
                "MPI_Win_set_info");
    }

    /** Sets the hints in {@code hints} ({@code MPI_Win_set_info}); see {@link Info} for the limits. */
    public void setInfo(Map<String, String> hints) {
        check();
        try (Info info = Info.of(hints, "hints")) {
            setInfo(info);
        }
    }

    /** The window's name ({@code MPI_Win_get_name}): what {@link #name(String)} set, else the MPI's default. */
    public String name() {
        check();
        return ObjectNames.get(handle, MpiCalls::MPI_Win_get_name, "MPI_Win_get_name");
    }

    /**
     * Names the window ({@code MPI_Win_set_name}), for this process only: at most
     * {@code MPI_MAX_OBJECT_NAME - 1} UTF-8 bytes, no NUL.
     */
    public void name(String name) {
        check();
        ObjectNames.set(handle, name, MpiCalls::MPI_Win_set_name, "MPI_Win_set_name");
    }

    /**
     * The window size in bytes of process {@code rank}, as gathered at creation.
     *
     * @throws IllegalStateException for a dynamic window, whose size is what is attached
     */
    public long targetSize(int rank) {
        check();
        return targets.bytes(rank, "targetSize");
    }

    /** The displacement unit of process {@code rank}, as gathered at creation (1 for a dynamic window). */
    public int targetDispUnit(int rank) {
        check();
        return targets.unit(rank, "targetDispUnit");
    }

    // ---------------------------------------------------------------- package

    /**
     * Caches {@code value} (not null) under a window {@code keyval} ({@code MPI_Win_set_attr});
     * an old value is deleted first, and {@link #close()} deletes what is left.
     */
    public <T> void setAttr(Keyval<T> keyval, T value) {
        check();
        AttrTarget.WIN.set(handle, Objects.requireNonNull(keyval, "keyval"), value);
    }

    /** The value cached under {@code keyval}, or empty ({@code MPI_Win_get_attr}). */
    public <T> Optional<T> getAttr(Keyval<T> keyval) {
        check();
        return AttrTarget.WIN.get(handle, Objects.requireNonNull(keyval, "keyval"));
    }

    /** Deletes the value cached under {@code keyval} ({@code MPI_Win_delete_attr}); false if there was none. */
    public boolean deleteAttr(Keyval<?> keyval) {
        check();
        return AttrTarget.WIN.delete(handle, Objects.requireNonNull(keyval, "keyval"));
    }

    /**
     * Refuses a call unless MPI runs, the thread may call it, the window is live and the
     * memory given to {@link #create} still has its arena.
     */
    void check() {
        freed.check();
        if (flavor == WinFlavor.CREATE && !memory.scope().isAlive()) {
            throw new IllegalStateException("window: the arena of its memory was closed while the window is live;"
                    + " close the window first");
        }
    }

    /** This thread's 32 bytes of native scratch for the single-value atomics, live as long as the window. */
    MemorySegment scratch() {
        return scratch.get();
    }

    /**
     * Frees the window ({@code MPI_Win_free}), collectively, exactly once; later calls do
     * nothing. Memory from {@link #allocate} and {@link #allocateShared} becomes invalid.
     *
     * @throws IllegalStateException if this process still has an epoch open on the window,
     *                               or a call on it lost a buffer's arena before completing
     *                               (freeing would complete it from freed memory)
     */
    @Override
    public void close() {
        if (freed.isFreed()) {
            return;
        }
        epochs.checkIdle();
        holds.check(WinHolds.ALL, "close");
        try {
            freed.free(handle, MpiCalls::MPI_Win_free, "MPI_Win_free");
        } finally {
            Errhandler.freed(this);
        }
        holds.release(WinHolds.ALL);
        arena.close();
    }

    @Override
    public String toString() {
        return "Win[" + flavor + ", rank " + rank + " of " + size + "]";
    }
}
