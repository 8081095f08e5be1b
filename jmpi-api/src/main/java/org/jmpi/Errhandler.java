package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Upcalls;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * An error handler ({@code MPI_Errhandler}) of communicators, windows or files:
 * {@link #ERRORS_RETURN}, this library's default on all three, under which a failing call
 * throws {@link MpiException}; {@link #ERRORS_ARE_FATAL}, under which MPI aborts the job;
 * or one written in Java, for communicators ({@link #create}), windows ({@link #forWin})
 * or files ({@link #forFile}), which MPI calls with the object and the error code before
 * the failing call returns the code, so the call then throws {@code MpiException} as usual.
 *
 * <pre>{@code
 * try (Errhandler log = Errhandler.create((comm, code) -> System.err.println(comm + ": " + ErrorCodes.string(code)))) {
 *     comm.setErrhandler(log);
 *     ...
 * }
 * win.setErrhandler(Errhandler.forWin((w, code) -> ...));
 * file.setErrhandler(Errhandler.forFile((f, code) -> ...));
 * }</pre>
 *
 * <p>A Java handler runs on the thread of the failing call, inside it. Whatever it throws
 * is caught (it would end the JVM in native code) and becomes the cause of the
 * {@code MpiException} that the failing call throws; {@link ErrorHandling#callErrhandler}
 * rethrows it. A Java handler serves one kind of object: setting it on another kind is an
 * {@link IllegalArgumentException}. Communicators created from one with a handler (dup,
 * split, create) inherit it, as MPI specifies. While any Java handler exists, blocking
 * calls on Java arrays go through native copies instead of pinning the array, since MPI
 * could call back into Java from inside them.
 */
public final class Errhandler implements AutoCloseable {
    /** {@code MPI_ERRORS_RETURN}: failing calls return the code (thrown as {@link MpiException}). */
    public static final Errhandler ERRORS_RETURN = new Errhandler(Handles.ERRORS_RETURN, "MPI_ERRORS_RETURN", null,
            null);
    /** {@code MPI_ERRORS_ARE_FATAL}: any error aborts every process of the job. */
    public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(Handles.ERRORS_ARE_FATAL,
            "MPI_ERRORS_ARE_FATAL", null, null);

    /** Live Java handlers by handle address: created and not closed, or still set on an object. */
    private static final Map<Long, Errhandler> JAVA = new ConcurrentHashMap<>();
    /** The communicators, windows and files that carry a Java handler, by handle address. */
    private static final Map<Long, Use> USES = new ConcurrentHashMap<>();
    /** The upcall stub of each kind, shared by its Java handlers: it finds the handler by object. */
    private static final MemorySegment[] STUBS = new MemorySegment[ErrhandlerTarget.values().length];

    private final MemorySegment handle;
    private final String name;
    /** The kind of object a Java handler serves; null for the predefined ones. */
    private final ErrhandlerTarget target;
    private final Body body;
    private final Freed freed;

    private record Use(ErrorHandling owner, Errhandler errhandler) {
    }

    /** A typed handler, called with an object of its kind (or null). */
    private interface Body {
        void handle(ErrorHandling owner, int errorCode);
    }

    private Errhandler(MemorySegment handle, String name, ErrhandlerTarget target, Body body) {
        this.handle = handle;
        this.name = name;
        this.target = target;
        this.body = body;
        this.freed = new Freed("errhandler " + name);
    }

    /**
     * The body of a Java communicator error handler: called with the communicator the error
     * happened on and the error code ({@link ErrorCodes#classOf} gives its class). The
     * communicator is null only for one created outside this library. The handler may make
     * MPI calls.
     */
    @FunctionalInterface
    public interface Handler {
        /** Handles {@code errorCode} raised on {@code comm}. */
        void handle(Comm comm, int errorCode);
    }

    /** The body of a Java window error handler, called with the window and the error code. */
    @FunctionalInterface
    public interface WinHandler {
        /** Handles {@code errorCode} raised on {@code win}. */
        void handle(Win win, int errorCode);
    }

    /** The body of a Java file error handler, called with the file and the error code. */
    @FunctionalInterface
    public interface FileHandler {
        /** Handles {@code errorCode} raised on {@code file}. */
        void handle(MpiFile file, int errorCode);
    }

    /** A communicator error handler that calls {@code handler} ({@code MPI_Comm_create_errhandler}). */
    public static Errhandler create(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return create(ErrhandlerTarget.COMM, handler, (o, code) -> handler.handle((Comm) o, code));
    }

    /** A window error handler that calls {@code handler} ({@code MPI_Win_create_errhandler}). */
    public static Errhandler forWin(WinHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return create(ErrhandlerTarget.WIN, handler, (o, code) -> handler.handle((Win) o, code));
    }

    /** A file error handler that calls {@code handler} ({@code MPI_File_create_errhandler}). */
    public static Errhandler forFile(FileHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return create(ErrhandlerTarget.FILE, handler, (o, code) -> handler.handle((MpiFile) o, code));
    }

    private static Errhandler create(ErrhandlerTarget target, Object handler, Body body) {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(target.create.applyAsInt(stub(target), out), target.kind.call("create_errhandler"));
            Errhandler e = new Errhandler(Abi.getHandle(out), "Java " + target.kind.what() + " handler " + handler,
                    target, body);
            synchronized (Errhandler.class) {
                JAVA.put(e.handle.address(), e);
                Upcalls.javaErrhandlers(JAVA.size());
            }
            return e;
        }
    }

    /** Whether this is {@link #ERRORS_RETURN} or {@link #ERRORS_ARE_FATAL} (close() leaves it alone). */
    public boolean isPredefined() {
        return target == null;
    }

    /**
     * Releases this reference ({@code MPI_Errhandler_free}) exactly once; objects it is set
     * on keep using it. A no-op for the predefined handlers.
     */
    @Override
    public void close() {
        if (target != null) {
            freed.free(handle, MpiCalls::MPI_Errhandler_free, "MPI_Errhandler_free");
            release(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ object side (package)

    /** {@code MPI_X_set_errhandler}; refuses a Java handler of another kind. */
    static void set(ErrorHandling owner, Errhandler e) {
        ErrhandlerTarget t = ErrhandlerTarget.of(owner);
        MemorySegment h = ErrhandlerTarget.live(owner);
        Objects.requireNonNull(e, "errhandler").freed.check();
        if (e.target != null && e.target != t) {
            throw new IllegalArgumentException("errhandler: " + e + " serves a " + e.target.kind.what() + ", not a "
                    + t.kind.what() + "; a " + t.kind.what() + " takes one from " + t.kind.factory()
                    + " or a predefined one");
        }
        Errors.check(t.set.applyAsInt(h, e.handle), t.kind.call("set_errhandler"));
        record(owner, e);
    }

    /** The handler set on {@code owner} ({@code MPI_X_get_errhandler}). */
    static Errhandler of(ErrorHandling owner) {
        long address = ErrhandlerTarget.of(owner).current(ErrhandlerTarget.live(owner));
        if (address == ERRORS_RETURN.handle.address()) {
            return ERRORS_RETURN;
        }
        if (address == ERRORS_ARE_FATAL.handle.address()) {
            return ERRORS_ARE_FATAL;
        }
        Errhandler e = JAVA.get(address);
        if (e == null) {
            throw new IllegalStateException(owner + " has an error handler not created by this library");
        }
        return e;
    }

    /** {@code MPI_X_call_errhandler}; rethrows what a Java handler threw. */
    static void call(ErrorHandling owner, int errorCode) {
        ErrhandlerTarget t = ErrhandlerTarget.of(owner);
        MemorySegment h = ErrhandlerTarget.live(owner);
        int last = ErrorCodes.lastUsedCode();
        if (errorCode <= 0 || errorCode > last) {
            throw new IllegalArgumentException("errorCode: " + errorCode + " is not an MPI error code (1 to "
                    + last + ", ErrorCodes.addCode adds more)");
        }
        Upcalls.take();
        Errors.check(t.call.apply(h, errorCode), t.kind.call("call_errhandler"));
        Throwable thrown = Upcalls.take();
        if (thrown instanceof RuntimeException r) {
            throw r;
        }
        if (thrown instanceof Error err) {
            throw err;
        }
        if (thrown != null) {
            throw new IllegalStateException("error handler failed: " + thrown, thrown);
        }
    }

    /** Registers a communicator MPI just created, which inherited its parent's handler. */
    static void inherited(Comm comm) {
        Errhandler e = JAVA.isEmpty() ? null : JAVA.get(ErrhandlerTarget.COMM.current(comm.handle));
        if (e != null) {
            record(comm, e);
        }
    }

    /** Forgets a communicator, window or file that was freed. */
    static void freed(ErrorHandling owner) {
        Use u = USES.remove(ErrhandlerTarget.handle(owner).address());
        if (u != null) {
            release(u.errhandler);
        }
    }

    private static synchronized void record(ErrorHandling owner, Errhandler e) {
        long address = ErrhandlerTarget.handle(owner).address();
        Use old = e.target == null ? USES.remove(address) : USES.put(address, new Use(owner, e));
        if (old != null && old.errhandler != e) {
            release(old.errhandler);
        }
    }

    /** Drops a closed Java handler that no object uses any more (MPI has freed it). */
    private static synchronized void release(Errhandler e) {
        if (e.target == null || !e.freed.isFreed()) {
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

    // ------------------------------------------------------------------ the upcall

    private static synchronized MemorySegment stub(ErrhandlerTarget target) {
        MemorySegment s = STUBS[target.ordinal()];
        if (s == null) {
            try {
                MethodHandle upcall = MethodHandles.lookup().findStatic(Errhandler.class, "upcall",
                        MethodType.methodType(void.class, ErrhandlerTarget.class, MemorySegment.class,
                                MemorySegment.class));
                s = NativeAccess.upcall(MethodHandles.insertArguments(upcall, 0, target),
                        FunctionDescriptor.ofVoid(ADDRESS, ADDRESS), Arena.global());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            STUBS[target.ordinal()] = s;
        }
        return s;
    }

    /**
     * Called by MPI as {@code void (MPI_Comm *comm, int *code, ...)} (or {@code MPI_Win *},
     * {@code MPI_File *}); Open MPI passes two more arguments (a message and NULL), which the
     * stub ignores. Never throws.
     */
    private static void upcall(ErrhandlerTarget target, MemorySegment objectRef, MemorySegment codeRef) {
        try {
            // MPI_File is a pointer in every ABI; MPI_Comm and MPI_Win are ints on MPICH.
            MemorySegment object = target == ErrhandlerTarget.FILE
                    ? NativeAccess.sized(objectRef, ADDRESS.byteSize()).get(ADDRESS, 0) : Abi.derefHandle(objectRef);
            int code = NativeAccess.sized(codeRef, JAVA_INT.byteSize()).get(JAVA_INT, 0);
            Use u = USES.get(object.address());
            Errhandler e = u != null ? u.errhandler : JAVA.get(target.current(object));
            if (e != null) {
                e.body.handle(u != null ? u.owner : null, code);
            }
        } catch (Throwable t) {
            Upcalls.failed(t);
        }
    }
}
