package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.Runtime;
import org.jmpi.internal.Upcalls;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A communicator error handler ({@code MPI_Errhandler}): {@link #ERRORS_RETURN}, this
 * library's default, under which a failing call throws {@link MpiException};
 * {@link #ERRORS_ARE_FATAL}, under which MPI aborts the job; or one written in Java
 * ({@link #create}), which MPI calls with the communicator and the error code before the
 * failing call returns the code, so the call then throws {@code MpiException} as usual.
 *
 * <pre>{@code
 * try (Errhandler log = Errhandler.create((comm, code) -> System.err.println(comm + ": " + ErrorCodes.string(code)))) {
 *     comm.setErrhandler(log);
 *     ...
 * }
 * }</pre>
 *
 * <p>A Java handler runs on the thread of the failing call, inside it. Whatever it throws
 * is caught (it would end the JVM in native code) and becomes the cause of the
 * {@code MpiException} that the failing call throws; {@link Comm#callErrhandler} rethrows
 * it. Communicators created from one with a handler (dup, split, create) inherit it, as
 * MPI specifies. While any Java handler exists, blocking calls on Java arrays go through
 * native copies instead of pinning the array, since MPI could call back into Java from
 * inside them.
 */
public final class Errhandler implements AutoCloseable {
    /** {@code MPI_ERRORS_RETURN}: failing calls return the code (thrown as {@link MpiException}). */
    public static final Errhandler ERRORS_RETURN = new Errhandler(OmpiHandles.ERRORS_RETURN, "MPI_ERRORS_RETURN", null);
    /** {@code MPI_ERRORS_ARE_FATAL}: any error aborts every process of the job. */
    public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(OmpiHandles.ERRORS_ARE_FATAL,
            "MPI_ERRORS_ARE_FATAL", null);

    /** Live Java handlers by handle address: created and not closed, or still set on a communicator. */
    private static final Map<Long, Errhandler> JAVA = new ConcurrentHashMap<>();
    /** The communicators that carry a Java handler, by handle address. */
    private static final Map<Long, Use> USES = new ConcurrentHashMap<>();
    /** The one upcall stub of every Java handler: it finds the handler by communicator. */
    private static volatile MemorySegment stub;

    private final MemorySegment handle;
    private final String name;
    private final Handler handler;
    private final Freed freed;

    private record Use(Comm comm, Errhandler errhandler) {
    }

    private Errhandler(MemorySegment handle, String name, Handler handler) {
        this.handle = handle;
        this.name = name;
        this.handler = handler;
        this.freed = new Freed("errhandler " + name);
    }

    /**
     * The body of a Java error handler: called with the communicator the error happened on
     * and the error code ({@link ErrorCodes#classOf} gives its class). The communicator is
     * null only for one created outside this library. The handler may make MPI calls.
     */
    @FunctionalInterface
    public interface Handler {
        /** Handles {@code errorCode} raised on {@code comm}. */
        void handle(Comm comm, int errorCode);
    }

    /** A communicator error handler that calls {@code handler} ({@code MPI_Comm_create_errhandler}). */
    public static Errhandler create(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        Runtime.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            Errors.check(mpi_h.MPI_Comm_create_errhandler(stub(), out), "MPI_Comm_create_errhandler");
            Errhandler e = new Errhandler(out.get(ADDRESS, 0), "Java handler " + handler, handler);
            synchronized (Errhandler.class) {
                JAVA.put(e.handle.address(), e);
                Upcalls.javaErrhandlers(JAVA.size());
            }
            return e;
        }
    }

    /** Whether this is {@link #ERRORS_RETURN} or {@link #ERRORS_ARE_FATAL} (close() leaves it alone). */
    public boolean isPredefined() {
        return handler == null;
    }

    /**
     * Releases this reference ({@code MPI_Errhandler_free}) exactly once; communicators it
     * is set on keep using it. A no-op for the predefined handlers.
     */
    @Override
    public void close() {
        if (handler != null) {
            freed.free(handle, mpi_h::MPI_Errhandler_free, "MPI_Errhandler_free");
            release(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ communicator side (package)

    /** {@code MPI_Comm_set_errhandler}. */
    static void set(Comm comm, Errhandler e) {
        comm.check();
        Objects.requireNonNull(e, "errhandler").freed.check();
        Errors.check(mpi_h.MPI_Comm_set_errhandler(comm.handle, e.handle), "MPI_Comm_set_errhandler");
        record(comm, e);
    }

    /** The handler set on {@code comm} ({@code MPI_Comm_get_errhandler}). */
    static Errhandler of(Comm comm) {
        comm.check();
        long address = current(comm.handle);
        if (address == ERRORS_RETURN.handle.address()) {
            return ERRORS_RETURN;
        }
        if (address == ERRORS_ARE_FATAL.handle.address()) {
            return ERRORS_ARE_FATAL;
        }
        Errhandler e = JAVA.get(address);
        if (e == null) {
            throw new IllegalStateException(comm + " has an error handler not created by this library");
        }
        return e;
    }

    /** {@code MPI_Comm_call_errhandler}; rethrows what a Java handler threw. */
    static void call(Comm comm, int errorCode) {
        comm.check();
        int last = ErrorCodes.lastUsedCode();
        if (errorCode <= 0 || errorCode > last) {
            throw new IllegalArgumentException("errorCode: " + errorCode + " is not an MPI error code (1 to "
                    + last + ", ErrorCodes.addCode adds more)");
        }
        Upcalls.take();
        Errors.check(mpi_h.MPI_Comm_call_errhandler(comm.handle, errorCode), "MPI_Comm_call_errhandler");
        Throwable t = Upcalls.take();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("error handler failed: " + t, t);
        }
    }

    /** Registers a communicator MPI just created, which inherited its parent's handler. */
    static void inherited(Comm comm) {
        Errhandler e = JAVA.isEmpty() ? null : JAVA.get(current(comm.handle));
        if (e != null) {
            record(comm, e);
        }
    }

    /** Forgets a communicator that was freed. */
    static void freed(Comm comm) {
        Use u = USES.remove(comm.handle.address());
        if (u != null) {
            release(u.errhandler);
        }
    }

    private static synchronized void record(Comm comm, Errhandler e) {
        Use old = e.handler == null ? USES.remove(comm.handle.address())
                : USES.put(comm.handle.address(), new Use(comm, e));
        if (old != null && old.errhandler != e) {
            release(old.errhandler);
        }
    }

    /** Drops a closed Java handler that no communicator uses any more (MPI has freed it). */
    private static synchronized void release(Errhandler e) {
        if (e.handler == null || !e.freed.isFreed()) {
            return;
        }
        for (Use u : USES.values()) {
            if (u.errhandler == e) {
                return;
            }
        }
        JAVA.remove(e.handle.address(), e);
        Upcalls.javaErrhandlers(JAVA.size());
    }

    /** The address of the handler set on a communicator; the reference MPI_Comm_get_errhandler adds is dropped. */
    private static long current(MemorySegment comm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            Errors.check(mpi_h.MPI_Comm_get_errhandler(comm, out), "MPI_Comm_get_errhandler");
            long address = out.get(ADDRESS, 0).address();
            Errors.check(mpi_h.MPI_Errhandler_free(out), "MPI_Errhandler_free");
            return address;
        }
    }

    // ------------------------------------------------------------------ the upcall

    private static MemorySegment stub() {
        MemorySegment s = stub;
        if (s == null) {
            synchronized (Errhandler.class) {
                s = stub;
                if (s == null) {
                    try {
                        s = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(Errhandler.class,
                                "upcall", MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), Arena.global());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    stub = s;
                }
            }
        }
        return s;
    }

    /**
     * Called by MPI as {@code void (MPI_Comm *comm, int *code, ...)}; Open MPI passes two
     * more arguments (a message and NULL), which the stub ignores. Never throws.
     */
    private static void upcall(MemorySegment commRef, MemorySegment codeRef) {
        try {
            MemorySegment comm = commRef.reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
            int code = codeRef.reinterpret(JAVA_INT.byteSize()).get(JAVA_INT, 0);
            Use u = USES.get(comm.address());
            Errhandler e = u != null ? u.errhandler : JAVA.get(current(comm));
            if (e != null) {
                e.handler.handle(u != null ? u.comm : null, code);
            }
        } catch (Throwable t) {
            Upcalls.failed(t);
        }
    }
}
