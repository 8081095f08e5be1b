package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucx.ucp_h;

/**
 * A nonblocking put or get. A put is complete when its source may be reused (its data
 * reaches the target only after a flush); a get is complete when its data has arrived.
 * The request keeps the user's segment reachable until it completes; a staging buffer
 * used for a Java array is freed (and, for a get, copied back) on completion.
 */
public final class RmaRequest {
    private final DsmContext ctx;
    private MemorySegment request;
    private Object keepAlive;
    private Arena staging;
    private Runnable onDone;
    private boolean done;
    private RuntimeException failure;

    private RmaRequest(DsmContext ctx, MemorySegment request, Object keepAlive, Arena staging, Runnable onDone) {
        this.ctx = ctx;
        this.request = request;
        this.keepAlive = keepAlive;
        this.staging = staging;
        this.onDone = onDone;
    }

    /** A request for the result of an {@code _nbx} call; registers itself with the context while pending. */
    static RmaRequest of(DsmContext ctx, MemorySegment ptr, String call, Object keepAlive, Arena staging,
                         Runnable onDone) {
        if (UcsStatus.isErr(ptr)) {
            if (staging != null) {
                staging.close();
            }
            throw new UcxException(call, (byte) ptr.address());
        }
        RmaRequest r = new RmaRequest(ctx, ptr, keepAlive, staging, onDone);
        if (ptr.address() == 0) {
            r.complete(Ucx.OK, call);
        } else {
            ctx.add(r);
        }
        return r;
    }

    /** A request that completed already (direct load/store). */
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
        synchronized (this) {
            if (done) {
                rethrow();
                return true;
            }
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

    private void complete(byte status, String call) {
        done = true;
        request = MemorySegment.NULL;
        ctx.remove(this);
        try {
            if (status != Ucx.OK) {
                failure = new UcxException(call, status);
            } else if (onDone != null) {
                onDone.run();
            }
        } finally {
            if (staging != null) {
                staging.close();
            }
            staging = null;
            keepAlive = null;
            onDone = null;
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
