package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Staging;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Slots;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A nonblocking operation ({@code MPI_Request}): one-shot ({@code isend},
 * {@code irecv}, nonblocking collectives, request-based one-sided calls) or persistent ({@code sendInit},
 * {@code recvInit}, started again and again with {@link #start()}).
 *
 * <p>While an operation is active the request holds its buffers, so a buffer of an
 * automatic arena cannot be reclaimed under it; closing an explicit arena early is
 * reported when the request is waited on. Waiting on a request that is not active (never
 * started, already completed) is an {@link IllegalStateException}.
 *
 * <p>A one-shot request can be reused: create one with {@link #Request()} and pass it to
 * the overloads that take a {@code Request}; an {@code isend}/{@code wait} loop then
 * allocates nothing. A request is not thread-safe; share it between threads only through
 * {@link #future()}. Multi-completion ({@link #waitAll}, {@link #waitAny},
 * {@link #waitSome} and the {@code test} forms) are single native calls; on a virtual
 * thread the waits poll the {@code test} forms instead, so the carrier is not pinned.
 */
public final class Request implements AutoCloseable {
    /** Numbers the multi-completion calls (see {@link #checkedBy}). */
    private static final AtomicLong CALLS = new AtomicLong();
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Request.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private static final int NEW = 0;
    private static final int ACTIVE = 1;
    private static final int COMPLETE = 2;
    private static final int FREED = 3;

    final MemorySegment slot;
    private Object buffers;
    private Arena arena;
    private boolean persistent;
    /** What the operation is, when it may not be abandoned by close() while active; else null. */
    private String mustComplete;
    private boolean cancelled;
    private Op reduction;
    private Op holding;
    private MemorySegment[][] copyBack;
    private volatile int state = NEW;
    private volatile CompletableFuture<Status> future;
    /** The multi-completion call that last checked this request, to find duplicates in one pass. */
    private long checkedBy;

    /** An empty, reusable request for the overloads that fill a given request. */
    public Request() {
        this.slot = Slots.next(Handles.REQUEST_NULL);
    }

    // ------------------------------------------------------------------ life cycle (package)

    /** This request, checked ready to receive a new one-shot operation. */
    Request reusable() {
        if (state == ACTIVE) {
            throw new IllegalStateException("request: still active; wait for it before reusing it");
        }
        if (state == FREED || persistent) {
            throw new IllegalStateException("request: " + (persistent ? "a persistent request" : "closed")
                    + " cannot take another operation");
        }
        if (future != null) {
            throw new IllegalStateException("request: bound to a future; create a new request");
        }
        return this;
    }

    /** Marks the request started by a successful nonblocking call on {@code buffers}. */
    Request started(Object buffers) {
        this.buffers = buffers;
        publish(ACTIVE);
        return this;
    }

    /** Marks a nonblocking collective whose native argument arrays live in {@code args}. */
    Request startedCollective(Object buffers, Arena args) {
        this.mustComplete = "a nonblocking collective";
        this.arena = args;
        return started(buffers);
    }

    /**
     * Marks a request-based one-sided operation (rput, rget, ...) started on
     * {@code buffers}: it must complete before the request is closed, since freeing it
     * would drop the buffers MPI still uses.
     */
    Request startedOneSided(Object buffers) {
        this.mustComplete = "a request-based one-sided operation";
        return started(buffers);
    }

    /**
     * Marks a nonblocking file operation started on {@code buffer}: MPI reads or writes
     * the buffer until it completes, so the request cannot be abandoned by close().
     */
    Request startedFileIo(MemorySegment buffer) {
        this.mustComplete = "a nonblocking file operation";
        return started(buffer);
    }

    /** Records the user op a nonblocking reduction runs, to rethrow its failure at completion. */
    Request reducing(Op op) {
        this.reduction = op;
        return this;
    }

    /**
     * Copies each pair's native staging memory ({@code pair[0]}) into the heap memory it
     * stands for ({@code pair[1]}, all of it) when the operation completes (not when it
     * was cancelled): how an array a nonblocking call writes receives its data. The
     * staging memory must live until then (in the request's arena, say).
     */
    Request copyingBack(MemorySegment[][] pairs) {
        this.copyBack = pairs;
        return this;
    }

    /** Keeps {@code op} in use (not closable) until the operation completes; null for none. */
    Request holding(Op op) {
        this.holding = op;
        return this;
    }

    /** After completion: rethrows, on this thread, a failure of the reduction's user function. */
    void afterCompletion() {
        Op op = reduction;
        if (op != null && state == COMPLETE) {
            reduction = null;
            op.afterReduction();
        }
    }

    /** Marks a persistent request created (inactive) on {@code buffers}. */
    Request persistent(Object buffers) {
        this.persistent = true;
        this.buffers = buffers;
        this.state = COMPLETE;
        return this;
    }

    // ------------------------------------------------------------------ persistent

    /** Starts a persistent request ({@code MPI_Start}); it must not be active. */
    public void start() {
        checkStartable();
        Errors.check(MpiCalls.MPI_Start(slot), "MPI_Start");
        unbindFuture();
        publish(ACTIVE);
    }

    /** Starts several persistent requests at once ({@code MPI_Startall}). */
    public static void startAll(Request... requests) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.length; i++) {
            element(requests, i).checkStartable();
        }
        MemorySegment hs = Scratch.handles(requests.length);
        for (int i = 0; i < requests.length; i++) {
            Abi.setHandle(hs, i, Abi.getHandle(requests[i].slot));
        }
        Errors.check(MpiCalls.MPI_Startall(requests.length, hs), "MPI_Startall");
        for (Request r : requests) {
            r.unbindFuture();
            r.publish(ACTIVE);
        }
    }

    private void checkStartable() {
        MpiState.checkCall();
        if (!persistent) {
            throw new IllegalStateException("request: only a persistent request (sendInit/recvInit) can be started");
        }
        if (state == FREED) {
            throw new IllegalStateException("request: closed");
        }
        if (state == ACTIVE) {
            throw new IllegalStateException("request: already active; wait for it before starting it again");
        }
        checkBuffers();
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
        int rc = MpiCalls.MPI_Wait(slot, status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment());
        completed();
        Errors.check(rc, "MPI_Wait");
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
        int rc = MpiCalls.MPI_Test(slot, flag, status == null ? MpiCalls.MPI_STATUS_IGNORE() : status.segment());
        if (rc != 0) {
            completed();
            throw Errors.exception(rc, "MPI_Test");
        }
        if (flag.get(JAVA_INT, 0) != 0) {
            completed();
            afterCompletion();
            return true;
        }
        return false;
    }

    /**
     * Asks MPI to cancel the operation ({@code MPI_Cancel}); it must still be waited on,
     * and {@link Status#cancelled()} then tells whether it was. Allowed, and the wait
     * too, when the buffer's arena has already been closed, so such an operation can be
     * retired.
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

    /** Called by the poller when MPI completed the request; statuses come from its scratch. */
    void completedByPoller() {
        completed();
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
        waitAll(requests, null);
    }

    /**
     * Waits for every request ({@code MPI_Waitall}) and fills {@code statuses[i]} (when
     * the array is not null) for request i.
     */
    public static void waitAll(Request[] requests, Status[] statuses) {
        if (Polling.needed()) {
            for (int polls = 0; !testAll(requests, statuses); ) {
                Polling.pause(++polls);
            }
            return;
        }
        int n = checkAll(requests, statuses, true);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(n);
        int rc = MpiCalls.MPI_Waitall(n, hs, st);
        finish(requests, hs, st, rc, statuses, n, "MPI_Waitall");
    }

    /**
     * Tests every request at once ({@code MPI_Testall}): true, with all completed, when
     * every one has completed; false, with none completed, otherwise.
     */
    public static boolean testAll(Request... requests) {
        return testAll(requests, null);
    }

    /**
     * Tests every request at once ({@code MPI_Testall}) as {@link #testAll(Request...)}
     * does, filling {@code statuses[i]} (when the array is not null) once all completed.
     */
    public static boolean testAll(Request[] requests, Status[] statuses) {
        int n = checkAll(requests, statuses, true);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(n);
        MemorySegment flag = Scratch.words();
        int rc = MpiCalls.MPI_Testall(n, hs, flag, st);
        if (rc == 0 && flag.get(JAVA_INT, 0) == 0) {
            return false;
        }
        finish(requests, hs, st, rc, statuses, n, "MPI_Testall");
        return true;
    }

    /**
     * Waits until one of the requests completes ({@code MPI_Waitany}) and returns its
     * index; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int waitAny(Request... requests) {
        return any(requests, true);
    }

    /**
     * Completes one of the requests if one has completed ({@code MPI_Testany}) and returns
     * its index, else -1; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int testAny(Request... requests) {
        return any(requests, false);
    }

    private static int any(Request[] requests, boolean block) {
        if (block && Polling.needed()) {
            int index;
            for (int polls = 0; (index = any(requests, false)) < 0; ) {
                Polling.pause(++polls);
            }
            return index;
        }
        int n = checkAll(requests, null, false);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(1);
        MemorySegment out = Scratch.words();
        int rc = block ? MpiCalls.MPI_Waitany(n, hs, out, st) : MpiCalls.MPI_Testany(n, hs, out, out.asSlice(4), st);
        int index = out.get(JAVA_INT, 0);
        if (index >= 0 && index != MpiCalls.MPI_UNDEFINED()) {
            Abi.setHandle(requests[index].slot, 0, Abi.getHandle(hs, index));
            requests[index].completed();
        } else {
            index = -1;
        }
        Errors.check(rc, block ? "MPI_Waitany" : "MPI_Testany");
        if (index >= 0) {
            requests[index].afterCompletion();
        }
        return index;
    }

    /**
     * Waits until at least one request completes ({@code MPI_Waitsome}) and returns the
     * indices of all that completed; requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int[] waitSome(Request... requests) {
        return some(requests, true);
    }

    /**
     * Completes the requests that have completed ({@code MPI_Testsome}) and returns their
     * indices (possibly none); requests that are not active are skipped.
     *
     * @throws IllegalArgumentException if no request is active
     */
    public static int[] testSome(Request... requests) {
        return some(requests, false);
    }

    private static int[] some(Request[] requests, boolean block) {
        if (block && Polling.needed()) {
            int[] done;
            for (int polls = 0; (done = some(requests, false)).length == 0; ) {
                Polling.pause(++polls);
            }
            return done;
        }
        int n = checkAll(requests, null, false);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(n);
        MemorySegment idx = Scratch.ints(n);
        MemorySegment out = Scratch.words();
        int rc = block ? MpiCalls.MPI_Waitsome(n, hs, out, idx, st) : MpiCalls.MPI_Testsome(n, hs, out, idx, st);
        int done = out.get(JAVA_INT, 0);
        int[] indices = done == MpiCalls.MPI_UNDEFINED() || done < 0 ? new int[0] : new int[done];
        for (int k = 0; k < indices.length; k++) {
            int i = idx.getAtIndex(JAVA_INT, k);
            indices[k] = i;
            Abi.setHandle(requests[i].slot, 0, Abi.getHandle(hs, i));
            requests[i].completed();
        }
        Errors.check(rc, block ? "MPI_Waitsome" : "MPI_Testsome");
        for (int i : indices) {
            requests[i].afterCompletion();
        }
        return indices;
    }

    /** Checks the array; returns its length. All must be active when {@code all}, else at least one. */
    private static int checkAll(Request[] requests, Status[] statuses, boolean all) {
        MpiState.checkCall();
        Objects.requireNonNull(requests, "requests");
        if (statuses != null && statuses.length != requests.length) {
            throw new IllegalArgumentException("statuses: length " + statuses.length
                    + " differs from the " + requests.length + " requests");
        }
        boolean anyActive = false;
        long call = CALLS.incrementAndGet();
        for (int i = 0; i < requests.length; i++) {
            Request r = element(requests, i);
            if (r.checkedBy == call) {
                throw new IllegalArgumentException("requests[" + i + "]: the same request as requests["
                        + Arrays.asList(requests).indexOf(r) + "]");
            }
            r.checkedBy = call;
            if (r.future != null && r.state == ACTIVE) {
                throw new IllegalStateException("requests[" + i + "]: bound to a future; complete it through the future");
            }
            if (r.state == ACTIVE) {
                r.checkBuffers();
                anyActive = true;
            } else if (all) {
                throw new IllegalStateException("requests[" + i + "]: not active (never started or already completed)");
            }
        }
        if (!all && !anyActive) {
            throw new IllegalArgumentException("requests: none is active");
        }
        return requests.length;
    }

    /** {@code requests[i]}, not null; the message is built only when it is. */
    private static Request element(Request[] requests, int i) {
        Request r = requests[i];
        if (r == null) {
            throw new NullPointerException("requests[" + i + "]");
        }
        return r;
    }

    /** Copies the handles of the active requests (REQUEST_NULL for the rest) into scratch. */
    private static MemorySegment load(Request[] requests) {
        MemorySegment hs = Scratch.handles(requests.length);
        for (int i = 0; i < requests.length; i++) {
            Request r = requests[i];
            Abi.setHandle(hs, i, r.state == ACTIVE ? Abi.getHandle(r.slot) : Handles.REQUEST_NULL);
        }
        return hs;
    }

    /**
     * After a call that completed every request (or failed with MPI_ERR_IN_STATUS, where
     * each status says which completed): writes handles back and updates the states.
     */
    static void finish(Request[] requests, MemorySegment hs, MemorySegment st, int rc,
                       Status[] statuses, int n, String call) {
        boolean inStatus = rc == MpiCalls.MPI_ERR_IN_STATUS();
        for (int i = 0; i < n; i++) {
            Request r = requests[i];
            if (r.state != ACTIVE) {
                continue;
            }
            long at = i * Scratch.STATUS_BYTES;
            if (inStatus && Abi.statusError(st, at) == MpiCalls.MPI_ERR_PENDING()) {
                continue;
            }
            Abi.setHandle(r.slot, 0, Abi.getHandle(hs, i));
            r.completed();
            if (statuses != null && statuses[i] != null) {
                MemorySegment.copy(st, at, statuses[i].segment(), 0, Scratch.STATUS_BYTES);
            }
        }
        if (rc != 0) {
            throw Errors.exception(rc, call);
        }
        for (int i = 0; i < n; i++) {
            requests[i].afterCompletion();
        }
    }

    // ------------------------------------------------------------------ internals

    /**
     * Sets the state with a release store: like a volatile write for a thread that reads
     * it (the poller, a caller of isDone), without the full fence a volatile write costs
     * on every start and completion.
     */
    private void publish(int newState) {
        STATE.setRelease(this, newState);
    }

    /** Drops the future of the last run of a persistent request (a volatile write only when there is one). */
    private void unbindFuture() {
        if (future != null) {
            future = null;
        }
    }

    private void checkActive() {
        MpiState.checkCall();
        if (state != ACTIVE) {
            throw new IllegalStateException(switch (state) {
                case NEW -> "request: no operation was started on it";
                case COMPLETE -> persistent ? "request: persistent request not started (call start())"
                        : "request: has already completed";
                default -> "request: closed";
            });
        }
        checkBuffers();
    }

    private void checkBuffers() {
        if (cancelled) {
            return;
        }
        if (buffers instanceof MemorySegment seg) {
            checkAlive(seg);
        } else if (buffers instanceof MemorySegment[] segs) {
            for (MemorySegment seg : segs) {
                checkAlive(seg);
            }
        }
    }

    private static void checkAlive(MemorySegment seg) {
        if (seg != null && !seg.scope().isAlive()) {
            throw new IllegalStateException("request: the buffer's arena was closed while the operation was in flight");
        }
    }

    private void completed() {
        if (copyBack != null && !cancelled) {
            for (MemorySegment[] pair : copyBack) {
                Staging.copy(pair[0], pair[1], pair[1].byteSize());
            }
        }
        if (!persistent) {
            copyBack = null;
        }
        publish(COMPLETE);
        cancelled = false;
        if (holding != null) {
            holding.release();
            holding = null;
        }
        if (!persistent) {
            buffers = null;
        }
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }

    /**
     * Releases the request. A persistent request is freed ({@code MPI_Request_free}); an
     * active point-to-point request is handed to MPI to complete on its own
     * ({@code MPI_Request_free}); an active nonblocking collective or file operation
     * cannot be abandoned and is refused. A no-op once closed.
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
        if (state == ACTIVE && (mustComplete != null || future != null)) {
            throw new IllegalStateException("request: " + (mustComplete != null ? mustComplete : "bound to a future")
                    + " must complete before it is closed");
        }
        if (Abi.getHandle(slot).address() != Handles.REQUEST_NULL.address()) {
            Errors.check(MpiCalls.MPI_Request_free(slot), "MPI_Request_free");
        }
        state = FREED;
        buffers = null;
    }
}
