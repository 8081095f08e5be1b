package org.jmpi.dsm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Native staging buffers for nonblocking puts and gets of Java arrays, from C's
 * {@code malloc} and {@code free}. A pending request owns its buffer and frees it on
 * whichever thread completes it; a shared arena would do the same but its close
 * handshakes with every thread of the JVM, which costs far more than the transfer. The
 * buffer never leaves ucx-dsm and is not touched after {@link #free}. Not public API.
 */
final class StagingMemory {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("malloc"), FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("free"), FunctionDescriptor.ofVoid(ADDRESS));

    private StagingMemory() {
    }

    /** A buffer of {@code bytes} (at least 1; malloc's alignment, 16 bytes); free it with {@link #free}. */
    static MemorySegment allocate(long bytes) {
        MemorySegment p;
        try {
            p = (MemorySegment) MALLOC.invokeExact(Math.max(bytes, 1));
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
        if (p.address() == 0) {
            throw new OutOfMemoryError("malloc(" + bytes + ") failed: no native memory for a staging buffer");
        }
        return p.reinterpret(bytes);
    }

    /** Frees a buffer from {@link #allocate}. */
    static void free(MemorySegment buffer) {
        try {
            FREE.invokeExact(buffer);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
