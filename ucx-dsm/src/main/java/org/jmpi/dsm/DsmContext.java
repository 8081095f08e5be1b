package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

import org.jmpi.Comm;
import org.jmpi.bindings.ucs.UcxLibrary;
import org.jmpi.bindings.ucx.ucp_h;

/**
 * A UCX context for distributed shared memory over the ranks of a communicator: one UCP
 * context (RMA and 32/64-bit atomics), one worker, and an endpoint to every rank
 * (itself included). {@link #create} and the allocation methods are collective over the
 * communicator, which must stay usable while the context is open. Several threads may
 * use a context. {@link #close()} is local, idempotent, and also closes the context's
 * windows; operations on a closed context or window throw {@link IllegalStateException}.
 */
public final class DsmContext implements AutoCloseable {
    /** System property that disables direct load/store access to peers when {@code false}. */
    public static final String DIRECT_PROPERTY = "jmpi.dsm.direct";
    /**
     * System property that, when {@code false}, stops the context from starting its
     * progress thread. The thread keeps operations moving that UCX emulates with
     * messages (memory it cannot reach one-sidedly, e.g. registered segments), so a peer's
     * access completes while this rank is busy elsewhere (say, in an MPI call).
     */
    public static final String PROGRESS_PROPERTY = "jmpi.dsm.progressThread";

    private final Comm comm;
    private final int rank;
    private final int size;
    private final boolean direct;
    private final UcpEndpoints ucp;
    private final MemorySegment worker;
    private final MemorySegment[] eps;
    /**
     * The ranks this context has given a UCP operation (set by {@link #ep} before the
     * first one, never cleared), and whether any: a flush to a rank that only ever had
     * direct loads and stores needs no UCP call and no lock, only the store fence. Plain
     * fields: the thread that issued an operation sees its own mark, and another thread
     * that learned of the operation through any synchronization sees it too.
     */
    private final boolean[] ucpUsed;
    private boolean anyUcpUsed;
    /**
     * Native sections hold it shared, close() exclusively. A StampedLock keeps no per-thread
     * hold counts, so several threads entering (the progress thread too) allocate nothing;
     * it is not reentrant, and no native section enters another.
     */
    final StampedLock guard = new StampedLock();
    final Lock shared = guard.asReadLock();
    final Lock exclusiveLock = guard.asWriteLock();
    private final Set<Window> windows = ConcurrentHashMap.newKeySet();
    private final Set<DsmRequest> pending = ConcurrentHashMap.newKeySet();
    /** The pending requests whose futures someone asked for: the progress passes complete them. */
    private final Set<DsmRequest> watched = ConcurrentHashMap.newKeySet();
    private final DsmRequest completed = DsmRequest.completed(this);
    private volatile boolean closed;
    private ProgressThread progressThread;

