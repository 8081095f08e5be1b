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
 * An {@code MPI_Info} built from a {@code Map<String, String>} of hints for the length of
 * one call and freed by {@link #close()}; an empty map is {@code MPI_INFO_NULL}. Keys and
 * values are checked against MPI's length limits before the info is created.
 */
final class InfoMap implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment slot;
    private final boolean created;

    private InfoMap(Map<String, String> hints, String arg) {
        check(hints, arg);
        this.slot = Abi.allocateHandle(arena);
        this.created = !hints.isEmpty();
        if (!created) {
            Abi.setHandle(slot, 0, Handles.INFO_NULL);
            return;
        }
        try {
            Errors.check(MpiCalls.MPI_Info_create(slot), "MPI_Info_create");
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        try {
            for (Map.Entry<String, String> e : hints.entrySet()) {
                Errors.check(MpiCalls.MPI_Info_set(handle(), arena.allocateFrom(e.getKey()),
                        arena.allocateFrom(e.getValue())), "MPI_Info_set(" + e.getKey() + ")");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A native info holding {@code hints}, which are checked first; {@code arg} names them in errors. */
    static InfoMap of(Map<String, String> hints, String arg) {
        return new InfoMap(hints, arg);
    }

    /** The {@code MPI_Info} handle. */
    MemorySegment handle() {
        return Abi.getHandle(slot);
    }

    private static void check(Map<String, String> hints, String arg) {
        Objects.requireNonNull(hints, arg);
        for (Map.Entry<String, String> e : hints.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), arg + " has a null key");
            String value = Objects.requireNonNull(e.getValue(), arg + ": key " + key + " has a null value");
            int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (keyBytes == 0 || keyBytes >= MpiCalls.MPI_MAX_INFO_KEY() || key.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(arg + ": key '" + key + "' must have 1 to "
                        + (MpiCalls.MPI_MAX_INFO_KEY() - 1) + " bytes and no NUL");
            }
            int valueBytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (valueBytes == 0 || valueBytes >= MpiCalls.MPI_MAX_INFO_VAL() || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(arg + ": the value of key '" + key + "' must have 1 to "
                        + (MpiCalls.MPI_MAX_INFO_VAL() - 1) + " bytes and no NUL");
            }
        }
    }

    /** Frees the info ({@code MPI_Info_free}) when one was created. */
    @Override
    public void close() {
        try {
            if (created) {
                Errors.check(MpiCalls.MPI_Info_free(slot), "MPI_Info_free");
            }
        } finally {
            arena.close();
        }
    }
}
