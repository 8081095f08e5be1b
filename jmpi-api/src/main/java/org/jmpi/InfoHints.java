package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;

/**
 * Hints given as a {@code Map<String, String>}, checked like MPI's info keys and values
 * and turned into a temporary {@code MPI_Info} for one call.
 */
final class InfoHints {
    private InfoHints() {
    }

    /** A key: 1 to {@code MPI_MAX_INFO_KEY - 1} UTF-8 bytes, no NUL. */
    static String key(String key) {
        Objects.requireNonNull(key, "info key");
        check(key, MpiCalls.MPI_MAX_INFO_KEY(), "info key '" + key + "'");
        return key;
    }

    /** The value of {@code key}: 1 to {@code MPI_MAX_INFO_VAL - 1} UTF-8 bytes, no NUL. */
    static String value(String key, String value) {
        Objects.requireNonNull(value, "info value of " + key);
        check(value, MpiCalls.MPI_MAX_INFO_VAL(), "info value of " + key);
        return value;
    }

    private static void check(String s, int max, String what) {
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes >= max || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + ": must have 1 to " + (max - 1)
                    + " bytes and no NUL character, has " + bytes);
        }
    }

    /** A new {@code MPI_Info} holding {@code hints} ({@code MPI_INFO_NULL} when empty); free it with {@link #free}. */
    static MemorySegment create(Map<String, String> hints, Arena arena) {
        if (hints.isEmpty()) {
            return Handles.INFO_NULL;
        }
        MemorySegment out = Abi.allocateHandle(arena);
        Errors.check(MpiCalls.MPI_Info_create(out), "MPI_Info_create");
        MemorySegment info = Abi.getHandle(out);
        try {
            for (Map.Entry<String, String> e : hints.entrySet()) {
                Errors.check(MpiCalls.MPI_Info_set(info, arena.allocateFrom(e.getKey()), arena.allocateFrom(e.getValue())),
                        "MPI_Info_set");
            }
        } catch (RuntimeException e) {
            free(info);
            throw e;
        }
        return info;
    }

    /** Frees an info from {@link #create}; a no-op for {@code MPI_INFO_NULL} or null. */
    static void free(MemorySegment info) {
        if (info == null || info.address() == Handles.INFO_NULL.address()) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = Abi.allocateHandle(arena);
            Abi.setHandle(h, 0, info);
            Errors.check(MpiCalls.MPI_Info_free(h), "MPI_Info_free");
        }
    }
}