    private DsmContext(Comm comm, boolean direct, UcpEndpoints ucp) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
        this.direct = direct;
        this.ucp = ucp;
        this.worker = ucp.worker;
        this.eps = ucp.eps;
        this.ucpUsed = new boolean[eps.length];
    }

    /**
     * Creates a context over {@code comm} (collective). Direct load/store access to peers
     * is on unless the system property {@value #DIRECT_PROPERTY} is {@code false}.
     */
    public static DsmContext create(Comm comm) {
        return create(comm, !"false".equalsIgnoreCase(System.getProperty(DIRECT_PROPERTY)));
    }

    /**
     * Creates a context over {@code comm} (collective); {@code direct} allows load/store
     * access to peers' windows where UCX can map them ({@code ucp_rkey_ptr}).
     *
     * @throws UcxException if UCX fails on this rank
     * @throws IllegalStateException if UCX failed on another rank, or (before UCX starts)
     *                               {@code comm} was freed or MPI is not running
     */
    public static DsmContext create(Comm comm, boolean direct) {
        Objects.requireNonNull(comm, "comm").size(); // refuses a freed comm or MPI not running, before UCX starts
        UcxLibrary.load();
        DsmContext dsm = new DsmContext(comm, direct, UcpEndpoints.create(comm));
        if (dsm.ucp.multiThreaded && !"false".equalsIgnoreCase(System.getProperty(PROGRESS_PROPERTY))) {
            dsm.progressThread = ProgressThread.start(dsm);
        }
        return dsm;
    }

    /** This rank's index in the context's communicator. */
    public int rank() {
        return rank;
    }

    /** The number of ranks. */
    public int size() {
        return size;
    }

    /** The communicator the context was created over. */
    public Comm comm() {
        return comm;
    }

    /** Whether direct load/store access to peers' windows is allowed. */
    public boolean directEnabled() {
        return direct;
    }

    /** Whether UCX granted the worker {@code UCS_THREAD_MODE_MULTI}. */
    public boolean multiThreaded() {
        return ucp.multiThreaded;
    }

    /** Whether the context has been closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Allocates a symmetric window of {@code bytes} on every rank in memory UCX allocates
     * (collective; every rank must pass the same size, else every rank throws
     * {@link IllegalArgumentException}). The memory starts zeroed.
     */
    public Window allocate(long bytes) {
        return Window.allocate(this, bytes);
    }

    /**
     * Registers each rank's native {@code segment} as its part of a window (collective;
     * sizes may differ per rank). The caller keeps the segment alive until the window
     * is closed. A null, heap or empty segment on any rank makes every rank throw.
     */
    public Window register(MemorySegment segment) {
        return Window.register(this, segment);
    }

    /** Creates a distributed lock over this context (collective). */
    public DsmLock createLock() {
        return new DsmLock(this);
    }

    /**
     * Progresses outstanding operations once ({@code ucp_worker_progress}) and completes the
     * futures of requests that finished; returns whether anything progressed.
     */
    public boolean progress() {
        enter();
        try {
            return progressEntered();
        } finally {
            exit();
        }
    }

    /** Completes every operation this rank issued, at its target ({@code ucp_worker_flush_nbx}). */
    public void flush() {
        if (!anyUcpUsed) {
            directFlush();
            return;
        }
        enter();
        try {
            flushWorker();
        } finally {
            exit();
        }
    }

    /** Same as {@link #flush()}: OpenSHMEM's {@code quiet}. */
    public void quiet() {
        flush();
    }

    /** Completes every operation this rank issued to {@code target}, at the target. */
    public void flush(int target) {
        checkRank(target);
        if (!ucpUsed[target]) {
            directFlush();
            return;
        }
        enter();
        try {
            fenceDirectStores();
            Ucx.await(worker, ucp_h.ucp_ep_flush_nbx(eps[target], CallScratch.NO_PARAMS), "ucp_ep_flush_nbx");
        } finally {
            exit();
        }
    }

    /** Orders operations issued before it before those issued after it, without waiting ({@code ucp_worker_fence}). */
    public void fence() {
        enter();
        try {
            fenceDirectStores();
            Ucx.check(ucp_h.ucp_worker_fence(worker), "ucp_worker_fence");
        } finally {
            exit();
        }
    }

    /**
     * Flushes every operation of this rank, then barriers on the communicator: what any
     * rank wrote before the barrier is visible to every rank after it (collective).
     */
    public void barrier() {
        flush();
        comm.barrier();
        VarHandle.fullFence();
    }

    /**
     * Closes the windows of this context, flushes, closes the endpoints and destroys the
     * worker and the UCP context. Idempotent; local (no communication over the Comm).
     */
    @Override
    public void close() {
        ProgressThread p = progressThread;
        if (p != null) {
            p.stop();
        }
        exclusiveLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (DsmRequest r : pending) {
                r.finishForClose();
            }
            pending.clear();
            try {
                flushWorker();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            for (Window w : windows) {
                w.release();
            }
            windows.clear();
            ucp.close();
        } finally {
            exclusiveLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DsmContext[rank " + rank + " of " + size + (closed ? ", closed" : "") + "]";
    }

    // ---- package-private plumbing for Window, DsmRequest, DsmLock, ProgressThread ----

    MemorySegment worker() {
        return worker;
    }

    MemorySegment ucpContext() {
        return ucp.context;
    }

    /** One {@code ucp_worker_progress}, then a check of the requests bound to futures; the caller has entered. */
    boolean progressEntered() {
        boolean busy = ucp_h.ucp_worker_progress(worker) != 0;
        if (!watched.isEmpty()) {
            for (DsmRequest r : watched) {
                r.check();
            }
        }
        return busy;
    }

    /** The endpoint to {@code r} for a UCP operation (RMA or atomic), marking {@code r} as used. */
    MemorySegment ep(int r) {
        if (!ucpUsed[r]) {
            ucpUsed[r] = true;
            anyUcpUsed = true;
        }
        return eps[r];
    }

    /** The endpoint to {@code r} for anything but an operation (unpacking a key). */
    MemorySegment endpoint(int r) {
        return eps[r];
    }

    /** A flush with nothing of UCP's to complete: the fence of the direct stores, on an open context. */
    private void directFlush() {
        if (closed) {
            throw new IllegalStateException("DSM context is closed");
        }
        fenceDirectStores();
    }

    void flushWorker() {
        fenceDirectStores();
        Ucx.await(worker, ucp_h.ucp_worker_flush_nbx(worker, CallScratch.NO_PARAMS), "ucp_worker_flush_nbx");
    }

    /**
     * Orders this thread's earlier loads and stores to mapped peer memory before every
     * later store of it (a release fence): a peer that sees a later store of this thread,
     * a signal, a lock release or a flag, sees the data. That is the promise UCX's own
     * shared-memory flush keeps for C callers (a store fence, which x86's total store order
     * makes free): the stores become visible in order as they leave the core, and no later
     * operation of this rank can be seen before them. It does not order them before later
     * loads of this thread (a full fence would; the atomics, CPU atomics that fence on
     * their own, do). Without direct access every access is a UCP call, which UCX orders.
     */
    private void fenceDirectStores() {
        if (direct) {
            VarHandle.releaseFence();
        }
    }

    /** Enters a native section: refuses a closed context and keeps close() out until {@link #exit()}. */
    void enter() {
        shared.lock();
        if (closed) {
            shared.unlock();
            throw new IllegalStateException("DSM context is closed");
        }
    }

    void exit() {
        shared.unlock();
    }

    /** Runs {@code action} with the context to itself; skipped (returns false) if the context is closed. */
    boolean exclusive(Runnable action) {
        exclusiveLock.lock();
        try {
            if (closed) {
                return false;
            }
            action.run();
            return true;
        } finally {
            exclusiveLock.unlock();
        }
    }

    void checkRank(int r) {
        if (r < 0 || r >= size) {
            throw new IndexOutOfBoundsException("rank " + r + " out of range [0, " + size + ")");
        }
    }

    void add(Window w) {
        windows.add(w);
    }

    void remove(Window w) {
        windows.remove(w);
    }

    /** The request returned for operations that completed when they were started. */
    DsmRequest completedRequest() {
        return completed;
    }

    void add(DsmRequest r) {
        pending.add(r);
    }

    void remove(DsmRequest r) {
        pending.remove(r);
    }

    /** Has the progress passes complete {@code r}, a pending request bound to a future. */
    void watch(DsmRequest r) {
        watched.add(r);
    }

    void unwatch(DsmRequest r) {
        watched.remove(r);
    }
}
