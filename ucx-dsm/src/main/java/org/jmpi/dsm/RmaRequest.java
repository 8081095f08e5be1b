package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucx.ucp_h;

/**
 * A nonblocking put or get. A put is complete when its source may be reused (its data
 * reaches the target only after a flush); a get is complete when its data has arrived.
 * The request keeps the user's segment reachable until it completes; a staging buffer
 * used for a Java array is freed (and, for a get, copied back) on completion. An
 * operation that completed when it was started returns its context's shared, completed
 * request, so such calls allocate no request.
 */
public final class RmaRequest {
    private final DsmContext ctx;
    private MemorySegment request;
    private Object keepAlive;
    private MemorySegment staging;
    private MemorySegment copyBackTo;
    private volatile boolean done;
    private RuntimeException failure;

    private RmaRequest(DsmContext ctx, MemorySegment request, Object keepAlive, MemorySegment staging,
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
    static RmaRequest of(DsmContext ctx, MemorySegment ptr, String call, Object keepAlive, MemorySegment staging,
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
        RmaRequest r = new RmaRequest(ctx, ptr, keepAlive, staging, copyBackTo);
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
                Window.exchange(false, staging, 0, copyBackTo, null, null, copyBackTo.byteSize());
            }
        } finally {
            StagingMemory.free(staging);
        }
    }

    /** A request that completed already: the one {@link DsmContext#completedRequest()} hands out. */
    static RmaRequest completed(DsmContext ctx) {
        RmaRequest r = new RmaRequest(ctx, MemorySegment.NULL, null, null, null);
        r.done = true;
        return r;
    }

    /**
     * Whether the operation has completed; progresses the worker once if not.
     *
     * @throws UcxException if the operation failed
     */
    public boolean isDone() {
        if (done) {
            rethrow();
            return true;
        }
        try {
            ctx.enter();
        } catch (IllegalStateException closed) {
            synchronized (this) {
                if (done) {
                    rethrow();
                    return true;
                }
            }
            throw closed;
        }
        try {
            synchronized (this) {
                if (!done) {
                    ucp_h.ucp_worker_progress(ctx.worker());
                    byte st = ucp_h.ucp_request_check_status(request);
                    if (st != Ucx.INPROGRESS) {
                        ucp_h.ucp_request_free(request);
                        complete(st, "RMA request");
                    }
                }
            }
        } finally {
            ctx.exit();
        }
        synchronized (this) {
            rethrow();
            return done;
        }
    }

    /**
     * Progresses the worker until the operation completes.
     *
     * @throws UcxException if the operation failed
     * @throws IllegalStateException if the context was closed first
     */
    public void waitFor() {
        int spins = 0;
        while (!isDone()) {
            Ucx.backoff(++spins);
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
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
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
