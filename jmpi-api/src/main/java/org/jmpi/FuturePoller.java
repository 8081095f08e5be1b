package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Completes the futures of {@link Request#future()}: each pass tests every bound request
 * in one {@code MPI_Testsome}. At {@link ThreadLevel#MULTIPLE} one daemon thread runs
 * the passes (spinning briefly, then parking between empty passes, and sleeping when no
 * future is pending); at lower levels {@link Mpi#progress()} runs one pass on the
 * caller's thread.
 */
final class FuturePoller {
    private static final Object LOCK = new Object();
    private static final Object POLL = new Object();
    private static final List<Entry> PENDING = new ArrayList<>();
    private static Thread thread;
    private static boolean stopping;

    private record Entry(Request request, CompletableFuture<Status> done) {
    }

    private FuturePoller() {
    }

    /** Binds an active request; the returned future runs its dependents asynchronously. */
    static CompletableFuture<Status> register(Request request) {
        CompletableFuture<Status> done = new CompletableFuture<>();
        synchronized (LOCK) {
            if (stopping) {
                throw new IllegalStateException("MPI is finalizing: no new futures");
            }
            PENDING.add(new Entry(request, done));
            if (MpiState.level() == ThreadLevel.MULTIPLE && thread == null) {
                thread = Thread.ofPlatform().daemon().name("jmpi-future-poller").start(FuturePoller::run);
            }
            LOCK.notifyAll();
        }
        return done.thenApplyAsync(s -> s);
    }

    private static void run() {
        int idle = 0;
        while (true) {
            synchronized (LOCK) {
                while (PENDING.isEmpty() && !stopping) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (stopping) {
                    return;
                }
            }
            if (poll() > 0) {
                idle = 0;
            } else if (++idle < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** One pass over the bound requests; returns how many completed. */
    static int poll() {
        synchronized (POLL) {
            Entry[] batch;
            synchronized (LOCK) {
                batch = PENDING.toArray(new Entry[0]);
            }
            int n = batch.length;
            if (n == 0) {
                return 0;
            }
            MemorySegment hs = Scratch.handles(n);
            for (int i = 0; i < n; i++) {
                Abi.setHandle(hs, i, Abi.getHandle(batch[i].request.slot));
            }
            MemorySegment st = Scratch.statuses(n);
            MemorySegment idx = Scratch.ints(n);
            MemorySegment out = Scratch.words();
            int rc = MpiCalls.MPI_Testsome(n, hs, out, idx, st);
            if (rc != 0 && rc != MpiCalls.MPI_ERR_IN_STATUS()) {
                RuntimeException failure = Errors.exception(rc, "MPI_Testsome");
                for (Entry e : batch) {
                    e.request.completed(MpiCalls.MPI_STATUS_IGNORE(), 0, false);
                    settle(e, null, failure);
                }
                return n;
            }
            int done = out.get(JAVA_INT, 0);
            if (done == MpiCalls.MPI_UNDEFINED()) {
                return 0;
            }
            for (int k = 0; k < done; k++) {
                int i = idx.getAtIndex(JAVA_INT, k);
                Request r = batch[i].request;
                Abi.setHandle(r.slot, 0, Abi.getHandle(hs, i));
                Status s = new Status();
                // statuses come compacted, in the order of the indices (MPI_Testsome)
                long at = k * Scratch.STATUS_BYTES;
                MemorySegment.copy(st, at, s.segment(), 0, Scratch.STATUS_BYTES);
                int err = rc == 0 ? 0 : s.error();
                r.completed(st, at, err == 0);
                settle(batch[i], s, err == 0 ? null : r.failure(err, "MPI_Testsome", st, at));
            }
            return done;
        }
    }

    /** Completes the future of a request MPI has completed (and {@link Request#completed} recorded). */
    private static void settle(Entry e, Status status, RuntimeException failure) {
        synchronized (LOCK) {
            PENDING.remove(e);
        }
        if (failure == null) {
            try {
                e.request.afterCompletion();
            } catch (RuntimeException opFailed) {
                failure = opFailed;
            }
        }
        if (failure == null) {
            e.done.complete(status);
        } else {
            e.done.completeExceptionally(failure);
        }
    }

    /** Stops the poller before MPI_Finalize; futures still pending fail. */
    static void shutdown() {
        Thread t;
        synchronized (LOCK) {
            stopping = true;
            LOCK.notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (LOCK) {
            for (Entry e : PENDING) {
                e.done.completeExceptionally(new IllegalStateException(
                        "MPI was finalized before the operation completed"));
            }
            PENDING.clear();
        }
    }
}
