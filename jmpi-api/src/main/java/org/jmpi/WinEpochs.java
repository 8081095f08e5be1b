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

    private final byte[] locks;
    private int lockCount;
    private byte all;
    private byte access;
    private byte exposure;

    WinEpochs(int size) {
        this.locks = new byte[size];
    }

    private static IllegalStateException refused(String call, String why) {
        return new IllegalStateException(call + ": " + why);
    }

    // ---------------------------------------------------------------- passive target

    synchronized void beginLock(int rank) {
        if (all != NONE) {
            throw refused("lock", "lockAll() already holds every target; unlockAll() first");
        }
        if (access != NONE) {
            throw refused("lock", "an access epoch of start() is open; complete() it first");
        }
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

    synchronized void beginLockAll() {
        if (all != NONE) {
            throw refused("lockAll", "lockAll() is already in effect; unlockAll() first");
        }
        if (lockCount != 0) {
            throw refused("lockAll", "this process holds a lock(rank); unlock it first");
        }
        if (access != NONE) {
            throw refused("lockAll", "an access epoch of start() is open; complete() it first");
        }
        all = BUSY;
    }

    synchronized void endLockAll(boolean ok) {
        all = ok ? OPEN : NONE;
    }

    synchronized void beginUnlockAll() {
        if (all != OPEN) {
            throw refused("unlockAll", "no lockAll() is in effect");
        }
        all = BUSY;
    }

    synchronized void endUnlockAll(boolean ok) {
        all = ok ? NONE : OPEN;
    }

    /** Refuses {@code call} unless a passive-target epoch covers {@code rank} (PROC_NULL: always). */
    synchronized void checkPassive(int rank, String call) {
        if (all == OPEN || rank == Args.PROC_NULL || locks[rank] == OPEN) {
            return;
        }
        throw refused(call, "needs a passive-target epoch on target rank " + rank + ": call lock(" + rank
                + ") or lockAll() first");
    }

    /** Refuses {@code call} unless some passive-target epoch is open. */
    synchronized void checkAnyPassive(String call) {
        if (all != OPEN && lockCount == 0) {
            throw refused(call, "needs a passive-target epoch: call lock(rank) or lockAll() first");
        }
    }

    // ---------------------------------------------------------------- active target

    synchronized void beginStart() {
        if (access != NONE) {
            throw refused("start", "an access epoch of start() is already open; complete() it first");
        }
        if (all != NONE || lockCount != 0) {
            throw refused("start", "a passive-target epoch (lock/lockAll) is open; unlock it first");
        }
        access = BUSY;
    }

    synchronized void endStart(boolean ok) {
        access = ok ? OPEN : NONE;
    }

    synchronized void beginComplete() {
        if (access != OPEN) {
            throw refused("complete", "no access epoch of start() is open");
        }
        access = BUSY;
    }

    synchronized void endComplete(boolean ok) {
        access = ok ? NONE : OPEN;
    }

    synchronized void beginPost() {
        if (exposure != NONE) {
            throw refused("post", "an exposure epoch of post() is already open; waitFor() it first");
        }
        exposure = BUSY;
    }

    synchronized void endPost(boolean ok) {
        exposure = ok ? OPEN : NONE;
    }

    /** Reserves the exposure epoch for {@code call} (waitFor or test). */
    synchronized void beginWait(String call) {
        if (exposure != OPEN) {
            throw refused(call, "no exposure epoch of post() is open");
        }
        exposure = BUSY;
    }

    /** Settles a waitFor/test: the exposure epoch ended when {@code ended}. */
    synchronized void endWait(boolean ended) {
        exposure = ended ? NONE : OPEN;
    }

    /** Refuses a fence while an epoch of another kind is open. */
    synchronized void checkFence() {
        if (all != NONE || lockCount != 0) {
            throw refused("fence", "a passive-target epoch (lock/lockAll) is open; unlock it first");
        }
        if (access != NONE || exposure != NONE) {
            throw refused("fence", "a start/post epoch is open; complete()/waitFor() it first");
        }
    }

    /** Refuses freeing the window while this process has an epoch open on it. */
    synchronized void checkIdle() {
        if (all != NONE || lockCount != 0 || access != NONE || exposure != NONE) {
            throw refused("close", "an epoch is still open on this window (lock, lockAll, start or post);"
                    + " close it with unlock, unlockAll, complete or waitFor first");
        }
    }
}
