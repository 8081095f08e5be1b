package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The kind of a passive-target lock, see {@link Win#lock(int, LockType, WinAssert...)}. */
public enum LockType {
    /** {@code MPI_LOCK_EXCLUSIVE}: no other process holds a lock on the target meanwhile. */
    EXCLUSIVE(MpiCalls.MPI_LOCK_EXCLUSIVE()),
    /** {@code MPI_LOCK_SHARED}: other processes may hold shared locks on the target too. */
    SHARED(MpiCalls.MPI_LOCK_SHARED());

    final int value;

    LockType(int value) {
        this.value = value;
    }
}
