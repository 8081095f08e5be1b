package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Info hints given as a {@code Map<String, String>}: turned into a temporary
 * {@code MPI_Info} for one call and freed after it, and read back from an
 * {@code MPI_Info} that MPI returned.
 */
final class InfoMaps {
    private InfoMaps() {
    }

    /** Checks every key and value (not null, not empty keys, within MPI's lengths) before any native call. */
    static void check(Map<String, String> info, String arg) {
        if (info == null) {
            return;
        }
        for (Map.Entry<String, String> e : info.entrySet()) {
            String key = e.getKey();
            if (key == null || e.getValue() == null) {
                throw new NullPointerException(arg + ": null " + (key == null ? "key" : "value of key '" + key + "'"));
            }
            if (key.isEmpty() || utf8(key) >= MpiCalls.MPI_MAX_INFO_KEY()) {
                throw new IllegalArgumentException(arg + ": key '" + key + "' must have 1 to "
                        + (MpiCalls.MPI_MAX_INFO_KEY() - 1) + " bytes");
            }
            if (utf8(e.getValue()) >= MpiCalls.MPI_MAX_INFO_VAL()) {
                throw new IllegalArgumentException(arg + ": the value of key '" + key + "' is longer than "
                        + (MpiCalls.MPI_MAX_INFO_VAL() - 1) + " bytes");
            }
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Runs {@code call} with an {@code MPI_Info} holding {@code info} ({@code MPI_INFO_NULL}
     * when null or empty) and frees the info afterwards; returns what the call returned.
     */
    static int with(Map<String, String> info, ToIntFunction<MemorySegment> call) {
        if (info == null || info.isEmpty()) {
            return call.applyAsInt(Handles.INFO_NULL);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Info_create(h), "MPI_Info_create");
            MemorySegment handle = Abi.getHandle(h);
            try {
                for (Map.Entry<String, String> e : info.entrySet()) {
                    Errors.check(MpiCalls.MPI_Info_set(handle, arena.allocateFrom(e.getKey()),
                            arena.allocateFrom(e.getValue())), "MPI_Info_set");
                }
                return call.applyAsInt(handle);
            } finally {
                Errors.check(MpiCalls.MPI_Info_free(h), "MPI_Info_free");
            }
        }
    }

    /** The keys and values of {@code handle}, which MPI returned to the caller and this frees. */
    static Map<String, String> read(MemorySegment handle) {
        Map<String, String> map = new LinkedHashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = Abi.handles(arena, handle);
            try {
                MemorySegment n = arena.allocate(JAVA_INT, 2);
                Errors.check(MpiCalls.MPI_Info_get_nkeys(handle, n), "MPI_Info_get_nkeys");
                MemorySegment key = arena.allocate(MpiCalls.MPI_MAX_INFO_KEY() + 1);
                MemorySegment value = arena.allocate(MpiCalls.MPI_MAX_INFO_VAL() + 1);
                for (int i = 0; i < n.get(JAVA_INT, 0); i++) {
                    Errors.check(MpiCalls.MPI_Info_get_nthkey(handle, i, key), "MPI_Info_get_nthkey");
                    Errors.check(MpiCalls.MPI_Info_get(handle, key, MpiCalls.MPI_MAX_INFO_VAL(), value, n.asSlice(4)),
                            "MPI_Info_get");
                    if (n.get(JAVA_INT, 4) != 0) {
                        map.put(key.getString(0), value.getString(0));
                    }
                }
            } finally {
                Errors.check(MpiCalls.MPI_Info_free(h), "MPI_Info_free");
            }
        }
        return map;
    }
}
