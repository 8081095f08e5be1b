package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Staging;

/**
 * Native copies of heap memory (a Java array or a heap segment) that MPI still uses after
 * the call that handed it over has returned: the buffer of a nonblocking file access, the
 * origin or result of a one-sided call. MPI never sees the array, which may move; it sees
 * the copy, which lives as long as its owner needs it (a request, until it completes; a
 * window, until the synchronization that completes the call), and data MPI writes into
 * the copy is copied back into the array at that point.
 */
final class NativeCopy {
    private NativeCopy() {
    }

    /**
     * Native memory for the {@code bytes} bytes at {@code offset} in {@code base} (an array
     * or a heap segment), holding a copy of them when {@code copyIn}: from {@code arena},
     * or from {@code malloc} ({@link Staging#free} it) when {@code arena} is null.
     */
    static MemorySegment of(Object base, long offset, long bytes, boolean copyIn, Arena arena) {
        MemorySegment copy = arena == null ? Staging.allocate(bytes) : arena.allocate(Math.max(1, bytes), 16);
        if (copyIn && bytes > 0) {
            Staging.copy(Msg.at(base, offset), copy, bytes);
        }
        return copy;
    }

    /**
     * The pair {@code {copy, heap}} that {@link Request#copyingBack} copies when the
     * operation completes: {@code bytes} of {@code copy} into {@code base} from {@code offset}.
     */
    static MemorySegment[] back(MemorySegment copy, Object base, long offset, long bytes) {
        return new MemorySegment[] {copy, Msg.at(base, offset).asSlice(0, bytes)};
    }

    /** Whether {@code base} is native memory MPI can be given as is. */
    static boolean isNative(Object base) {
        return base instanceof MemorySegment m && m.isNative();
    }
}
