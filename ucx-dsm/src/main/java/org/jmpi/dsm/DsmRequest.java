package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucx.ucp_h;

/**
 * A nonblocking put or get ({@link Window#rput}, {@link Window#rget}), shaped like
 * {@link org.jmpi.Request}: {@link #waitFor}, {@link #test}, {@link #future} and
 * {@link #close}. A put is complete when its origin may be reused (its data reaches the
 * target only after a flush); a get when its data has arrived. The request keeps the
 * user's buffer reachable until it completes; a staging buffer used for heap data is
 * freed (and, for a get, copied back) on completion. An operation that completed when it
 * was started returns its context's shared, completed request, so such calls allocate no
 * request. Thread-safe.
 */
public final class DsmRequest implements AutoCloseable {
    private final DsmContext ctx;
    private MemorySegment request;
    private Object keepAlive;
    private MemorySegment staging;
    private MemorySegment copyBackTo;
    private volatile boolean done;
    private RuntimeException failure;
    /** Completed (on whichever thread completes the request) once {@link #future} was asked for. */
    private CompletableFuture<Void> settled;
    /** The future handed out: {@link #settled}'s dependents run asynchronously, never on the progress thread. */
    private CompletableFuture<Void> future;

    private DsmRequest(DsmContext ctx, MemorySegment request, Object keepAlive, MemorySegment staging,
                       MemorySegment copyBackTo) {
        this.ctx = ctx;
        this.request = request;
        this.keepAlive = keepAlive;
        this.staging = staging;
        this.copyBackTo = copyBackTo;
    }

    /**
     * A request for the result of an {@code _nbx} call; registers itself with the context
     * while pending. {@code staging} (from {@link StagingMemory}, or null) is freed on
     * completion, after a get's data is copied from it to {@code copyBackTo} (or null).
     */
    static DsmRequest of(DsmContext ctx, MemorySegment ptr, String call, Object keepAlive, MemorySegment staging,
                         MemorySegment copyBackTo) {
        if (UcsStatus.isErr(ptr)) {
            if (staging != null) {
                StagingMemory.free(staging);
            }
            throw new UcxException(call, (byte) ptr.address());
        }
        if (ptr.address() == 0) {
            finish(staging, copyBackTo);
            return ctx.completedRequest();
        }
        DsmRequest r = new DsmRequest(ctx, ptr, keepAlive, staging, copyBackTo);
        ctx.add(r);
        return r;
    }

    /** Copies a completed get's staged data back and frees the staging buffer. */
    private static void finish(MemorySegment staging, MemorySegment copyBackTo) {
        if (staging == null) {
            return;
        }
        try {
            if (copyBackTo != null) {
                Transfers.exchange(false, staging, 0, copyBackTo, null, 0, copyBackTo.byteSize());
            }
        } finally {
            StagingMemory.free(staging);
        }
    }

    /** A request that completed already: the one {@link DsmContext#completedRequest()} hands out. */
    static DsmRequest completed(DsmContext ctx) {
        DsmRequest r = new DsmRequest(ctx, MemorySegment.NULL, null, null, null);
        r.done = true;
        return r;
    }

    /**
     * Waits, progressing the worker, until the operation completes (and, once
     * {@link #future} was asked for, until its future has).
     *
     * @throws UcxException if the operation failed
     * @throws IllegalStateException if the context was closed first
     */
    public void waitFor() {
        int spins = 0;
        while (!poll()) {
            Ucx.backoff(++spins);
        }
        CompletableFuture<Void> f;
        synchronized (this) {
            f = future;
        }
        if (f != null) {
            try {
                f.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /**
     * Progresses the worker once; true once the operation has completed (and, once
     * {@link #future} was asked for, its future too).
     *
     * @throws UcxException if the operation failed
     */
    public boolean test() {
        boolean complete = poll();
        synchronized (this) {
            return future == null ? complete : future.isDone();
        }
    }

    /** Whether the operation has completed (by a wait, a test, the progress thread or the context's close). */
    public boolean isDone() {
        return done;
    }

    /**
     * A future completed when the operation completes (exceptionally with its
     * {@link UcxException}). No thread is spent per request: the context's progress thread
     * completes it, or {@link DsmContext#progress()}, {@link #test} or {@link #waitFor}
     * where there is none. Dependent actions run asynchronously (the common pool), never
     * on the progress thread. Calling this again returns the same future.
     */
    public CompletableFuture<Void> future() {
        if (this == ctx.completedRequest()) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (future == null) {
                settled = new CompletableFuture<>();
                future = settled.thenApplyAsync(v -> v);
                if (done) {
                    settle();
                } else {
                    ctx.watch(this);
                }
            }
            return future;
        }
    }

    /**
     * Completes the operation if it is still active (as {@link #waitFor}), so that a
     * try-with-resources block never leaves a transfer running into a buffer it released.
     * A no-op once the operation has completed; a failure already reported is not
     * reported again.
     */
    @Override
    public void close() {
        if (!done) {
            waitFor();
        }
    }

    /** Whether the operation has completed; progresses the worker once if not. */
    private boolean poll() {
        if (done) {
            return rethrow();
        }
        try {
            ctx.enter();
        } catch (IllegalStateException closed) {
            synchronized (this) {
                if (done) {
                    return rethrow();
                }
            }
            throw closed;
        }
        try {
            ucp_h.ucp_worker_progress(ctx.worker());
            check();
        } finally {
            ctx.exit();
        }
        synchronized (this) {
            return done && rethrow();
        }
    }

    /** Completes the request if UCX has; the caller has entered the context (or holds it exclusively). */
    synchronized void check() {
        if (!done) {
            byte st = ucp_h.ucp_request_check_status(request);
            if (st != Ucx.INPROGRESS) {
                ucp_h.ucp_request_free(request);
                complete(st, "RMA request");
            }
        }
    }

    /** Records the outcome, copies a get back and frees staging; {@code done} is set last (it publishes them). */
    private void complete(byte status, String call) {
        request = MemorySegment.NULL;
        ctx.remove(this);
        try {
            if (status != Ucx.OK) {
                failure = new UcxException(call, status);
                copyBackTo = null;
            }
            finish(staging, copyBackTo);
        } finally {
            staging = null;
            keepAlive = null;
            copyBackTo = null;
            done = true;
            if (settled != null) {
                settle();
            }
        }
    }

    /** Completes the internal future with the outcome; its async stage runs the user's dependents. */
    private void settle() {
        ctx.unwatch(this);
        if (failure == null) {
            settled.complete(null);
        } else {
            settled.completeExceptionally(failure);
        }
    }

    /** Throws the operation's failure, if any; else true. */
    private boolean rethrow() {
        if (failure != null) {
            throw failure;
        }
        return true;
    }

    /** Called by a closing context (which holds its write lock): completes or abandons the request. */
    synchronized void finishForClose() {
        if (done) {
            return;
        }
        byte st;
        int spins = 0;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while ((st = ucp_h.ucp_request_check_status(request)) == Ucx.INPROGRESS
                && System.nanoTime() < deadline) {
            ucp_h.ucp_worker_progress(ctx.worker());
            Ucx.backoff(++spins);
        }
        if (st == Ucx.INPROGRESS) {
            ucp_h.ucp_request_cancel(ctx.worker(), request);
            st = (byte) ucp_h.UCS_ERR_CANCELED();
        }
        ucp_h.ucp_request_free(request);
        complete(st, "RMA request (context closed)");
    }
}
