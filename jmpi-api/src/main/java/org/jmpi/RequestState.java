package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Slots;
import org.jmpi.internal.Staging;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What a {@link Request} holds and how its state moves: NEW, then ACTIVE while an
 * operation is in flight, COMPLETE once MPI completed it (a persistent request rests
 * there between starts), FREED once closed. It holds what the operation uses until it
 * completes (segments, the native copy of an array, argument memory, an op) and does
 * what completion entails (copying a received array back, releasing them). The calls
 * that start operations set it up through the package-private methods here; the public
 * API is {@link Request}'s.
 */
abstract sealed class RequestState permits Request {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RequestState.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    static final int NEW = 0;
    static final int ACTIVE = 1;
    static final int COMPLETE = 2;
    static final int FREED = 3;

    final MemorySegment slot = Slots.next(Handles.REQUEST_NULL);
    Object buffers;
    /** The native copy of a message in a Java array, owned by this request; else null. */
    Staged staged;
    Arena arena;
    boolean persistent;
    /** What the operation is, when it may not be abandoned by close() while active; else null. */
    String mustComplete;
    boolean cancelled;
    private Op reduction;
    private Op holding;
    private MemorySegment[][] copyBack;
    /** A receive's buffer, count x type, to describe a truncation; type null for other operations. */
    private long recvCount;
    private Datatype recvType;
    /** The status of a matched message being received ({@code MPI_Imrecv}), which gives its size; else null. */
    private MemorySegment matched;
    volatile int state = NEW;
    volatile CompletableFuture<Status> future;
    /** The multi-completion call that last checked this request, to find duplicates in one pass. */
    long checkedBy;

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
        return (Request) this;
    }

    /** Marks the request started by a successful nonblocking call on {@code buffers}. */
    Request started(Object buffers) {
        this.buffers = buffers;
        publish(ACTIVE);
        return (Request) this;
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
        return (Request) this;
    }

    /**
     * Records what a receive has room for, {@code count x type} (null for a send), and the
     * status of the matched message it receives (null if none), to describe a truncation.
     */
    Request receiving(long count, Datatype type, MemorySegment matched) {
        this.recvCount = count;
        this.recvType = type;
        this.matched = matched;
        return (Request) this;
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
        return (Request) this;
    }

    /**
     * Copies each pair's native staging memory ({@code pair[0]}) into the heap memory it
     * stands for ({@code pair[1]}, all of it) when the operation completes (not when it
     * was cancelled): how an array a nonblocking call writes receives its data. The
     * staging memory must live until then (in the request's arena, say).
     */
    Request copyingBack(MemorySegment[][] pairs) {
        this.copyBack = pairs;
        return (Request) this;
    }

    /** Keeps {@code op} in use (not closable) until the operation completes; null for none. */
    Request holding(Op op) {
        this.holding = op;
        return (Request) this;
    }

    /** After completion: rethrows, on this thread, a failure of the reduction's user function. */
    void afterCompletion() {
        Op op = reduction;
        if (op != null && state == COMPLETE) {
            reduction = null;
            op.afterReduction();
        }
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

    /**
     * The status MPI fills at completion: the caller's, else scratch for a receive (to copy
     * back what arrived and to describe a truncation), else none.
     */
    MemorySegment statusFor(Status status) {
        return status != null ? status.segment() : recvType != null ? Scratch.statuses(1) : MpiCalls.MPI_STATUS_IGNORE();
    }

    /** Whether the request is active and bound to a future (so only the future completes it). */
    boolean boundToFuture() {
        return future != null && state == ACTIVE;
    }

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

    /**
     * Sets the state with a release store: like a volatile write for a thread that reads
     * it (the poller, a caller of isDone), without the full fence a volatile write costs
     * on every start and completion.
     */
    void publish(int newState) {
        STATE.setRelease(this, newState);
    }

    /** Drops the future of the last run of a persistent request (a volatile write only when there is one). */
    void unbindFuture() {
        if (future != null) {
            future = null;
        }
    }

    /** Whether an operation is in flight (for the multi-completion calls). */
    boolean active() {
        return state == ACTIVE;
    }

    /** Checks that an operation is in flight, and its segments alive, before a wait, test or cancel. */
    void checkActive() {
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
}
