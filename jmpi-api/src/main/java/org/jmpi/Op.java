package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A reduction operation ({@code MPI_Op}): the predefined ones as constants, and
 * user-defined ones written in Java ({@link #create}), which must be closed.
 *
 * <h2>User functions, failures and threads</h2>
 * MPI calls a user function from native code through an upcall stub. An exception
 * escaping it would end the JVM, so every {@link Throwable} is caught; the first one
 * is recorded for the thread the function ran on, and the reduction call of this
 * library that returns on that thread throws {@link UserFunctionException} with it as
 * the cause (the failure is then cleared). The reduction still completes on every rank,
 * but its result is undefined; ranks where the function did not run (it runs only where
 * data is combined) see no exception, so an application that must agree on the failure
 * should combine a flag afterwards.
 * <p>
 * The function runs on whichever thread drives MPI's progress when the data is combined.
 * For the blocking reductions of this library (allreduce, reduce, scan, exscan,
 * reduceScatterBlock) that is the calling thread, inside the call: Open MPI 4.1 runs no
 * progress thread that applies ops. A nonblocking reduction, though, may combine data
 * while another thread waits on or tests an unrelated request, and an MPI built with
 * asynchronous progress may call the function on a thread of its own (the JVM attaches
 * such a thread for the call). A failure there is recorded for that thread: it is
 * rethrown only by a later reduction with this op that returns on that thread, and
 * otherwise kept until {@link #close()} drops it.
 * <p>
 * Java arrays given to a blocking reduction go through native staging memory, as for
 * every op (see {@link Comm}), so MPI may call the function from inside the call.
 */
public final class Op implements AutoCloseable {
    /** {@code MPI_MAX}. */
    public static final Op MAX = new Op(Handles.MAX, "MPI_MAX");
    /** {@code MPI_MIN}. */
    public static final Op MIN = new Op(Handles.MIN, "MPI_MIN");
    /** {@code MPI_SUM}. */
    public static final Op SUM = new Op(Handles.SUM, "MPI_SUM");
    /** {@code MPI_PROD}. */
    public static final Op PROD = new Op(Handles.PROD, "MPI_PROD");
    /** {@code MPI_LAND}: logical and. */
    public static final Op LAND = new Op(Handles.LAND, "MPI_LAND");
    /** {@code MPI_BAND}: bitwise and. */
    public static final Op BAND = new Op(Handles.BAND, "MPI_BAND");
    /** {@code MPI_LOR}: logical or. */
    public static final Op LOR = new Op(Handles.LOR, "MPI_LOR");
    /** {@code MPI_BOR}: bitwise or. */
    public static final Op BOR = new Op(Handles.BOR, "MPI_BOR");
    /** {@code MPI_LXOR}: logical exclusive or. */
    public static final Op LXOR = new Op(Handles.LXOR, "MPI_LXOR");
    /** {@code MPI_BXOR}: bitwise exclusive or. */
    public static final Op BXOR = new Op(Handles.BXOR, "MPI_BXOR");
    /** {@code MPI_MAXLOC}: maximum and its index, on the pair types. */
    public static final Op MAXLOC = new Op(Handles.MAXLOC, "MPI_MAXLOC");
    /** {@code MPI_MINLOC}: minimum and its index, on the pair types. */
    public static final Op MINLOC = new Op(Handles.MINLOC, "MPI_MINLOC");
    /** {@code MPI_REPLACE} (one-sided accumulate). */
    public static final Op REPLACE = new Op(Handles.REPLACE, "MPI_REPLACE");
    /** {@code MPI_NO_OP} (one-sided accumulate). */
    public static final Op NO_OP = new Op(Handles.NO_OP, "MPI_NO_OP");

    /** Out-parameters of the extent query made inside the upcall, one pair per thread. */
    /** {@code void (void *in, void *inout, int *len, MPI_Datatype *type)}. */
    private static final FunctionDescriptor USER_FUNCTION = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle INVOKE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(Op.class, "invoke", USER_FUNCTION.toMethodType()
                    .insertParameterTypes(0, UserFunction.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ThreadLocal<MemorySegment> EXTENT_OUT =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(JAVA_LONG, 2));

    private final MemorySegment handle;
    private final String name;
    private final Freed freed;
    /** The upcall stub's arena (user ops only; closed once MPI_Op_free succeeded). */
    private final Arena stub;
    /** The first failure of the user function per thread it ran on (user ops only). */
    private final Map<Thread, Throwable> failures;
    /** Reductions that use this op and have not completed (user ops only; guarded by this). */
    private int inUse;

    private Op(MemorySegment handle, String name) {
        this.handle = handle;
        this.name = name;
        this.freed = new Freed("op " + name);
        this.stub = null;
        this.failures = null;
    }

    private Op(UserFunction fn, boolean commutative) {
        this.name = "user op (" + (commutative ? "commutative" : "non-commutative") + ")";
        this.freed = new Freed(name);
        this.failures = new ConcurrentHashMap<>();
        this.stub = Arena.ofShared();
        try {
            MemorySegment pointer = Abi.upcall(INVOKE.bindTo(this).bindTo(fn), USER_FUNCTION, stub);
            MemorySegment out = Scratch.handles(1);
            Errors.check(MpiCalls.MPI_Op_create(pointer, commutative ? 1 : 0, out), "MPI_Op_create");
            this.handle = Abi.getHandle(out);
        } catch (RuntimeException | Error e) {
            stub.close();
            throw e;
        }
    }

    /**
     * A reduction operation that applies {@code fn} ({@code MPI_Op_create}). MPI may
     * combine the ranks' data in any order and grouping if {@code commutative}; otherwise
     * it combines in rank order (still in any grouping, so {@code fn} must be
     * associative). Close the op when done: it holds a native upcall stub.
     *
     * @throws IllegalStateException if MPI is not running or this thread may not call it
     */
    public static Op create(UserFunction fn, boolean commutative) {
        Objects.requireNonNull(fn, "fn");
        MpiState.checkCall();
        return new Op(fn, commutative);
    }

    /** Whether MPI may combine operands in any order ({@code MPI_Op_commutative}). */
    public boolean isCommutative() {
        MemorySegment out = Scratch.words();
        Errors.check(MpiCalls.MPI_Op_commutative(handle(), out), "MPI_Op_commutative");
        return out.get(JAVA_INT, 0) != 0;
    }

    /**
     * Combines {@code in} into {@code inout} element-wise on this process alone,
     * {@code inout[i] = in[i] op inout[i]} ({@code MPI_Reduce_local}): each an array or a
     * {@link Buf}, with one count and one datatype, as in a reduction between processes.
     * For a non-commutative op {@code in} is the left operand. A predefined op takes a
     * predefined datatype (MPI refuses a derived one with {@code MPI_ERR_OP}); a user op
     * takes any, and its exception is rethrown here as a {@link UserFunctionException}.
     */
    public void reduceLocal(Object in, Object inout) {
        LocalReduction.reduce(this, in, inout);
    }

    /**
     * {@link #reduceLocal(Object, Object)} of the whole segment {@code in}, as
     * {@code byteSize / extent} elements of {@code type}, into {@code inout}, which must
     * hold as many.
     */
    public void reduceLocal(MemorySegment in, MemorySegment inout, Datatype type) {
        LocalReduction.reduce(this, in, inout, type);
    }

    /** Whether this is a predefined op (close() leaves it alone). */
    public boolean isPredefined() {
        return stub == null;
    }

    /** The handle, after checking the op is usable. Not for users: it is native. */
    MemorySegment handle() {
        freed.check();
        return handle;
    }

    /** The handle for a reduction that starts now; the op stays open until {@link #release()}. */
    MemorySegment acquire() {
        MemorySegment h = handle();
        if (stub != null) {
            synchronized (this) {
                freed.check();
                inUse++;
            }
        }
        return h;
    }

    /** Ends the use that {@link #acquire()} began. */
    void release() {
        if (stub != null) {
            synchronized (this) {
                inUse--;
            }
        }
    }

    /**
     * Rethrows, on the calling thread, an exception that a user function of this op threw
     * during the reduction that just returned. Call after every native call given this op.
     */
    void afterReduction() {
        if (failures != null && !failures.isEmpty()) {
            Throwable t = failures.remove(Thread.currentThread());
            if (t != null) {
                throw new UserFunctionException(name + " failed on thread '" + Thread.currentThread().getName()
                        + "': " + t, t);
            }
        }
    }

    /** The upcall: never lets a Throwable reach native code. */
    private void invoke(UserFunction fn, MemorySegment in, MemorySegment inout, MemorySegment len,
                        MemorySegment typeRef) {
        try {
            int count = len.reinterpret(JAVA_INT.byteSize()).get(JAVA_INT, 0);
            MemorySegment typeHandle = Abi.derefHandle(typeRef);
            MemorySegment ext = EXTENT_OUT.get();
            Errors.check(MpiCalls.MPI_Type_get_extent_x(typeHandle, ext, ext.asSlice(8)), "MPI_Type_get_extent_x");
            long bytes = Math.max(0, Math.multiplyExact((long) count, ext.get(JAVA_LONG, 8)));
            fn.apply(in.reinterpret(bytes), inout.reinterpret(bytes), count, Datatype.byHandle(typeHandle));
        } catch (Throwable t) {
            try {
                failures.putIfAbsent(Thread.currentThread(), t);
            } catch (Throwable ignored) {
                // Out of memory while recording: dropping the failure beats ending the JVM.
            }
        }
    }

    /**
     * Frees a user op ({@code MPI_Op_free}) and then its upcall stub, exactly once; later
     * calls and calls on predefined ops do nothing.
     *
     * @throws IllegalStateException while a reduction using the op is in progress on any
     *                               thread, nonblocking ones included (the upcall stub must
     *                               outlive them); close it after they complete
     */
    @Override
    public synchronized void close() {
        if (stub == null) {
            return;
        }
        if (inUse > 0) {
            throw new IllegalStateException(name + ": " + inUse + " reduction(s) using it have not completed;"
                    + " close it after they complete");
        }
        freed.free(handle, h -> {
            int rc = MpiCalls.MPI_Op_free(h);
            if (rc == 0) {
                failures.clear();
                stub.close();
            }
            return rc;
        }, "MPI_Op_free");
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The body of a user-defined op: combines {@code count} elements of {@code in} into
     * {@code inout}, element by element, {@code inout[i] = in[i] op inout[i]} (for a
     * non-commutative op, {@code in} holds the operand of the lower ranks). MPI may call it
     * several times per reduction with parts of the data.
     */
    @FunctionalInterface
    public interface UserFunction {
        /**
         * Combines {@code in} into {@code inout}. Both segments hold {@code count} elements
         * of {@code type}, {@code count} times its extent bytes from its first element
         * (lower bound 0), and are valid only during the call. {@code type} is the
         * {@link Datatype} the reduction was called with (a predefined constant or a
         * derived type built by this library and not yet closed), or {@code null} for a
         * type this library does not know; the segments are sized by its extent all the same. Runs on the thread MPI combines the data on
         * (see {@link Op}); an exception thrown here is rethrown by the reduction call.
         */
        void apply(MemorySegment in, MemorySegment inout, int count, Datatype type);
    }

    /** A user function of an {@link Op} threw during a reduction; the cause is what it threw. */
    public static final class UserFunctionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** An exception saying {@code message}, caused by {@code cause}. */
        public UserFunctionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
