package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;

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
        MpiState.checkCall();
        if (freed) {
            throw new IllegalStateException(what + " has been freed");
        }
    }

    /** {@code value}, a field of the object, once {@link #check} lets the call read it. */
    public int live(int value) {
        check();
        return value;
    }

    /** {@code value}, a field of the object, once {@link #check} lets the call read it. */
    public long live(long value) {
        check();
        return value;
    }

    /** {@code value}, a field of the object, once {@link #check} lets the call read it. */
    public <T> T live(T value) {
        check();
        return value;
    }

    /** Whether {@link #free} has been called (no MPI call, no thread check). */
    public boolean isFreed() {
        return freed;
    }

    /**
     * Frees {@code handle} with {@code freeCall} the first time only; later calls are no-ops.
     */
    public void free(MemorySegment handle, ToIntFunction<MemorySegment> freeCall, String call) {
        free(handle, freeCall, call, false);
    }

    /**
     * As {@link #free(MemorySegment, ToIntFunction, String)}, for a handle that is a pointer in
     * every ABI ({@code MPI_File}) when {@code pointer}.
     */
    public void free(MemorySegment handle, ToIntFunction<MemorySegment> freeCall, String call, boolean pointer) {
        if (freed) {
            return;
        }
        MpiState.checkCall();
        synchronized (this) {
            if (freed) {
                return;
            }
            freed = true;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h;
            if (pointer) {
                h = arena.allocateFrom(ValueLayout.ADDRESS, handle);
            } else {
                h = Abi.allocateHandle(arena);
                Abi.setHandle(h, 0, handle);
            }
            Errors.check(freeCall.applyAsInt(h), call);
        }
    }
}
