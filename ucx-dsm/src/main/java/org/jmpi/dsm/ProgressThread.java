package org.jmpi.dsm;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link DsmContext}'s background progress: a daemon thread that progresses the worker
 * (and completes the futures of requests), so that operations UCX emulates with messages
 * (memory it cannot reach one-sidedly, e.g. registered segments) complete while this rank
 * is busy elsewhere, say in an MPI call. It sleeps longer (up to 1 ms) while the worker is
 * idle. While an application thread is inside a native section it defers: that thread
 * progresses the worker itself or returns soon, and progressing beside it would wait on
 * UCX's worker spinlock, on a shared core for as long as the scheduler leaves the holder
 * descheduled. After {@link #MAX_DEFER_NANOS} of sections it progresses once holding the
 * guard exclusively, which waits (parked) for the sections in progress. Not public API.
 */
final class ProgressThread {
    private static final long MAX_IDLE_NANOS = 1_000_000L;
    private static final long MAX_DEFER_NANOS = 10_000_000L;

    private final DsmContext ctx;
    private final Thread thread;
    private volatile boolean stop;

    private ProgressThread(DsmContext ctx) {
        this.ctx = ctx;
        this.thread = Thread.ofPlatform().daemon().name("jmpi-dsm-progress-" + ctx.rank()).unstarted(this::loop);
    }

    /** Starts progressing {@code ctx}, whose native sections hold its guard (shared, or exclusive to close). */
    static ProgressThread start(DsmContext ctx) {
        ProgressThread p = new ProgressThread(ctx);
        p.thread.start();
        return p;
    }

    /** Stops the thread and waits for it to end; does nothing when called on the thread itself. */
    void stop() {
        if (thread == Thread.currentThread()) {
            return;
        }
        stop = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long idle = 0;
        long deferredSince = 0;
        while (!stop && !ctx.isClosed()) {
            boolean busy = false;
            if (!ctx.guard.isReadLocked()) {
                deferredSince = 0;
                busy = progressHolding(ctx.shared);
            } else if (deferredSince == 0) {
                deferredSince = System.nanoTime();
            } else if (System.nanoTime() - deferredSince >= MAX_DEFER_NANOS) {
                deferredSince = 0;
                busy = progressHolding(ctx.exclusiveLock);
            }
            if (busy) {
                idle = 0;
            } else {
                idle = Math.min(Math.max(2 * idle, 10_000L), MAX_IDLE_NANOS);
                LockSupport.parkNanos(idle);
            }
        }
    }

    /** One progress of the context holding {@code lock}, unless closed; whether anything progressed. */
    private boolean progressHolding(Lock lock) {
        lock.lock();
        try {
            return !ctx.isClosed() && ctx.progressEntered();
        } finally {
            lock.unlock();
        }
    }
}
