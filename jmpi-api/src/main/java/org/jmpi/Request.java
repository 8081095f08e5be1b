package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Slots;
import org.jmpi.internal.Staging;

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
public final class Request implements AutoCloseable {
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
    /** The native copy of a message in a Java array, owned by this request; else null. */
    private Staged staged;
    private Arena arena;
    private boolean persistent;
    /** What the operation is, when it may not be abandoned by close() while active; else null. */
    private String mustComplete;
    private boolean cancelled;
    private Op reduction;
    private Op holding;
    private MemorySegment[][] copyBack;
    /** A receive's buffer, count x type, to describe a truncation; type null for other operations. */
    private long recvCount;
    private Datatype recvType;
    /** The status of a matched message being received ({@code MPI_Imrecv}), which gives its size; else null. */
    private MemorySegment matched;
    private volatile int state = NEW;
    private volatile CompletableFuture<Status> future;
    /** The multi-completion call that last checked this request, to find duplicates in one pass. */
    long checkedBy;

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

    /**
     * Marks the request started on {@code buffers}, or, when {@code staged} is not null, on
     * that native copy of a message in an array, which it owns from now on.
     */
    Request started(Object buffers, Staged staged) {
        this.staged = staged;
        return started(staged == null ? buffers : null);
    }

    /** Marks a persistent request created (inactive) on {@code buffers} or on the native copy {@code staged}. */
    Request persistent(Object buffers, Staged staged) {
        this.persistent = true;
        this.staged = staged;
        this.buffers = staged == null ? buffers : null;
        this.state = COMPLETE;
        return this;
    }

    /**
     * Records what a receive has room for, {@code count x type} (null for a send), and the
     * status of the matched message it receives (null if none), to describe a truncation.
     */
    Request receiving(long count, Datatype type, MemorySegment matched) {
        this.recvCount = count;
        this.recvType = type;
        this.matched = matched;
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

    /** Checks that this persistent request can be started. */
    void checkStartable() {
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

    /** Before a start: copies the array of a staged send (or of a receive that copies back all of it) in. */
    void begin() {
        if (staged != null) {
            staged.begin();
        }
    }

    /** After a successful {@code MPI_Start}/{@code MPI_Startall}: active again, with a new future if asked for. */
    void restarted() {
        unbindFuture();
        publish(ACTIVE);
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
     * The status MPI fills at completion: the caller's, else scratch for a receive (to copy
     * back what arrived and to describe a truncation), else none.
     */
    private MemorySegment statusFor(Status status) {
        return status != null ? status.segment() : recvType != null ? Scratch.statuses(1) : MpiCalls.MPI_STATUS_IGNORE();
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

    /** Whether the request is active and bound to a future (so only the future completes it). */
    boolean boundToFuture() {
        return future != null && state == ACTIVE;
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

    // ------------------------------------------------------------------ completion (package)

    /**
     * Records that MPI completed the operation, {@code ok} when it succeeded, with its
     * status at byte {@code at} of {@code st} (which may be MPI_STATUS_IGNORE except for a
     * receive, see {@link #statusFor}): a staged receive that succeeded and was not
     * cancelled copies its data back into the array, and a one-shot request lets go of its
     * buffers.
     */
    void completed(MemorySegment st, long at, boolean ok) {
        Staged s = staged;
        if (s != null) {
            if (ok && s.receive && !(cancelled && cancelledIn(st, at))) {
                s.end(st, at);
            }
            if (!persistent) {
                staged = null;
                s.free();
            }
        }
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

    /** Whether the operation whose status is at byte {@code at} of {@code st} was cancelled ({@code MPI_Test_cancelled}). */
    private static boolean cancelledIn(MemorySegment st, long at) {
        MemorySegment flag = Scratch.words();
        Errors.check(MpiCalls.MPI_Test_cancelled(at == 0 ? st : st.asSlice(at), flag), "MPI_Test_cancelled");
        return flag.get(JAVA_INT, 0) != 0;
    }

    /** The exception for {@code call} failing with {@code rc} on this request; a truncated receive says the sizes. */
    MpiException failure(int rc, String call, MemorySegment st, long at) {
        return Errors.exception(rc, call, detail(rc, st, at));
    }

    /** What jmpi adds to MPI's text for error {@code code} of this request (the sizes of a truncated receive), or null. */
    String detail(int code, MemorySegment st, long at) {
        return recvType == null ? null : P2p.truncation(code, recvCount, recvType, st, at, matched);
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

    /** Whether an operation is in flight (for the multi-completion calls). */
    boolean active() {
        return state == ACTIVE;
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

    /** Checks that the native segments the operation uses are still alive (not for a cancelled one). */
    void checkBuffers() {
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
