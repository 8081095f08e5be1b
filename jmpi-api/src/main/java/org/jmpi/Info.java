package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * An MPI info object ({@code MPI_Info}): string hints passed to MPI (communicator hints,
 * window and file hints) and read back from it. Keys and values are UTF-8 strings; a key
 * has 1 to {@code MPI_MAX_INFO_KEY - 1} bytes (35 on Open MPI, 254 on MPICH), a value 1 to
 * {@code MPI_MAX_INFO_VAL - 1} bytes (255 and 1023): not empty, since Open MPI refuses an
 * empty value that MPICH would store. Neither holds a NUL character. Anything else is
 * refused before MPI sees it, by the same rule wherever jmpi takes hints as a
 * {@code Map<String, String>}. Close an info object when done ({@code MPI_Info_free}).
 *
 * <pre>{@code
 * try (Info hints = Info.of(Map.of("mpi_assert_allow_overtaking", "true"))) {
 *     comm.setInfo(hints);
 * }
 * }</pre>
 */
public final class Info implements AutoCloseable {
    /** Kinds: created by the user, the predefined {@code MPI_INFO_ENV}, or {@code MPI_INFO_NULL}. */
    private enum Kind { USER, ENV, NULL }

    private static final Info ENV = new Info(Handles.INFO_ENV, Kind.ENV);
    private static final Info NULL = new Info(Handles.INFO_NULL, Kind.NULL);

    private final MemorySegment handle;
    private final Kind kind;
    private final Freed freed;

    private Info(MemorySegment handle, Kind kind) {
        this.handle = handle;
        this.kind = kind;
        this.freed = new Freed(kind == Kind.ENV ? "info MPI_INFO_ENV" : "info object");
    }

    /** A new, empty info object ({@code MPI_Info_create}). */
    public static Info create() {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Info_create(out), "MPI_Info_create");
            return owned(Abi.getHandle(out));
        }
    }

    /**
     * A new info object holding {@code entries}, set in the map's iteration order. Every
     * key and value is checked before MPI is called.
     */
    public static Info of(Map<String, String> entries) {
        return of(entries, "entries");
    }

    /** {@link #of(Map)}, with {@code arg} naming the map in error messages. */
    static Info of(Map<String, String> entries, String arg) {
        InfoRule.check(entries, arg);
        Info info = create();
        try {
            entries.forEach(info::put);
        } catch (RuntimeException e) {
            info.close();
            throw e;
        }
        return info;
    }

    /**
     * The predefined {@code MPI_INFO_ENV}: how the job was started (command, maxprocs,
     * host, arch, wdir, thread_level, ...). Read-only here: set and delete are refused;
     * close does nothing.
     */
    public static Info env() {
        MpiState.checkCall();
        return ENV;
    }

    /** Wraps an info handle MPI created for the caller, who frees it by close(). */
    static Info owned(MemorySegment handle) {
        return new Info(handle, Kind.USER);
    }

    /**
     * The info for one call that takes {@code hints}, checked first ({@code arg} names them
     * in errors): {@code MPI_INFO_NULL} for an empty map (close does nothing), else a new
     * object. {@code try (Info i = Info.temporary(hints, "hints")) { MPI_X(..., i.handle(), ...); }}
     */
    static Info temporary(Map<String, String> hints, String arg) {
        return Objects.requireNonNull(hints, arg).isEmpty() ? NULL : of(hints, arg);
    }

    /** The handle, after checking that the object is live. Not for users: it is native. */
    MemorySegment handle() {
        freed.check();
        return handle;
    }

    /** Sets {@code key} to {@code value} ({@code MPI_Info_set}), replacing an old value; returns this. */
    public Info set(String key, String value) {
        InfoRule.entry("info", key, value);
        writable("set");
        put(key, value);
        return this;
    }

    private void put(String key, String value) {
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(MpiCalls.MPI_Info_set(handle, arena.allocateFrom(key), arena.allocateFrom(value)),
                    "MPI_Info_set");
        }
    }

    /** The value of {@code key}, or empty when the key is not set ({@code MPI_Info_get}). */
    public Optional<String> get(String key) {
        InfoRule.key("info", key);
        readable();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocateFrom(key);
            MemorySegment out = arena.allocate(JAVA_INT, 2);
            Errors.check(MpiCalls.MPI_Info_get_valuelen(handle, k, out, out.asSlice(4)), "MPI_Info_get_valuelen");
            if (out.get(JAVA_INT, 4) == 0) {
                return Optional.empty();
            }
            int len = out.get(JAVA_INT, 0);
            MemorySegment value = arena.allocate(len + 1L);
            Errors.check(MpiCalls.MPI_Info_get(handle, k, len, value, out.asSlice(4)), "MPI_Info_get");
            return Optional.of(value.getString(0));
        }
    }

    /** Removes {@code key} ({@code MPI_Info_delete}); returns whether it was set. */
    public boolean delete(String key) {
        InfoRule.key("info", key);
        writable("delete");
        if (get(key).isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(MpiCalls.MPI_Info_delete(handle, arena.allocateFrom(key)), "MPI_Info_delete");
        }
        return true;
    }

    /** The number of keys set ({@code MPI_Info_get_nkeys}). */
    public int size() {
        readable();
        MemorySegment out = Scratch.words();
        Errors.check(MpiCalls.MPI_Info_get_nkeys(handle, out), "MPI_Info_get_nkeys");
        return out.get(JAVA_INT, 0);
    }

    /** The keys in MPI's order ({@code MPI_Info_get_nthkey}). */
    public List<String> keys() {
        int n = size();
        List<String> keys = new ArrayList<>(n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment key = arena.allocate(MpiCalls.MPI_MAX_INFO_KEY() + 1L);
            for (int i = 0; i < n; i++) {
                Errors.check(MpiCalls.MPI_Info_get_nthkey(handle, i, key), "MPI_Info_get_nthkey");
                keys.add(key.getString(0));
            }
        }
        return keys;
    }

    /** Every key and its value, in MPI's key order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : keys()) {
            get(k).ifPresent(v -> map.put(k, v));
        }
        return map;
    }

    /** A new info object with the same entries ({@code MPI_Info_dup}); close it when done. */
    public Info dup() {
        readable();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Info_dup(handle, out), "MPI_Info_dup");
            return owned(Abi.getHandle(out));
        }
    }

    /** Whether this is the predefined {@code MPI_INFO_ENV} (read-only, close does nothing). */
    public boolean isPredefined() {
        return kind != Kind.USER;
    }

    /** Frees the info object ({@code MPI_Info_free}) exactly once; a no-op for {@link #env()}. */
    @Override
    public void close() {
        if (kind == Kind.USER) {
            freed.free(handle, MpiCalls::MPI_Info_free, "MPI_Info_free");
        }
    }

    private void readable() {
        freed.check();
        if (kind == Kind.NULL) {
            throw new IllegalStateException("info: MPI_INFO_NULL holds no entries");
        }
    }

    private void writable(String what) {
        readable();
        if (kind == Kind.ENV) {
            throw new UnsupportedOperationException("info: MPI_INFO_ENV is read-only (" + what + " refused);"
                    + " dup() it to get a modifiable copy");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> "Info[MPI_INFO_ENV]";
            case NULL -> "Info[MPI_INFO_NULL]";
            default -> "Info[" + handle.address() + "]";
        };
    }
}
