package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Abi;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Per-thread native scratch memory for the out-parameters of MPI calls (flags,
 * indices, request and status arrays), so the calls that use it allocate nothing once a
 * thread has warmed up. Each call site uses the scratch only for the duration of one
 * native call. Not public API.
 */
public final class Scratch {
    /** Bytes of one {@code MPI_Status}. */
    public static final long STATUS_BYTES = Abi.STATUS_SIZE;

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private final MemorySegment words = Arena.ofAuto().allocate(JAVA_INT, 4);
    private MemorySegment handles = MemorySegment.NULL;
    private MemorySegment ints = MemorySegment.NULL;
    private MemorySegment statuses = MemorySegment.NULL;

    private Scratch() {
    }

    /** Four ints of this thread's scratch (flags, counts, indices). */
    public static MemorySegment words() {
        return LOCAL.get().words;
    }

    /** Room for {@code n} handles (requests, messages) in this thread's scratch. */
    public static MemorySegment handles(int n) {
        Scratch s = LOCAL.get();
        if (s.handles.byteSize() < n * Abi.HANDLE_SIZE) {
            s.handles = grow(n, Abi.HANDLE_SIZE);
        }
        return s.handles;
    }

    /** Room for {@code n} ints (indices) in this thread's scratch. */
    public static MemorySegment ints(int n) {
        Scratch s = LOCAL.get();
        if (s.ints.byteSize() < n * JAVA_INT.byteSize()) {
            s.ints = grow(n, JAVA_INT.byteSize());
        }
        return s.ints;
    }

    /** Room for {@code n} {@code MPI_Status} structs in this thread's scratch. */
    public static MemorySegment statuses(int n) {
        Scratch s = LOCAL.get();
        if (s.statuses.byteSize() < n * STATUS_BYTES) {
            s.statuses = grow(n, STATUS_BYTES);
        }
        return s.statuses;
    }

    private static MemorySegment grow(int n, long elementBytes) {
        return Arena.ofAuto().allocate(Math.max(16, Integer.highestOneBit(Math.max(1, n - 1)) * 2L) * elementBytes, 8);
    }
}
