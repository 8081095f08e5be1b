package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.jmpi.WinEpochs.Kind;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.WinAssert.NOCHECK;
import static org.jmpi.WinAssert.NOPRECEDE;
import static org.jmpi.WinAssert.NOPUT;
import static org.jmpi.WinAssert.NOSTORE;
import static org.jmpi.WinAssert.NOSUCCEED;

/**
 * Synchronization of a {@link Win}: the epochs inside which one-sided calls are made and
 * which complete them. Active target: {@link #fence} (collective), or
 * {@link #start}/{@link #complete} (access) matched with {@link #post}/{@link #waitFor}
 * (exposure) between groups. Passive target: {@link #lock}/{@link #unlock} one target or
 * {@link #lockAll}/{@link #unlockAll}, with {@code flush*} to complete calls inside the
 * epoch. Opening an epoch twice, closing one that is not open, or mixing passive and
 * active epochs is refused before reaching MPI; so is a synchronization whose pending
 * calls lost a buffer's arena (see {@link Win}). A synchronization that completes calls
 * (fence, complete, unlock, unlockAll, the flushes) copies the data they fetched into
 * Java arrays and frees the native copies of arrays it completes.
 */
public sealed interface WinSync permits Win {

    /**
     * Ends the current fence epoch and starts the next one ({@code MPI_Win_fence});
     * collective over the window's group. Accepts {@link WinAssert#NOSTORE NOSTORE},
     * {@code NOPUT}, {@code NOPRECEDE} and {@code NOSUCCEED}.
     */
    default void fence(WinAssert... asserts) {
        Win w = win();
        w.check();
        int bits = WinAssert.bits(asserts, "fence", NOSTORE, NOPUT, NOPRECEDE, NOSUCCEED);
        w.epochs.checkFence();
        w.holds.check(WinHolds.ALL, "fence");
        Errors.check(MpiCalls.MPI_Win_fence(bits, w.handle), "MPI_Win_fence");
        w.holds.release(WinHolds.ALL);
    }

    /**
     * Starts an access epoch to the processes of {@code group} (ranks of the window's
     * group), which must {@link #post} ({@code MPI_Win_start}). Accepts {@code NOCHECK}.
     */
    default void start(Group group, WinAssert... asserts) {
        Win w = win();
        w.check();
        MemorySegment g = Objects.requireNonNull(group, "group").handle();
        int bits = WinAssert.bits(asserts, "start", NOCHECK);
        open(Kind.ACCESS, "start", () -> MpiCalls.MPI_Win_start(g, bits, w.handle), "MPI_Win_start");
    }

    /** Ends the access epoch of {@link #start}, completing its calls ({@code MPI_Win_complete}). */
    default void complete() {
        Win w = win();
        close(Kind.ACCESS, "complete", () -> MpiCalls.MPI_Win_complete(w.handle), "MPI_Win_complete", true);
    }

    /**
     * Exposes this process's window to the processes of {@code group}, which
     * {@link #start} ({@code MPI_Win_post}). Accepts {@code NOCHECK}, {@code NOSTORE} and
     * {@code NOPUT}.
     */
    default void post(Group group, WinAssert... asserts) {
        Win w = win();
        w.check();
        MemorySegment g = Objects.requireNonNull(group, "group").handle();
        int bits = WinAssert.bits(asserts, "post", NOCHECK, NOSTORE, NOPUT);
        open(Kind.EXPOSURE, "post", () -> MpiCalls.MPI_Win_post(g, bits, w.handle), "MPI_Win_post");
    }

    /** Waits until every process of the posted group has completed ({@code MPI_Win_wait}). */
    default void waitFor() {
        Win w = win();
        close(Kind.EXPOSURE, "waitFor", () -> MpiCalls.MPI_Win_wait(w.handle), "MPI_Win_wait", false);
    }

    /**
     * Whether every process of the posted group has completed ({@code MPI_Win_test}); once
     * true, the exposure epoch has ended as by {@link #waitFor}.
     */
    default boolean test() {
        Win w = win();
        w.check();
        w.epochs.beginClose(Kind.EXPOSURE, "test");
        MemorySegment flag = Scratch.words();
        int rc = MpiCalls.MPI_Win_test(w.handle, flag);
        boolean ended = rc == 0 && flag.get(JAVA_INT, 0) != 0;
        w.epochs.endClose(Kind.EXPOSURE, ended);
        Errors.check(rc, "MPI_Win_test");
        return ended;
    }

    /** {@link #lock(int, LockType, WinAssert...)} with an exclusive lock. */
    default void lock(int rank) {
        lock(rank, LockType.EXCLUSIVE);
    }

    /**
     * Starts a passive-target epoch on {@code rank} ({@code MPI_Win_lock}). Accepts
     * {@code NOCHECK}. Refused while this process holds {@code lockAll}, a lock on the
     * same target or a start epoch.
     */
    default void lock(int rank, LockType type, WinAssert... asserts) {
        Win w = win();
        w.check();
        target(rank, w.size);
        int t = Objects.requireNonNull(type, "type").value;
        int bits = WinAssert.bits(asserts, "lock", NOCHECK);
        w.epochs.beginLock(rank);
        settle(() -> MpiCalls.MPI_Win_lock(t, rank, bits, w.handle), "MPI_Win_lock", ok -> w.epochs.endLock(rank, ok));
    }

