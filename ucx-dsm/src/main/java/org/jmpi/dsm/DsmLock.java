package org.jmpi.dsm;

/**
 * A distributed ticket lock: two 64-bit words (next ticket, now serving) in a small
 * window at rank 0, driven by remote atomics. Fair (first come, first served); not
 * reentrant. Releasing flushes this rank's operations first, so what a holder wrote is
 * visible to the next holder. Use with try-with-resources:
 * {@code try (DsmLock.Held held = lock.acquire()) { ... }}. Closing the lock (or its
 * context) frees the window.
 */
public final class DsmLock implements AutoCloseable {
    private static final long NEXT = 0;
    private static final long SERVING = 8;
    private static final int HOME = 0;

    private final Window window;

    /** A held lock; {@link #close()} releases it (once). */
    public interface Held extends AutoCloseable {
        /** Releases the lock; later calls do nothing. */
        @Override
        void close();
    }

    /** Creates the lock (collective over the context's ranks). */
    DsmLock(DsmContext ctx) {
        this.window = ctx.allocate(16);
        ctx.barrier();
    }

    /** Waits (progressing the worker) until this rank holds the lock. */
    public Held acquire() {
        long ticket = window.fetchAdd(HOME, NEXT, 1);
        int spins = 0;
        while (window.atomicGet(HOME, SERVING) != ticket) {
            window.context().progress();
            Ucx.backoff(++spins);
        }
        return held();
    }

    /** Takes the lock if nobody holds or waits for it; returns null otherwise. */
    public Held tryAcquire() {
        long serving = window.atomicGet(HOME, SERVING);
        if (window.compareAndSwap(HOME, NEXT, serving, serving + 1) != serving) {
            return null;
        }
        return held();
    }

    /** A hold whose first close() releases the lock. */
    private Held held() {
        return new Held() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    release();
                }
            }
        };
    }

    private void release() {
        window.context().flush();
        window.add(HOME, SERVING, 1);
        window.flush(HOME);
    }

    /** Frees the lock's window (local). */
    @Override
    public void close() {
        window.close();
    }
}
