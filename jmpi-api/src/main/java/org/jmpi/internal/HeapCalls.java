package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * Downcall handles for blocking MPI calls on Java arrays: critical downcalls with heap
 * access, so the array is passed pinned, without a copy. While such a call blocks, this
 * JVM cannot garbage-collect; a thread waiting for a message that another thread of the
 * same process must allocate to send could therefore stall, which is why native
 * {@code MemorySegment}s keep the ordinary (non-critical) path. Not public API.
 */
public final class HeapCalls {
    private static final Linker.Option HEAP = Linker.Option.critical(true);

    private static final MethodHandle VIA_NATIVE;
    private static final MethodHandle JAVA_ERRHANDLERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VIA_NATIVE = lookup.findStatic(HeapCalls.class, "viaNative",
                    MethodType.methodType(Object.class, MethodHandle.class, Object[].class));
            JAVA_ERRHANDLERS = lookup.findStatic(Upcalls.class, "javaErrhandlers", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final MethodHandle REDUCE_CRITICAL = critical(MpiCalls::MPI_Reduce$handle);
    private static final MethodHandle ALLREDUCE_CRITICAL = critical(MpiCalls::MPI_Allreduce$handle);

    /** {@code MPI_Send}. */
    public static final MethodHandle SEND = critical(MpiCalls::MPI_Send$handle);
    /** {@code MPI_Ssend}. */
    public static final MethodHandle SSEND = critical(MpiCalls::MPI_Ssend$handle);
    /** {@code MPI_Rsend}. */
    public static final MethodHandle RSEND = critical(MpiCalls::MPI_Rsend$handle);
    /** {@code MPI_Bsend}. */
    public static final MethodHandle BSEND = critical(MpiCalls::MPI_Bsend$handle);
    /** {@code MPI_Recv}. */
    public static final MethodHandle RECV = critical(MpiCalls::MPI_Recv$handle);
    /** {@code MPI_Sendrecv}. */
    public static final MethodHandle SENDRECV = critical(MpiCalls::MPI_Sendrecv$handle);
    /** {@code MPI_Sendrecv_replace}. */
    public static final MethodHandle SENDRECV_REPLACE = critical(MpiCalls::MPI_Sendrecv_replace$handle);
    /** {@code MPI_Mrecv}. */
    public static final MethodHandle MRECV = critical(MpiCalls::MPI_Mrecv$handle);
    /** {@code MPI_Bcast}. */
    public static final MethodHandle BCAST = critical(MpiCalls::MPI_Bcast$handle);
    /** {@code MPI_Reduce}; with a user op (an upcall), through native copies instead. */
    public static final MethodHandle REDUCE = userOpSafe("reduce", MpiCalls.MPI_Reduce$handle().type());
    /** {@code MPI_Allreduce}; with a user op (an upcall), through native copies instead. */
    public static final MethodHandle ALLREDUCE = userOpSafe("allreduce", MpiCalls.MPI_Allreduce$handle().type());

    private HeapCalls() {
    }

    /**
     * A critical downcall with heap access, guarded: while a Java error handler exists (MPI
     * could call it from inside the call, see {@link Upcalls}), the call goes through an
     * ordinary downcall on native copies of the heap segments instead.
     */
    public static MethodHandle critical(Function<Linker.Option[], MethodHandle> link) {
        MethodHandle fast = link.apply(new Linker.Option[] {HEAP});
        MethodType type = fast.type();
        int n = type.parameterCount();
        MethodHandle plain = link.apply(new Linker.Option[0]).asSpreader(Object[].class, n);
        MethodHandle copying = MethodHandles.insertArguments(VIA_NATIVE, 0, plain)
                .asCollector(Object[].class, n).asType(type);
        MethodHandle test = MethodHandles.dropArguments(JAVA_ERRHANDLERS, 0, type.parameterList());
        return MethodHandles.guardWithTest(test, copying, fast);
    }

    /** Calls {@code plain} with every heap segment argument replaced by a native copy, copied back after. */
    private static Object viaNative(MethodHandle plain, Object[] args) throws Throwable {
        MemorySegment[] heap = new MemorySegment[args.length];
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof MemorySegment seg && !seg.isNative()) {
                    heap[i] = seg;
                    args[i] = toNative(seg, arena);
                }
            }
            Object rc = plain.invoke(args);
            for (int i = 0; i < args.length; i++) {
                if (heap[i] != null && !heap[i].isReadOnly()) {
                    copyBack((MemorySegment) args[i], heap[i]);
                }
            }
            return rc;
        }
    }

    /**
     * A handle to the static method {@code name} of this class, typed as the downcall
     * {@code fd}: a critical downcall must not call back into Java, so a reduction with a
     * user op (see {@link UserOps}) copies heap segments to native memory and back instead.
     */
    private static MethodHandle userOpSafe(String name, MethodType type) {
        try {
            return MethodHandles.lookup().findStatic(HeapCalls.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static int reduce(MemorySegment send, MemorySegment recv, int count, MemorySegment type,
                              MemorySegment op, int root, MemorySegment comm) throws Throwable {
        if (!UserOps.isUser(op) && !Upcalls.javaErrhandlers()) {
            return (int) REDUCE_CRITICAL.invokeExact(send, recv, count, type, op, root, comm);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = toNative(recv, arena);
            int rc = MpiCalls.MPI_Reduce(toNative(send, arena), r, count, type, op, root, comm);
            copyBack(r, recv);
            return rc;
        }
    }

    private static int allreduce(MemorySegment send, MemorySegment recv, int count, MemorySegment type,
                                 MemorySegment op, MemorySegment comm) throws Throwable {
        if (!UserOps.isUser(op) && !Upcalls.javaErrhandlers()) {
            return (int) ALLREDUCE_CRITICAL.invokeExact(send, recv, count, type, op, comm);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = toNative(recv, arena);
            int rc = MpiCalls.MPI_Allreduce(toNative(send, arena), r, count, type, op, comm);
            copyBack(r, recv);
            return rc;
        }
    }

    private static MemorySegment toNative(MemorySegment seg, Arena arena) {
        return seg.isNative() ? seg : arena.allocate(seg.byteSize(), 8).copyFrom(seg);
    }

    private static void copyBack(MemorySegment copy, MemorySegment seg) {
        if (copy != seg) {
            seg.copyFrom(copy);
        }
    }

    /** Rethrows what a handle threw, unchecked. */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("unexpected checked exception from a downcall", t);
    }
}
