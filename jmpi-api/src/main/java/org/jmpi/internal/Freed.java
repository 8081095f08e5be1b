package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.mpi.mpi_h;

/**
 * "Free exactly once" for an MPI object: a flag that {@link #check} reads on every call
 * and {@link #free} sets once before calling {@code MPI_*_free}, which takes a pointer to
 * the handle. Not public API.
 */
public final class Freed {
    private final String what;
    private volatile boolean freed;

    /** A flag for an object described as {@code what} in error messages. */
    public Freed(String what) {
        this.what = what;
    }

    /** Refuses the call unless MPI is running, the thread may call it and the object is live. */
    public void check() {
        Runtime.checkCall();
        if (freed) {
            throw new IllegalStateException(what + " has been freed");
        }
    }

    /** Whether {@link #free} has run. */
    public boolean isFreed() {
        return freed;
    }

    /**
     * Frees {@code handle} with {@code freeCall} the first time only; later calls are no-ops.
     */
    public void free(MemorySegment handle, ToIntFunction<MemorySegment> freeCall, String call) {
        if (freed) {
            return;
        }
        Runtime.checkCall();
        synchronized (this) {
            if (freed) {
                return;
            }
            freed = true;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(mpi_h.C_POINTER);
            h.set(mpi_h.C_POINTER, 0, handle);
            Errors.check(freeCall.applyAsInt(h), call);
        }
    }
}