    /** Ends the passive-target epoch on {@code rank}, completing its calls at both ends ({@code MPI_Win_unlock}). */
    default void unlock(int rank) {
        Win w = win();
        w.check();
        target(rank, w.size);
        w.holds.check(rank, "unlock");
        w.epochs.beginUnlock(rank);
        settle(() -> MpiCalls.MPI_Win_unlock(rank, w.handle), "MPI_Win_unlock", ok -> w.epochs.endUnlock(rank, ok));
        w.holds.release(rank);
    }

    /** Starts a shared passive-target epoch on every process ({@code MPI_Win_lock_all}). Accepts {@code NOCHECK}. */
    default void lockAll(WinAssert... asserts) {
        Win w = win();
        w.check();
        int bits = WinAssert.bits(asserts, "lockAll", NOCHECK);
        open(Kind.ALL, "lockAll", () -> MpiCalls.MPI_Win_lock_all(bits, w.handle), "MPI_Win_lock_all");
    }

    /** Ends the epoch of {@link #lockAll}, completing its calls ({@code MPI_Win_unlock_all}). */
    default void unlockAll() {
        Win w = win();
        close(Kind.ALL, "unlockAll", () -> MpiCalls.MPI_Win_unlock_all(w.handle), "MPI_Win_unlock_all", true);
    }

    /** Completes this process's calls to {@code rank} at both ends, inside a passive-target epoch ({@code MPI_Win_flush}). */
    default void flush(int rank) {
        flushOne(rank, false);
    }

    /** Completes this process's calls to {@code rank} locally: buffers reusable, fetched data arrived ({@code MPI_Win_flush_local}). */
    default void flushLocal(int rank) {
        flushOne(rank, true);
    }

    /** {@link #flush} for every target ({@code MPI_Win_flush_all}). */
    default void flushAll() {
        flushEvery(false);
    }

    /** {@link #flushLocal} for every target ({@code MPI_Win_flush_local_all}). */
    default void flushLocalAll() {
        flushEvery(true);
    }

    /**
     * Synchronizes the public and private copies of this process's window
     * ({@code MPI_Win_sync}): a memory barrier between direct loads and stores (shared
     * memory) and RMA.
     */
    default void sync() {
        Win w = win();
        w.check();
        Errors.check(MpiCalls.MPI_Win_sync(w.handle), "MPI_Win_sync");
    }

    private void flushOne(int rank, boolean local) {
        Win w = win();
        w.check();
        target(rank, w.size);
        String call = local ? "flushLocal" : "flush";
        w.epochs.checkPassive(rank, call);
        w.holds.check(rank, call);
        Errors.check(local ? MpiCalls.MPI_Win_flush_local(rank, w.handle) : MpiCalls.MPI_Win_flush(rank, w.handle),
                local ? "MPI_Win_flush_local" : "MPI_Win_flush");
        w.holds.release(rank);
    }

    private void flushEvery(boolean local) {
        Win w = win();
        w.check();
        String call = local ? "flushLocalAll" : "flushAll";
        w.epochs.checkAnyPassive(call);
        w.holds.check(WinHolds.ALL, call);
        Errors.check(local ? MpiCalls.MPI_Win_flush_local_all(w.handle) : MpiCalls.MPI_Win_flush_all(w.handle),
                local ? "MPI_Win_flush_local_all" : "MPI_Win_flush_all");
        w.holds.release(WinHolds.ALL);
    }

    /** A rank of the window's group; unlike RMA calls, synchronization takes no PROC_NULL. */
    private static void target(int rank, int size) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank: " + rank + " is not in [0, " + size + ")"
                    + (rank == Args.PROC_NULL ? "; PROC_NULL is no target for lock, unlock or flush" : ""));
        }
    }

    /** Opens an epoch of kind {@code k} with {@code call}, the window already checked. */
    private void open(Kind k, String call, IntSupplier mpi, String name) {
        Win w = win();
        w.epochs.beginOpen(k, call);
        settle(mpi, name, ok -> w.epochs.endOpen(k, ok));
    }

    /** Closes an epoch of kind {@code k} with {@code call}; one that {@code completes} RMA calls releases their buffers. */
    private void close(Kind k, String call, IntSupplier mpi, String name, boolean completes) {
        Win w = win();
        w.check();
        if (completes) {
            w.holds.check(WinHolds.ALL, call);
        }
        w.epochs.beginClose(k, call);
        settle(mpi, name, ok -> w.epochs.endClose(k, ok));
        if (completes) {
            w.holds.release(WinHolds.ALL);
        }
    }

    /** Runs a native transition, then settles the reserved epoch with whether it succeeded. */
    private static void settle(IntSupplier call, String name, Consumer<Boolean> end) {
        boolean ok = false;
        try {
            Errors.check(call.getAsInt(), name);
            ok = true;
        } finally {
            end.accept(ok);
        }
    }

    private Win win() {
        return (Win) this;
    }
}
