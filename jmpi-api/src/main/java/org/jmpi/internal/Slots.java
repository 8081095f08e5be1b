package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Abi;

/**
 * Native slots of one handle each ({@code MPI_Request}, {@code MPI_Message}), cut from
 * per-thread chunks so that creating a request costs no arena of its own. A chunk's
 * memory is reclaimed once every slot cut from it is unreachable. Not public API.
 */
public final class Slots {
    private static final int PER_CHUNK = 256;
    private static final ThreadLocal<Slots> LOCAL = ThreadLocal.withInitial(Slots::new);

    private MemorySegment chunk;
    private int next = PER_CHUNK;

    private Slots() {
    }

    /** A fresh slot holding {@code initial}. */
    public static MemorySegment next(MemorySegment initial) {
        Slots s = LOCAL.get();
        if (s.next == PER_CHUNK) {
            s.chunk = Abi.allocateHandles(Arena.ofAuto(), PER_CHUNK);
            s.next = 0;
        }
        MemorySegment slot = s.chunk.asSlice(s.next++ * Abi.HANDLE_SIZE, Abi.HANDLE_SIZE);
        Abi.setHandle(slot, 0, initial);
        return slot;
    }
}
