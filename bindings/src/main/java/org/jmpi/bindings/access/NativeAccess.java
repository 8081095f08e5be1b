package org.jmpi.bindings.access;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.function.Consumer;

/**
 * The restricted FFM operations that jmpi's modules need beyond the generated calls: giving a
 * size to memory MPI or UCX hands back, linking a C library function, and making an upcall
 * stub. They live here so that the native layer, {@code org.jmpi.bindings}, is the only module
 * that makes restricted calls: a program on the module path grants native access to it alone.
 * Exported only to jmpi's own modules.
 */
public final class NativeAccess {
    private static final Linker LINKER = Linker.nativeLinker();

    private NativeAccess() {
    }

    /** {@code address} as a segment of {@code bytes} bytes in the global scope ({@link MemorySegment#reinterpret(long)}). */
    public static MemorySegment sized(MemorySegment address, long bytes) {
        return address.reinterpret(bytes);
    }

    /**
     * {@code address} as a segment of {@code bytes} bytes that lives as long as {@code arena},
     * running {@code cleanup} (may be null) when it closes ({@link MemorySegment#reinterpret(long,
     * Arena, Consumer)}).
     */
    public static MemorySegment sized(MemorySegment address, long bytes, Arena arena,
            Consumer<MemorySegment> cleanup) {
        return address.reinterpret(bytes, arena, cleanup);
    }

    /** A downcall handle for the C library function {@code name} (malloc, free, memcpy, ...). */
    public static MethodHandle libc(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, options);
    }

    /** An upcall stub calling {@code target}, valid while {@code arena} is open. */
    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
        return LINKER.upcallStub(target, descriptor, arena);
    }
}
