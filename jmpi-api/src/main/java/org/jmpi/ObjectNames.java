package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The names MPI keeps for communicators, datatypes and windows ({@code MPI_*_set_name},
 * {@code MPI_*_get_name}, MPI 3.1 section 6.8): one body for the three objects. A name
 * is at most {@code MPI_MAX_OBJECT_NAME - 1} UTF-8 bytes without a NUL, checked before
 * MPI sees it.
 */
final class ObjectNames {
    /** {@code MPI_X_get_name(handle, name, resultlen)}. */
    @FunctionalInterface
    interface Getter {
        int get(MemorySegment handle, MemorySegment name, MemorySegment length);
    }

    /** {@code MPI_X_set_name(handle, name)}. */
    @FunctionalInterface
    interface Setter {
        int set(MemorySegment handle, MemorySegment name);
    }

    private ObjectNames() {
    }

    /** The name of the object {@code handle}, read by {@code call}. */
    static String get(MemorySegment handle, Getter getter, String call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(MpiCalls.MPI_MAX_OBJECT_NAME());
            MemorySegment length = arena.allocate(JAVA_INT);
            Errors.check(getter.get(handle, name, length), call);
            return name.getString(0);
        }
    }

    /** Names the object {@code handle} {@code name} through {@code call}, after checking the name. */
    static void set(MemorySegment handle, String name, Setter setter, String call) {
        check(name);
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(setter.set(handle, arena.allocateFrom(name)), call);
        }
    }

    /** Checks a name: not null, no NUL, at most {@code MPI_MAX_OBJECT_NAME - 1} UTF-8 bytes. */
    static void check(String name) {
        Objects.requireNonNull(name, "name");
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("name: contains a NUL character, which would end the string in C");
        }
        int max = MpiCalls.MPI_MAX_OBJECT_NAME() - 1;
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw new IllegalArgumentException("name: " + bytes + " UTF-8 bytes, longer than the " + max
                    + " MPI keeps (MPI_MAX_OBJECT_NAME - 1)");
        }
    }
}
