package org.jmpi;

import org.jmpi.internal.Args;

/**
 * The synchronization epochs this process has open on a window: a lock per target,
 * {@code lockAll}, the access epoch of {@code start} and the exposure epoch of
 * {@code post}. A call that would open an epoch twice, close one that is not open or mix
 * kinds MPI forbids to mix is refused before it reaches MPI (where it could hang). A
 * transition reserves its epoch ({@code BUSY}) before the native call and settles it
 * after, so no monitor is held while MPI blocks. Fence epochs are not tracked: fence is
 * refused only while another kind of epoch is open.
 */
final class WinEpochs {
    private static final byte NONE = 0;
    private static final byte OPEN = 1;
    private static final byte BUSY = 2;

    /** The epochs other than per-target locks, each opened and closed by one pair of calls. */
    enum Kind {
        /** {@code lockAll}/{@code unlockAll}. */
        ALL("lockAll()", "unlockAll()"),
        /** {@code start}/{@code complete}. */
        ACCESS("start()", "complete()"),
        /** {@code post}/{@code waitFor} (or a {@code test} that returns true). */
        EXPOSURE("post()", "waitFor()");

        private final String opener;
        private final String closer;

        Kind(String opener, String closer) {
            this.opener = opener;
            this.closer = closer;
        }
    }

    private final byte[] locks;
    private int lockCount;
    private final byte[] kinds = new byte[Kind.values().length];

    WinEpochs(int size) {
        this.locks = new byte[size];
    }

    private static IllegalStateException refused(String call, String why) {
        return new IllegalStateException(call + ": " + why);
    }

    /** Refuses {@code call} while an epoch of {@code k} is open or opening. */
    private void conflict(String call, Kind k) {
        if (kinds[k.ordinal()] != NONE) {
            throw refused(call, "an epoch of " + k.opener + " is open; call " + k.closer + " first");
        }
    }

    // ---------------------------------------------------------------- per-target locks

    synchronized void beginLock(int rank) {
        conflict("lock", Kind.ALL);
        conflict("lock", Kind.ACCESS);
        if (locks[rank] != NONE) {
            throw refused("lock", "target rank " + rank + " is already locked by this process; unlock(" + rank
                    + ") first");
        }
        locks[rank] = BUSY;
        lockCount++;
    }

    synchronized void endLock(int rank, boolean ok) {
        if (ok) {
            locks[rank] = OPEN;
        } else {
            locks[rank] = NONE;
            lockCount--;
        }
    }

    synchronized void beginUnlock(int rank) {
        if (locks[rank] != OPEN) {
            throw refused("unlock", "target rank " + rank + " is not locked by this process");
        }
        locks[rank] = BUSY;
    }

    synchronized void endUnlock(int rank, boolean ok) {
        if (ok) {
            locks[rank] = NONE;
            lockCount--;
        } else {
            locks[rank] = OPEN;
        }
    }

    /** Refuses {@code call} unless a passive-target epoch covers {@code rank} (PROC_NULL: always). */
    synchronized void checkPassive(int rank, String call) {
        if (kinds[Kind.ALL.ordinal()] == OPEN || rank == Args.PROC_NULL || locks[rank] == OPEN) {
            return;
        }
        throw refused(call, "needs a passive-target epoch on target rank " + rank + ": call lock(" + rank
                + ") or lockAll() first");
    }

    /** Refuses {@code call} unless some passive-target epoch is open. */
    synchronized void checkAnyPassive(String call) {
        if (kinds[Kind.ALL.ordinal()] != OPEN && lockCount == 0) {
            throw refused(call, "needs a passive-target epoch: call lock(rank) or lockAll() first");
        }
    }

    // ---------------------------------------------------------------- the other epochs

    /**
     * Reserves the opening of {@code k} by {@code call}: refused while it is open, and for
     * lockAll and start while locks or the other one of the two are open.
     */
    synchronized void beginOpen(Kind k, String call) {
        if (kinds[k.ordinal()] != NONE) {
            throw refused(call, "an epoch of " + k.opener + " is already open; call " + k.closer + " first");
        }
        if (k != Kind.EXPOSURE) {
            if (lockCount != 0) {
                throw refused(call, "this process holds a lock(rank); unlock it first");
            }
            conflict(call, k == Kind.ALL ? Kind.ACCESS : Kind.ALL);
        }
        kinds[k.ordinal()] = BUSY;
    }

    /** Settles an opening: open when {@code ok}. */
    synchronized void endOpen(Kind k, boolean ok) {
        kinds[k.ordinal()] = ok ? OPEN : NONE;
    }

    /** Reserves the closing of {@code k} by {@code call}: refused unless it is open. */
    synchronized void beginClose(Kind k, String call) {
        if (kinds[k.ordinal()] != OPEN) {
            throw refused(call, "no epoch of " + k.opener + " is open");
        }
        kinds[k.ordinal()] = BUSY;
    }

    /** Settles a closing: closed when {@code closed}, else still open. */
    synchronized void endClose(Kind k, boolean closed) {
        kinds[k.ordinal()] = closed ? NONE : OPEN;
    }

    /** Refuses a fence while an epoch of another kind is open. */
    synchronized void checkFence() {
        if (lockCount != 0) {
            throw refused("fence", "this process holds a lock(rank); unlock it first");
        }
        for (Kind k : Kind.values()) {
            conflict("fence", k);
        }
    }

    /** Refuses freeing the window while this process has an epoch open on it. */
    synchronized void checkIdle() {
        if (lockCount != 0) {
            throw refused("close", "this process holds a lock(rank) on the window; unlock it first");
        }
        for (Kind k : Kind.values()) {
            conflict("close", k);
        }
    }
}
