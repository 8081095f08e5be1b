package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Optional;

/**
 * Memory every rank exposes for one-sided access: this rank's part is {@link #memory()},
 * a peer's part is addressed by (target rank, byte displacement). Calls take
 * {@link org.jmpi.Win}'s argument order: the origin buffer first, then the target rank,
 * then the target displacement.
 *
 * <p>An origin buffer is a {@link MemorySegment} (its elements are bytes; native memory
 * moves without a copy) or a Java primitive array ({@code byte[]}, {@code short[]},
 * {@code char[]}, {@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}),
 * whose element type comes from the array itself and moves through native staging memory.
 * The forms with {@code offset} and {@code count} move part of it, counted in its
 * elements. Single words and atomics go through the typed views {@link #longs()} and
 * {@link #ints()}, which fix the width.
 *
 * <p>Puts complete locally; a {@link #flush} (or {@link DsmContext#barrier()}) makes them
 * visible at the target. Every access is checked against the buffer and the target's
 * part before anything is sent. Where UCX can map a peer's memory ({@code ucp_rkey_ptr}),
 * puts and gets are plain copies through {@link #direct(int)}; atomics use CPU atomics
 * only when every rank can map every other, so one word never sees both kinds.
 * {@link #close()} is local.
 */
public final class Window implements AutoCloseable {
    final DsmContext ctx;
    private final int me;
    final WindowKeys keys;
    private final Transfers transfers;
    private final Signals signals;
    private final LongAtomics longs;
    private final IntAtomics ints;
    private volatile boolean closed;

    private Window(DsmContext ctx, WindowKeys keys) {
        this.ctx = ctx;
        this.me = ctx.rank();
        this.keys = keys;
        this.transfers = new Transfers(this);
        Atomics atomics = new Atomics(this);
        this.signals = new Signals(this, ctx, keys, transfers, atomics);
        this.longs = new LongAtomics(atomics, transfers);
        this.ints = new IntAtomics(atomics, transfers);
    }

    static Window allocate(DsmContext ctx, long bytes) {
        return added(ctx, new Window(ctx, WindowKeys.allocate(ctx, bytes)));
    }

    static Window register(DsmContext ctx, MemorySegment segment) {
        return added(ctx, new Window(ctx, WindowKeys.register(ctx, segment)));
    }

    private static Window added(DsmContext ctx, Window w) {
        ctx.add(w);
        return w;
    }

    // ---- facts ----

    /** The context this window belongs to. */
    public DsmContext context() {
        return ctx;
    }

    /**
     * This rank's part of the window. For an allocated window the segment is valid until
     * the window (or its context) is closed; for a registered one it is the caller's segment.
     */
    public MemorySegment memory() {
        checkOpen();
        return keys.local;
    }

    /** The size in bytes of {@code rank}'s part. */
    public long targetSize(int rank) {
        ctx.checkRank(rank);
        return keys.sizes[rank];
    }

    /** The size in bytes of this rank's part. */
    public long size() {
        return keys.sizes[me];
    }

    /** Whether this rank reaches {@code rank}'s part by load/store. */
    public boolean isDirect(int rank) {
        ctx.checkRank(rank);
        return keys.direct[rank] != null;
    }

    /** Whether atomics are CPU atomics on mapped memory (every rank reaches every rank directly). */
    public boolean directAtomics() {
        return keys.directAtomics;
    }

    /**
     * A load/store view of {@code rank}'s part, sized to it, when UCX could map it (same node,
     * UCX-allocated memory, direct mode on); valid until the window is closed.
     */
    public Optional<MemorySegment> direct(int rank) {
        ctx.checkRank(rank);
        checkOpen();
        return Optional.ofNullable(keys.direct[rank]);
    }

    /** Whether the window has been closed (directly or by closing its context). */
    public boolean isClosed() {
        return closed;
    }

    // ---- put / get ----

    /** Puts all of {@code origin} at byte {@code targetDisp} of {@code targetRank}'s part; returns when it may be reused. */
    public void put(Object origin, int targetRank, long targetDisp) {
        transfers.blocking(true, origin, 0, -1, targetRank, targetDisp);
    }

    /** Puts {@code count} elements of {@code origin} from element {@code offset}. */
    public void put(Object origin, long offset, long count, int targetRank, long targetDisp) {
        transfers.blocking(true, origin, offset, count, targetRank, targetDisp);
    }

    /** Fills all of {@code origin} from byte {@code targetDisp} of {@code targetRank}'s part. */
    public void get(Object origin, int targetRank, long targetDisp) {
        transfers.blocking(false, origin, 0, -1, targetRank, targetDisp);
    }

    /** Fills {@code count} elements of {@code origin} from element {@code offset}. */
    public void get(Object origin, long offset, long count, int targetRank, long targetDisp) {
        transfers.blocking(false, origin, offset, count, targetRank, targetDisp);
    }

