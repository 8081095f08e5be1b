package org.jmpi;

import org.jmpi.bindings.mpi.mpi_h;

/** The kind of a passive-target lock, see {@link Win#lock(int, LockType, WinAssert...)}. */
public enum LockType {
    /** {@code MPI_LOCK_EXCLUSIVE}: no other process holds a lock on the target meanwhile. */
    EXCLUSIVE(mpi_h.MPI_LOCK_EXCLUSIVE()),
    /** {@code MPI_LOCK_SHARED}: other processes may hold shared locks on the target too. */
    SHARED(mpi_h.MPI_LOCK_SHARED());

    final int value;

    LockType(int value) {
        this.value = value;
    }
}
