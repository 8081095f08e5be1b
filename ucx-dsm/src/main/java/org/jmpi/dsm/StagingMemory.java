package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Staging;

/**
 * Native staging buffers for nonblocking puts and gets of Java arrays, from C's
 * {@code malloc} and {@code free} (through jmpi's {@link Staging}). A pending request
 * owns its buffer and frees it on whichever thread completes it; a shared arena would do
 * the same but its close handshakes with every thread of the JVM, which costs far more
 * than the transfer. The buffer never leaves ucx-dsm and is not touched after
 * {@link #free}. Not public API.
 */
final class StagingMemory {
    private StagingMemory() {
    }

    /** A buffer of {@code bytes} (at least 1; malloc's alignment, 16 bytes); free it with {@link #free}. */
    static MemorySegment allocate(long bytes) {
        return Staging.allocate(bytes);
    }

    /** Frees a buffer from {@link #allocate}. */
    static void free(MemorySegment buffer) {
        Staging.free(buffer);
    }
}
