package org.jmpi.dsm;

import java.util.concurrent.locks.LockSupport;

import org.jmpi.Op;

/**
 * A distributed ticket lock: two 64-bit words (next ticket, now serving) in a small
 * window at rank 0, driven by remote atomics. Fair (first come, first served); not
 * reentrant: a thread that holds the lock and asks for it again gets an
 * {@link IllegalStateException} instead of waiting for itself forever. Threads of one
 * rank take turns like ranks do. Releasing flushes this rank's operations first, so what
 * a holder wrote is visible to the next holder. Use with try-with-resources:
 * {@code try (DsmLock.Held held = lock.acquire()) { ... }}. Closing the lock (or its
 * context) frees the window; the lock then refuses every call.
 */
public final class DsmLock implements AutoCloseable {
    /** Polls of the serving word before a waiter starts to park. */
    private static final int SPINS = 64;
    /** Park per waiter ahead, and at most, once past {@link #SPINS}. */
    private static final long PARK_NANOS_PER_WAITER = 2_000;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private static final long NEXT = 0;
    private static final long SERVING = 8;
    private static final int HOME = 0;

    private final Window window;
    private final LongAtomics words;
    private volatile Thread holder;

    /** A held lock; {@link #close()} releases it (once). */
    public interface Held extends AutoCloseable {
        /** Releases the lock; later calls do nothing. */
        @Override
        void close();
    }

    /** Creates the lock (collective over the context's ranks). */
    DsmLock(DsmContext ctx) {
        this.window = ctx.allocate(16);
        this.words = window.longs();
        ctx.barrier();
    }

    /**
     * Waits (progressing the worker) until this thread holds the lock.
     *
     * @throws IllegalStateException if this thread holds it already, or the lock is closed
     */
    public Held acquire() {
        checkUsable();
        long ticket = words.fetchAndOp(1, HOME, NEXT, Op.SUM);
        int spins = 0;
        long serving;
        while ((serving = words.fetchAndOp(0, HOME, SERVING, Op.NO_OP)) != ticket) {
            window.context().progress();
            if (++spins <= SPINS) {
                Thread.onSpinWait();
            } else {
                // Proportional backoff: park for the waiters ahead, so that threads waiting
                // far back leave the cores (and the home rank's worker) to the holder.
                long ahead = Math.max(1, ticket - serving);
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, ahead * PARK_NANOS_PER_WAITER));
            }
        }
        return held();
    }

    /** Takes the lock if nobody holds or waits for it; returns null otherwise. */
    public Held tryAcquire() {
        checkUsable();
        long serving = words.fetchAndOp(0, HOME, SERVING, Op.NO_OP);
        if (words.compareAndSwap(serving + 1, serving, HOME, NEXT) != serving) {
            return null;
        }
        return held();
    }

    /** A hold whose first close() releases the lock. */
    private Held held() {
        holder = Thread.currentThread();
        return new Held() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    if (window.isClosed()) {
                        throw new IllegalStateException("lock: closed while held; nothing to release");
                    }
                    released = true;
                    holder = null;
                    release();
                }
            }
        };
    }

    private void checkUsable() {
        if (window.isClosed()) {
            throw new IllegalStateException("lock: closed (or its DSM context is)");
        }
        if (holder == Thread.currentThread()) {
            throw new IllegalStateException("lock: thread '" + Thread.currentThread().getName()
                    + "' holds it already; DsmLock is not reentrant (release the held lock first)");
        }
    }

    private void release() {
        window.context().flush();
        words.accumulate(1, HOME, SERVING, Op.SUM);
        window.flush(HOME);
    }

    /** Frees the lock's window (local). */
    @Override
    public void close() {
        window.close();
    }
}