    /**
     * Starts a put of all of {@code origin}; heap data is copied to native staging memory
     * now, so an array may be reused at once, and a native segment when the request completes.
     */
    public DsmRequest rput(Object origin, int targetRank, long targetDisp) {
        return transfers.start(true, origin, 0, -1, targetRank, targetDisp);
    }

    /** Starts a put of {@code count} elements of {@code origin} from element {@code offset}. */
    public DsmRequest rput(Object origin, long offset, long count, int targetRank, long targetDisp) {
        return transfers.start(true, origin, offset, count, targetRank, targetDisp);
    }

    /** Starts a get into all of {@code origin}, which holds the data once the request completes. */
    public DsmRequest rget(Object origin, int targetRank, long targetDisp) {
        return transfers.start(false, origin, 0, -1, targetRank, targetDisp);
    }

    /** Starts a get into {@code count} elements of {@code origin} from element {@code offset}. */
    public DsmRequest rget(Object origin, long offset, long count, int targetRank, long targetDisp) {
        return transfers.start(false, origin, offset, count, targetRank, targetDisp);
    }

    // ---- single words and atomics ----

    /** The 64-bit words of this window: single-word puts and gets, and atomics on {@code long}. */
    public LongAtomics longs() {
        return longs;
    }

    /** The 32-bit words of this window: single-word puts and gets, and atomics on {@code int}. */
    public IntAtomics ints() {
        return ints;
    }

    // ---- completion and synchronisation ----

    /**
     * Completes this rank's operations to {@code rank} at the target (all windows of the
     * context). On a mapped peer, whose puts are plain stores, it orders them before every
     * later store of this thread, as UCX's shared-memory flush does for C: a peer that sees
     * a later store (a signal, a flag, a lock's release) sees the data. Use an atomic, or
     * {@link DsmContext#barrier()}, to order them before a later load too.
     */
    public void flush(int rank) {
        ctx.checkRank(rank);
        checkOpen();
        ctx.flush(rank);
    }

    /** Completes all of this rank's operations at their targets (all windows of the context). */
    public void flushAll() {
        checkOpen();
        ctx.flush();
    }

    /** Orders earlier operations before later ones ({@code ucp_worker_fence}), without waiting. */
    public void fence() {
        checkOpen();
        ctx.fence();
    }

    /**
     * Puts all of {@code origin} at {@code targetDisp} of {@code targetRank}'s part, then
     * updates the 64-bit signal word at {@code signalDisp} there as {@code op} says with
     * {@code signalValue}: a receiver that sees the signal sees the data.
     */
    public void putWithSignal(Object origin, int targetRank, long targetDisp, long signalDisp, long signalValue,
                              SignalOp op) {
        signals.putWithSignal(origin, targetRank, targetDisp, signalDisp, signalValue, op);
    }

    /** Whether this rank's 64-bit word at {@code localDisp} compares to {@code value} as {@code cmp} says; progresses once. */
    public boolean test(long localDisp, Cmp cmp, long value) {
        return signals.test(localDisp, cmp, value);
    }

    /**
     * Waits, progressing the worker, until this rank's 64-bit word at {@code localDisp}
     * compares to {@code value} as {@code cmp} says; returns the word.
     *
     * @throws DsmTimeoutException if {@code timeout} passes first
     */
    public long waitUntil(long localDisp, Cmp cmp, long value, Duration timeout) {
        return signals.waitUntil(localDisp, cmp, value, timeout);
    }

    /**
     * Releases the window's keys and memory (an allocated window's memory goes away; a
     * registered segment stays the caller's). Local and idempotent; peers must have
     * finished accessing this rank's part (e.g. a barrier before closing).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        ctx.exclusive(() -> {
            try {
                ctx.flushWorker();
            } catch (RuntimeException ignored) {
                // releasing anyway
            }
            release();
            ctx.remove(this);
        });
    }

    /** Frees the native resources; the caller holds the context exclusively (or is closing it). */
    synchronized void release() {
        if (closed) {
            return;
        }
        closed = true;
        keys.release(ctx);
    }

    @Override
    public String toString() {
        return "Window[rank " + me + ", " + keys.sizes[me] + " bytes" + (closed ? ", closed" : "") + "]";
    }

    /** Enters the context for a native section, refusing a closed window; leave with {@link DsmContext#exit()}. */
    void begin() {
        ctx.enter();
        if (closed) {
            ctx.exit();
            throw new IllegalStateException("window is closed");
        }
    }

    private void checkOpen() {
        if (closed || ctx.isClosed()) {
            throw new IllegalStateException(closed ? "window is closed" : "DSM context is closed");
        }
    }
}
