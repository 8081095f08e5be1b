package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

import org.jmpi.Comm;
import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucs.UcxLibrary;
import org.jmpi.bindings.ucx.ucp_ep_params;
import org.jmpi.bindings.ucx.ucp_h;
import org.jmpi.bindings.ucx.ucp_params;
import org.jmpi.bindings.ucx.ucp_request_param_t;
import org.jmpi.bindings.ucx.ucp_worker_attr;
import org.jmpi.bindings.ucx.ucp_worker_params;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

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
    private static final long MAX_IDLE_NANOS = 1_000_000L;
    private static final long MAX_DEFER_NANOS = 10_000_000L;
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    private final Comm comm;
    private final int rank;
    private final int size;
    private final boolean direct;
    private final MemorySegment context;
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
    private final boolean multiThreaded;
    /**
     * Native sections hold it shared, close() exclusively. A StampedLock keeps no per-thread
     * hold counts, so several threads entering (the progress thread too) allocate nothing;
     * it is not reentrant, and no native section enters another.
     */
    private final StampedLock guard = new StampedLock();
    private final Lock shared = guard.asReadLock();
    private final Lock exclusiveLock = guard.asWriteLock();
    private final Set<Window> windows = ConcurrentHashMap.newKeySet();
    private final Set<RmaRequest> pending = ConcurrentHashMap.newKeySet();
    private final RmaRequest completed = RmaRequest.completed(this);
    private volatile boolean closed;
    private volatile boolean stopProgress;
    private Thread progressThread;

    private DsmContext(Comm comm, boolean direct, MemorySegment context, MemorySegment worker,
                       MemorySegment[] eps, boolean multiThreaded) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
        this.direct = direct;
        this.context = context;
        this.worker = worker;
        this.eps = eps;
        this.ucpUsed = new boolean[eps.length];
        this.multiThreaded = multiThreaded;
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
        MemorySegment ctx = MemorySegment.NULL;
        MemorySegment wrk = MemorySegment.NULL;
        byte[] address = null;
        boolean multi = false;
        RuntimeException failure = null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            Ucx.check(ucp_h.ucp_config_read(MemorySegment.NULL, MemorySegment.NULL, out), "ucp_config_read");
            MemorySegment config = out.get(ADDRESS, 0);
            MemorySegment params = arena.allocate(ucp_params.layout());
            ucp_params.field_mask(params, ucp_h.UCP_PARAM_FIELD_FEATURES()
                    | ucp_h.UCP_PARAM_FIELD_ESTIMATED_NUM_EPS());
            ucp_params.features(params, ucp_h.UCP_FEATURE_RMA() | ucp_h.UCP_FEATURE_AMO32()
                    | ucp_h.UCP_FEATURE_AMO64());
            ucp_params.estimated_num_eps(params, comm.size());
            byte st = ucp_h.ucp_init_version(ucp_h.UCP_API_MAJOR(), ucp_h.UCP_API_MINOR(), params, config, out);
            ucp_h.ucp_config_release(config);
            Ucx.check(st, "ucp_init_version");
            ctx = out.get(ADDRESS, 0);

            MemorySegment wp = arena.allocate(ucp_worker_params.layout());
            ucp_worker_params.field_mask(wp, ucp_h.UCP_WORKER_PARAM_FIELD_THREAD_MODE());
            ucp_worker_params.thread_mode(wp, ucp_h.UCS_THREAD_MODE_MULTI());
            Ucx.check(ucp_h.ucp_worker_create(ctx, wp, out), "ucp_worker_create");
            wrk = out.get(ADDRESS, 0);

            MemorySegment attr = arena.allocate(ucp_worker_attr.layout());
            ucp_worker_attr.field_mask(attr, ucp_h.UCP_WORKER_ATTR_FIELD_THREAD_MODE());
            Ucx.check(ucp_h.ucp_worker_query(wrk, attr), "ucp_worker_query");
            multi = ucp_worker_attr.thread_mode(attr) == ucp_h.UCS_THREAD_MODE_MULTI();

            MemorySegment len = arena.allocate(JAVA_LONG);
            Ucx.check(ucp_h.ucp_worker_get_address(wrk, out, len), "ucp_worker_get_address");
            MemorySegment addr = out.get(ADDRESS, 0);
            address = addr.reinterpret(len.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            ucp_h.ucp_worker_release_address(wrk, addr);
        } catch (RuntimeException e) {
            failure = e;
            address = null;
        }
        byte[][] all;
        try {
            all = Bootstrap.allgather(comm, address, "DSM context creation");
        } catch (IllegalStateException e) {
            destroy(ctx, wrk);
            throw failure != null ? failure : e;
        }
        MemorySegment[] eps = new MemorySegment[comm.size()];
        boolean ok = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment ep = arena.allocate(ucp_ep_params.layout());
            for (int r = 0; r < eps.length; r++) {
                MemorySegment remote = arena.allocateFrom(JAVA_BYTE, all[r]);
                ucp_ep_params.field_mask(ep, ucp_h.UCP_EP_PARAM_FIELD_REMOTE_ADDRESS());
                ucp_ep_params.address(ep, remote);
                Ucx.check(ucp_h.ucp_ep_create(wrk, ep, out), "ucp_ep_create");
                eps[r] = out.get(ADDRESS, 0);
            }
        } catch (RuntimeException e) {
            failure = e;
            ok = false;
        }
        DsmContext dsm = new DsmContext(comm, direct, ctx, wrk, eps, multi);
        try {
            Bootstrap.allgather(comm, ok ? new byte[0] : null, "DSM endpoint creation");
        } catch (IllegalStateException e) {
            dsm.close();
            throw failure != null ? failure : e;
        }
        if (multi && !"false".equalsIgnoreCase(System.getProperty(PROGRESS_PROPERTY))) {
            dsm.startProgressThread();
        }
        return dsm;
    }

    private static void destroy(MemorySegment ctx, MemorySegment wrk) {
        if (wrk.address() != 0) {
            ucp_h.ucp_worker_destroy(wrk);
        }
        if (ctx.address() != 0) {
            ucp_h.ucp_cleanup(ctx);
        }
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
        return multiThreaded;
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

    /** Progresses outstanding operations once ({@code ucp_worker_progress}); returns whether any progressed. */
    public boolean progress() {
        enter();
        try {
            return ucp_h.ucp_worker_progress(worker) != 0;
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
        stopProgressThread();
        exclusiveLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (RmaRequest r : pending) {
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
            closeEndpoints();
            destroy(context, worker);
        } finally {
            exclusiveLock.unlock();
        }
    }

    private void startProgressThread() {
        progressThread = Thread.ofPlatform().daemon().name("jmpi-dsm-progress-" + rank).unstarted(this::progressLoop);
        progressThread.start();
    }

    private void stopProgressThread() {
        Thread t = progressThread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        stopProgress = true;
        LockSupport.unpark(t);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Progresses the worker in the background, sleeping longer (up to 1 ms) while it is
     * idle. While an application thread is inside a native section the thread defers: that
     * thread progresses the worker itself or returns soon, and progressing beside it would
     * wait on UCX's worker spinlock, on a shared core for as long as the scheduler leaves
     * the holder descheduled. After {@link #MAX_DEFER_NANOS} of sections it progresses once
     * holding the guard exclusively, which waits (parked) for the sections in progress.
     */
    private void progressLoop() {
        long idle = 0;
        long deferredSince = 0;
        while (!stopProgress && !closed) {
            boolean busy = false;
            if (!guard.isReadLocked()) {
                deferredSince = 0;
                busy = progressHolding(shared);
            } else if (deferredSince == 0) {
                deferredSince = System.nanoTime();
            } else if (System.nanoTime() - deferredSince >= MAX_DEFER_NANOS) {
                deferredSince = 0;
                busy = progressHolding(exclusiveLock);
            }
            if (busy) {
                idle = 0;
            } else {
                idle = Math.min(Math.max(2 * idle, 10_000L), MAX_IDLE_NANOS);
                LockSupport.parkNanos(idle);
            }
        }
    }

    /** One {@code ucp_worker_progress} holding {@code lock}, unless closed; whether anything progressed. */
    private boolean progressHolding(Lock lock) {
        lock.lock();
        try {
            return !closed && ucp_h.ucp_worker_progress(worker) != 0;
        } finally {
            lock.unlock();
        }
    }

    private void closeEndpoints() {
        List<MemorySegment> reqs = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(ucp_request_param_t.layout());
            ucp_request_param_t.op_attr_mask(p, ucp_h.UCP_OP_ATTR_FIELD_FLAGS());
            ucp_request_param_t.flags(p, 0);
            for (MemorySegment ep : eps) {
                if (ep == null) {
                    continue;
                }
                MemorySegment r = ucp_h.ucp_ep_close_nbx(ep, p);
                if (UcsStatus.isPtr(r)) {
                    reqs.add(r);
                }
            }
        }
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        int spins = 0;
        while (!reqs.isEmpty() && System.nanoTime() < deadline) {
            ucp_h.ucp_worker_progress(worker);
            reqs.removeIf(r -> {
                if (ucp_h.ucp_request_check_status(r) == Ucx.INPROGRESS) {
                    return false;
                }
                ucp_h.ucp_request_free(r);
                return true;
            });
            Ucx.backoff(++spins);
        }
    }

    @Override
    public String toString() {
        return "DsmContext[rank " + rank + " of " + size + (closed ? ", closed" : "") + "]";
    }

    // ---- package-private plumbing for Window, RmaRequest, DsmLock ----

    MemorySegment worker() {
        return worker;
    }

    MemorySegment ucpContext() {
        return context;
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
     * Orders this thread's load/store accesses to mapped peer memory before what follows
     * (a flush or fence); without direct access every access is a UCP call, which UCX orders.
     */
    private void fenceDirectStores() {
        if (direct) {
            VarHandle.fullFence();
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
    RmaRequest completedRequest() {
        return completed;
    }

    void add(RmaRequest r) {
        pending.add(r);
    }

    void remove(RmaRequest r) {
        pending.remove(r);
    }
}
