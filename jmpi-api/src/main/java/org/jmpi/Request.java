package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A nonblocking operation ({@code MPI_Request}): one-shot ({@code isend},
 * {@code irecv}, nonblocking collectives, request-based one-sided calls) or persistent ({@code sendInit},
 * {@code recvInit}, started again and again with {@link #start()}).
 *
 * <p>While an operation is active the request holds its buffers, so a buffer of an
 * automatic arena cannot be reclaimed under it; closing an explicit arena early is
 * reported when the request is waited on. A message in a Java array (or a heap segment)
 * goes through native memory the request owns: copied in when a send starts, copied
 * back into the array when a receive completes (not when it was cancelled). Waiting on a
 * request that is not active (never started, already completed) is an
 * {@link IllegalStateException}.
 *
 * <p>A one-shot request can be reused: create one with {@link #Request()} and pass it to
 * the overloads that take a {@code Request}; an {@code isend}/{@code wait} loop on native
 * segments then allocates nothing. A request is not thread-safe; share it between threads
 * only through {@link #future()}. Multi-completion ({@link #waitAll}, {@link #waitAny},
 * {@link #waitSome} and the {@code test} forms) are single native calls; on a virtual
 * thread the waits poll the {@code test} forms instead, so the carrier is not pinned.
 */
public final class Request extends RequestState implements AutoCloseable {

    /** An empty, reusable request for the overloads that fill a given request. */
    public Request() {
    }

    // ------------------------------------------------------------------ persistent

    /**
     * Starts a persistent request ({@code MPI_Start}); it must not be active. A send from
     * a Java array copies the array's current contents first.
     */
    public void start() {
        checkStartable();
        begin();
        Errors.check(MpiCalls.MPI_Start(slot), "MPI_Start");
        restarted();
    }

    /** Starts several persistent requests at once ({@code MPI_Startall}). */
    public static void startAll(Request... requests) {
        Completions.startAll(requests);
    }

    /** Whether this is a persistent request. */
    public boolean isPersistent() {
        return persistent;
    }

    // ------------------------------------------------------------------ single completion

    /** Waits for completion ({@code MPI_Wait}), discarding the status. */
    public void waitFor() {
        waitFor(null);
    }

    /** Waits for completion ({@code MPI_Wait}) and fills {@code status} when not null. */
    public void waitFor(Status status) {
        CompletableFuture<Status> f = future;
        if (f != null) {
            copyFrom(join(f), status);
            return;
        }
        checkActive();
        if (Polling.needed()) {
            for (int polls = 0; !test(status); ) {
                Polling.pause(++polls);
            }
            return;
        }
        MemorySegment st = statusFor(status);
        int rc = MpiCalls.MPI_Wait(slot, st);
        completed(st, 0, rc == 0);
        if (rc != 0) {
            throw failure(rc, "MPI_Wait", st, 0);
        }
        afterCompletion();
    }

    /** Tests for completion ({@code MPI_Test}); true once the operation has completed. */
    public boolean test() {
        return test(null);
    }

    /** Tests for completion and fills {@code status} when it has completed. */
    public boolean test(Status status) {
        CompletableFuture<Status> f = future;
        if (f != null) {
            if (!f.isDone()) {
                return false;
            }
            copyFrom(join(f), status);
            return true;
        }
        checkActive();
        MemorySegment flag = Scratch.words();
        MemorySegment st = statusFor(status);
        int rc = MpiCalls.MPI_Test(slot, flag, st);
        if (rc != 0) {
            completed(st, 0, false);
            throw failure(rc, "MPI_Test", st, 0);
        }
        if (flag.get(JAVA_INT, 0) != 0) {
            completed(st, 0, true);
            afterCompletion();
            return true;
        }
        return false;
    }

    /**
     * Whether the operation has completed, without completing the request
     * ({@code MPI_Request_get_status}): its status if it has, else empty. Unlike
     * {@link #test()} this leaves the request active and allocated, so it may be asked
     * again; complete it with {@link #waitFor} or {@link #test}, which then return at once.
     * A receive into a Java array reaches the array at that completion, not here. A request
     * bound to a {@link #future()} answers from the future.
     *
     * @throws IllegalStateException if no operation is in flight (never started, or already completed)
     */
    public Optional<Status> getStatus() {
        Status status = new Status();
        return getStatus(status) ? Optional.of(status) : Optional.empty();
    }

    /**
     * {@link #getStatus()} into {@code status} (when not null), allocating nothing: true,
     * with the status filled, once the operation has completed; the request stays active.
     */
    public boolean getStatus(Status status) {
        if (future != null) {
            return test(status); // answered by the future, which alone completes the request
        }
        checkActive();
        MemorySegment flag = Scratch.words();
        MemorySegment st = status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment();
        int rc = MpiCalls.MPI_Request_get_status(Abi.getHandle(slot), flag, st);
        if (rc != 0) {
            throw failure(rc, "MPI_Request_get_status", st, 0);
        }
        return flag.get(JAVA_INT, 0) != 0;
    }

    /**
     * Asks MPI to cancel the operation ({@code MPI_Cancel}); it must still be waited on,
     * and {@link Status#cancelled()} then tells whether it was. A receive into an array that
     * was cancelled leaves the array untouched. Allowed, and the wait too, when the
     * buffer's arena has already been closed, so such an operation can be retired.
     */
    public void cancel() {
        MpiState.checkCall();
        if (state != ACTIVE) {
            checkActive();
        }
        Errors.check(MpiCalls.MPI_Cancel(slot), "MPI_Cancel");
        cancelled = true;
    }

    /** Whether an operation is in flight on this request (started and not yet completed). */
    public boolean isActive() {
        return state == ACTIVE;
    }

    /** Whether the request's last operation has completed (by a wait, a test or its future). */
    public boolean isDone() {
        return state == COMPLETE;
    }

    // ------------------------------------------------------------------ futures

    /**
     * A future completed with the status when the operation completes. No thread is spent
     * per request: one poller thread tests every request bound to a future
     * ({@code MPI_Testsome}) when MPI runs at {@link ThreadLevel#MULTIPLE}; at lower
     * levels the futures advance when the MPI thread calls {@link Mpi#progress()}.
     * Dependent actions run in the common fork-join pool, never on the poller. Once bound,
     * {@link #waitFor} and {@link #test} go through the future. Calling this again returns
     * the same future (also after completion) until a persistent request is started again.
     */
    public CompletableFuture<Status> future() {
        CompletableFuture<Status> f = future;
        if (f != null) {
            return f;
        }
        checkActive();
        f = FuturePoller.register(this);
        future = f;
        return f;
    }

    private static Status join(CompletableFuture<Status> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void copyFrom(Status from, Status to) {
        if (to != null) {
            MemorySegment.copy(from.segment(), 0, to.segment(), 0, Scratch.STATUS_BYTES);
        }
    }

    // ------------------------------------------------------------------ multi-completion

    /** Waits for every request ({@code MPI_Waitall}); every request must be active. */
    public static void waitAll(Request... requests) {
        Completions.waitAll(requests, null);
    }

    /**
     * Waits for every request ({@code MPI_Waitall}) and fills {@code statuses[i]} (when
     * the array is not null) for request i.
     */
    public static void waitAll(Request[] requests, Status[] statuses) {
        Completions.waitAll(requests, statuses);
    }

    /**
     * Tests every request at once ({@code MPI_Testall}): true, with all completed, when
     * every one has completed; false, with none completed, otherwise.
     */
    public static boolean testAll(Request... requests) {
        return Completions.testAll(requests, null);
    }

    /**
     * Tests every request at once ({@code MPI_Testall}) as {@link #testAll(Request...)}
     * does, filling {@code statuses[i]} (when the array is not null) once all completed.
     */
    public static boolean testAll(Request[] requests, Status[] statuses) {
        return Completions.testAll(requests, statuses);
    }

    /**
     * Waits until one of the requests completes ({@code MPI_Waitany}) and returns its
     * index; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int waitAny(Request... requests) {
        return Completions.any(requests, true);
    }

    /**
     * Completes one of the requests if one has completed ({@code MPI_Testany}) and returns
     * its index, else -1; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int testAny(Request... requests) {
        return Completions.any(requests, false);
    }

    /**
     * Waits until at least one request completes ({@code MPI_Waitsome}) and returns the
     * indices of all that completed; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int[] waitSome(Request... requests) {
        return Completions.some(requests, true);
    }

    /**
     * Completes the requests that have completed ({@code MPI_Testsome}) and returns their
     * indices (possibly none); requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int[] testSome(Request... requests) {
        return Completions.some(requests, false);
    }

    /**
     * {@link #waitAny(Request...)}, filling {@code status} (when not null) with the status of
     * the request that completed.
     */
    public static int waitAny(Request[] requests, Status status) {
        return Completions.any(requests, true, status);
    }

    /**
     * {@link #testAny(Request...)}, filling {@code status} (when not null) with the status of
     * the request that completed, if one did.
     */
    public static int testAny(Request[] requests, Status status) {
        return Completions.any(requests, false, status);
    }

    /**
     * {@link #waitSome(Request...)}, filling {@code statuses[i]} (when the array and the
     * element are not null) for each request i that completed.
     */
    public static int[] waitSome(Request[] requests, Status[] statuses) {
        return Completions.some(requests, true, statuses);
    }

    /**
     * {@link #testSome(Request...)}, filling {@code statuses[i]} (when the array and the
     * element are not null) for each request i that completed.
     */
    public static int[] testSome(Request[] requests, Status[] statuses) {
        return Completions.some(requests, false, statuses);
    }

    /**
     * Releases the request. A persistent request is freed ({@code MPI_Request_free}); an
     * active point-to-point request on native segments is handed to MPI to complete on its
     * own ({@code MPI_Request_free}); an active nonblocking collective or file operation,
     * or one on a Java array (whose native copy MPI still uses), cannot be abandoned and is
     * refused. A no-op once closed.
     */
    @Override
    public void close() {
        if (state == FREED) {
            return;
        }
        if (state == NEW || (state == COMPLETE && !persistent)) {
            state = FREED;
            return;
        }
        MpiState.checkCall();
        if (state == ACTIVE && (mustComplete != null || future != null || staged != null)) {
            throw new IllegalStateException("request: " + (mustComplete != null ? mustComplete
                    : future != null ? "bound to a future" : "an operation on a Java array (MPI uses its native copy)")
                    + " must complete before it is closed");
        }
        if (Abi.getHandle(slot).address() != Handles.REQUEST_NULL.address()) {
            Errors.check(MpiCalls.MPI_Request_free(slot), "MPI_Request_free");
        }
        state = FREED;
        buffers = null;
        if (staged != null) {
            staged.free();
            staged = null;
        }
    }
}
