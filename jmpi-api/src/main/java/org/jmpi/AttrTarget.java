package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Upcalls;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The kinds of MPI object that cache attributes, each with its five MPI calls, and the
 * attribute operations on a handle of that kind. A {@link Keyval} belongs to one kind.

 */
enum AttrTarget {
    COMM("communicator", "Comm", "forComm", MpiCalls::MPI_Comm_create_keyval, MpiCalls::MPI_Comm_free_keyval,
            MpiCalls::MPI_Comm_set_attr, MpiCalls::MPI_Comm_get_attr, MpiCalls::MPI_Comm_delete_attr),
    DATATYPE("datatype", "Type", "forDatatype", MpiCalls::MPI_Type_create_keyval, MpiCalls::MPI_Type_free_keyval,
            MpiCalls::MPI_Type_set_attr, MpiCalls::MPI_Type_get_attr, MpiCalls::MPI_Type_delete_attr),
    WIN("window", "Win", "forWin", MpiCalls::MPI_Win_create_keyval, MpiCalls::MPI_Win_free_keyval,
            MpiCalls::MPI_Win_set_attr, MpiCalls::MPI_Win_get_attr, MpiCalls::MPI_Win_delete_attr);

    /** {@code MPI_X_create_keyval(copy_fn, delete_fn, &keyval, extra_state)}. */
    interface Create {
        int apply(MemorySegment copyFn, MemorySegment deleteFn, MemorySegment keyvalOut, MemorySegment extraState);
    }

    /** {@code MPI_X_set_attr(handle, keyval, value)}. */
    interface Set {
        int apply(MemorySegment handle, int keyval, MemorySegment value);
    }

    /** {@code MPI_X_get_attr(handle, keyval, &value, &flag)}. */
    interface Get {
        int apply(MemorySegment handle, int keyval, MemorySegment valueOut, MemorySegment flagOut);
    }

    /** {@code MPI_X_delete_attr(handle, keyval)}. */
    interface Delete {
        int apply(MemorySegment handle, int keyval);
    }

    /** How messages name this kind, its MPI calls and its jmpi factory. */
    final ObjectKind kind;
    final Create create;
    final ToIntFunction<MemorySegment> free;
    private final Set set;
    private final Get get;
    private final Delete delete;

    AttrTarget(String what, String prefix, String factory, Create create, ToIntFunction<MemorySegment> free, Set set,
               Get get, Delete delete) {
        this.kind = new ObjectKind(what, prefix, factory);
        this.create = create;
        this.free = free;
        this.set = set;
        this.get = get;
        this.delete = delete;
    }


    /** Caches {@code value} on the object {@code handle} under {@code k}, replacing (and deleting) an old value. */
    <T> void set(MemorySegment handle, Keyval<T> k, T value) {
        Objects.requireNonNull(value, "value");
        int keyval = k.keyvalFor(this);
        long id = k.store(value);
        Upcalls.take();
        int rc = set.apply(handle, keyval, MemorySegment.ofAddress(id));
        if (rc != 0) {
            k.discard(id);
            throw Errors.exception(rc, kind.call("set_attr"));
        }
        afterCallbacks(kind.call("set_attr"));
    }

    /** The value cached on {@code handle} under {@code k}, or empty. */
    <T> Optional<T> get(MemorySegment handle, Keyval<T> k) {
        int keyval = k.keyvalFor(this);
        long id = raw(handle, keyval);
        return id == 0 ? Optional.empty() : Optional.ofNullable(k.value(id));
    }

    /** Deletes the value cached under {@code k}, running its delete callback; false if there was none. */
    boolean delete(MemorySegment handle, Keyval<?> k) {
        int keyval = k.keyvalFor(this);
        if (raw(handle, keyval) == 0) {
            return false;
        }
        Upcalls.take();
        Errors.check(delete.apply(handle, keyval), kind.call("delete_attr"));
        afterCallbacks(kind.call("delete_attr"));
        return true;
    }

    /**
     * The attribute word cached under {@code keyval} (a value id of a {@link Keyval}, never 0;
     * for a predefined attribute a pointer to an int); 0 if absent.
     */
    long raw(MemorySegment handle, int keyval) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(get.apply(handle, keyval, out, flag), kind.call("get_attr"));
            return flag.get(JAVA_INT, 0) == 0 ? 0 : out.get(ADDRESS, 0).address();
        }
    }

    /**
     * After an MPI call that ran callbacks and reported success: a callback failure MPI
     * ignored is still not lost.
     */
    static void afterCallbacks(String call) {
        Throwable t = Upcalls.take();
        if (t != null) {
            MpiException e = new MpiException(call, ErrorCodes.ERR_OTHER, ErrorCodes.ERR_OTHER,
                    "an attribute callback failed: " + t);
            e.initCause(t);
            throw e;
        }
    }
}
