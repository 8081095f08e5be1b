package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Upcalls;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * An attribute key ({@code MPI_Comm_create_keyval}, {@code MPI_Type_create_keyval}) under
 * which Java objects of type {@code T} are cached on communicators ({@link Comm#setAttr})
 * or datatypes ({@link Datatype#setAttr}). MPI stores a number that indexes a Java-side
 * table, so any object can be cached; MPI's copy and delete callbacks are Java functions:
 *
 * <ul>
 * <li>{@code copy} runs when the object is duplicated ({@code MPI_Comm_dup},
 * {@code MPI_Type_dup}) and returns the value for the new object, or null to leave it
 * without one ({@code UnaryOperator.identity()} shares the value);</li>
 * <li>{@code delete} runs when a value leaves an object: deleted, replaced by another
 * value, or the object freed (and, for the predefined communicators, at MPI_Finalize).</li>
 * </ul>
 *
 * <pre>{@code
 * try (Keyval<Stats> stats = Keyval.forComm(Stats::copy, Stats::close)) {
 *     comm.setAttr(stats, new Stats());
 *     Stats s = comm.getAttr(stats).orElseThrow();
 * }
 * }</pre>
 *
 * <p>A callback runs on the thread of the MPI call that triggers it. Whatever it throws is
 * caught (it would end the JVM in native code); the callback then returns
 * {@code MPI_ERR_OTHER}, or the code of an {@link MpiException} it threw (say one made by
 * {@link MpiException#of} from a code of {@link ErrorCodes#addCode}), so that MPI call fails
 * and throws {@link MpiException} with that code and the callback's exception as the
 * cause. A failed delete leaves the value in place, as MPI does.
 *
 * <p>Closing a keyval ({@code MPI_*_free_keyval}) forbids new uses; values already cached
 * stay until deleted, and their delete callback still runs then.
 */
public final class Keyval<T> implements AutoCloseable {
    /** Keyvals that may still see callbacks, by Java id (MPI's extra_state). */
    private static final Map<Long, Keyval<?>> LIVE = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile MemorySegment[] stubs;

    private final AttrTarget target;
    private final UnaryOperator<T> copy;
    private final Consumer<? super T> delete;
    private final long id;
    private final int keyval;
    /** The cached values by value id (the attribute word MPI stores). */
    private final Map<Long, T> values = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Keyval(AttrTarget target, UnaryOperator<T> copy, Consumer<? super T> delete) {
        this.target = target;
        this.copy = copy;
        this.delete = delete;
        this.id = IDS.incrementAndGet();
        MemorySegment[] s = stubs();
        LIVE.put(id, this);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(target.create.apply(s[0], s[1], out, MemorySegment.ofAddress(id)),
                    target.kind.call("create_keyval"));
            this.keyval = out.get(JAVA_INT, 0);
        } catch (RuntimeException | Error e) {
            LIVE.remove(id);
            throw e;
        }
    }

    /** A communicator keyval whose values are not copied by dup and need nothing on delete. */
    public static <T> Keyval<T> forComm() {
        return forComm(v -> null, v -> { });
    }

    /** A communicator keyval with a copy function (null result: not copied) and a delete action. */
    public static <T> Keyval<T> forComm(UnaryOperator<T> copy, Consumer<? super T> delete) {
        return create(AttrTarget.COMM, copy, delete);
    }

    /** A datatype keyval whose values are not copied by dup and need nothing on delete. */
    public static <T> Keyval<T> forDatatype() {
        return forDatatype(v -> null, v -> { });
    }

    /** A datatype keyval with a copy function (null result: not copied) and a delete action. */
    public static <T> Keyval<T> forDatatype(UnaryOperator<T> copy, Consumer<? super T> delete) {
        return create(AttrTarget.DATATYPE, copy, delete);
    }

    /** A window keyval whose values need nothing on delete (windows are never duplicated). */
    public static <T> Keyval<T> forWin() {
        return forWin(v -> { });
    }

    /** A window keyval with a delete action, run when a value is deleted, replaced or its window freed. */
    public static <T> Keyval<T> forWin(Consumer<? super T> delete) {
        return create(AttrTarget.WIN, v -> null, delete);
    }

    private static <T> Keyval<T> create(AttrTarget target, UnaryOperator<T> copy, Consumer<? super T> delete) {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(delete, "delete");
        MpiState.checkCall();
        return new Keyval<>(target, copy, delete);
    }

    /** How many values are cached under this keyval, on all objects of this process. */
    public int cachedValues() {
        return values.size();
    }

    /** Frees the keyval ({@code MPI_*_free_keyval}) exactly once; cached values stay until deleted. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            MpiState.checkCall();
            closed = true;
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(target.free.applyAsInt(arena.allocateFrom(JAVA_INT, keyval)), target.kind.call("free_keyval"));
        } finally {
            forgetIfDone();
        }
    }

    @Override
    public String toString() {
        return target.kind.what() + " keyval " + keyval + (closed ? " (closed)" : "");
    }

    // ------------------------------------------------------------------ for AttrTarget

    /** The MPI keyval, after checking it is live and made for {@code used}. */
    int keyvalFor(AttrTarget used) {
        MpiState.checkCall();
        if (closed) {
            throw new IllegalStateException("keyval: " + this + " has been closed");
        }
        if (used != target) {
            throw new IllegalArgumentException("keyval: a " + target.kind.what() + " keyval cannot be used on a "
                    + used.kind.what() + " (create one with Keyval." + used.kind.factory() + ")");
        }
        return keyval;
    }

    /** Stores {@code value} under a new value id. */
    long store(T value) {
        long v = IDS.incrementAndGet();
        values.put(v, value);
        return v;
    }

    /** Drops a value MPI did not take. */
    void discard(long valueId) {
        values.remove(valueId);
    }

    T value(long valueId) {
        return values.get(valueId);
    }

    private void forgetIfDone() {
        if (closed && values.isEmpty()) {
            LIVE.remove(id, this);
        }
    }

    // ------------------------------------------------------------------ the upcalls

    /** The copy and delete stubs, shared by every keyval of every kind, made once. */
    private static MemorySegment[] stubs() {
        MemorySegment[] s = stubs;
        if (s == null) {
            synchronized (Keyval.class) {
                s = stubs;
                if (s == null) {
                    try {
                        MethodHandles.Lookup l = MethodHandles.lookup();
                        FunctionDescriptor copyFd = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS,
                                ADDRESS, ADDRESS);
                        FunctionDescriptor deleteFd = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
                        s = new MemorySegment[] {
                            Abi.upcall(l.findStatic(Keyval.class, "copyUpcall", copyFd.toMethodType()), copyFd,
                                    Arena.global(), 0),
                            Abi.upcall(l.findStatic(Keyval.class, "deleteUpcall", deleteFd.toMethodType()), deleteFd,
                                    Arena.global(), 0)
                        };
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    stubs = s;
                }
            }
        }
        return s;
    }

    /** {@code int copy(handle, keyval, extra_state, value_in, void *value_out, int *flag)}. Never throws. */
    private static int copyUpcall(MemorySegment handle, int keyval, MemorySegment extra, MemorySegment in,
                                  MemorySegment out, MemorySegment flag) {
        try {
            return LIVE.get(extra.address()).copyValue(in.address(), out, flag);
        } catch (Throwable t) {
            return Upcalls.fail(t);
        }
    }

    private int copyValue(long in, MemorySegment out, MemorySegment flag) {
        T copied = copy.apply(values.get(in));
        MemorySegment f = NativeAccess.sized(flag, JAVA_INT.byteSize());
        if (copied == null) {
            f.set(JAVA_INT, 0, 0);
        } else {
            NativeAccess.sized(out, ADDRESS.byteSize()).set(ADDRESS, 0, MemorySegment.ofAddress(store(copied)));
            f.set(JAVA_INT, 0, 1);
        }
        return 0;
    }

    /** {@code int delete(handle, keyval, value, extra_state)}. Never throws. */
    private static int deleteUpcall(MemorySegment handle, int keyval, MemorySegment value, MemorySegment extra) {
        try {
            LIVE.get(extra.address()).deleteValue(value.address());
            return 0;
        } catch (Throwable t) {
            return Upcalls.fail(t);
        }
    }

    private void deleteValue(long valueId) {
        T v = values.get(valueId);
        if (v != null) {
            delete.accept(v);
        }
        values.remove(valueId);
        forgetIfDone();
    }
}
