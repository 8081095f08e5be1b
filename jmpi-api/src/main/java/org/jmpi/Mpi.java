package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.bindings.ompi.OmpiLibrary;
import org.jmpi.internal.Errors;
import org.jmpi.internal.JobGuard;
import org.jmpi.internal.Runtime;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The MPI environment of this process: {@code MPI_Init_thread} when created,
 * {@code MPI_Finalize} when closed. One per process, from any Java thread:
 *
 * <pre>{@code
 * try (Mpi mpi = Mpi.init()) {
 *     Comm world = mpi.world();
 *     System.out.println("rank " + world.rank() + " of " + world.size());
 * }
 * }</pre>
 *
 * The world and self communicators return errors as {@link MpiException}s
 * ({@code MPI_ERRORS_RETURN}) instead of aborting the job.
 */
public final class Mpi implements AutoCloseable {
    private static Mpi instance;

    private final ThreadLevel threadLevel;
    private final Comm world;
    private final Comm self;

    static {
        OmpiLibrary.load();
    }

    private Mpi(ThreadLevel threadLevel) {
        this.threadLevel = threadLevel;
        this.world = Comm.predefined(OmpiHandles.COMM_WORLD, "MPI_COMM_WORLD");
        this.self = Comm.predefined(OmpiHandles.COMM_SELF, "MPI_COMM_SELF");
    }

    /** Initialises MPI with {@link ThreadLevel#SINGLE}. */
    public static Mpi init() {
        return init(ThreadLevel.SINGLE);
    }

    /**
     * Initialises MPI asking for {@code required}; {@link #threadLevel()} tells what
     * was provided.
     *
     * @throws IllegalStateException if MPI is already initialised or was finalised
     *                               (MPI cannot be initialised twice in a process)
     */
    public static synchronized Mpi init(ThreadLevel required) {
        Objects.requireNonNull(required, "required");
        if (instance != null || Runtime.finalized()) {
            throw new IllegalStateException(Runtime.finalized()
                    ? "MPI has been finalized and cannot be initialized again in this process"
                    : "MPI is already initialized: use the Mpi returned by the first init()");
        }
        if (isInitialized()) {
            throw new IllegalStateException("MPI was initialized outside jmpi in this process");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment provided = arena.allocate(JAVA_INT);
            int rc = mpi_h.MPI_Init_thread(MemorySegment.NULL, MemorySegment.NULL, required.value(), provided);
            if (rc != 0) {
                throw new MpiException("MPI_Init_thread", rc, rc, "initialization failed");
            }
            ThreadLevel level = ThreadLevel.of(provided.get(JAVA_INT, 0));
            Runtime.started(level, Thread.currentThread());
            Datatype.resolvePredefined();
            instance = new Mpi(level);
            Errors.check(mpi_h.MPI_Comm_set_errhandler(OmpiHandles.COMM_WORLD, OmpiHandles.ERRORS_RETURN),
                    "MPI_Comm_set_errhandler");
            Errors.check(mpi_h.MPI_Comm_set_errhandler(OmpiHandles.COMM_SELF, OmpiHandles.ERRORS_RETURN),
                    "MPI_Comm_set_errhandler");
            MemorySegment value = arena.allocate(mpi_h.C_POINTER);
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Comm_get_attr(OmpiHandles.COMM_WORLD, mpi_h.MPI_TAG_UB(), value, flag),
                    "MPI_Comm_get_attr");
            if (flag.get(JAVA_INT, 0) != 0) {
                Runtime.tagUpperBound(value.get(mpi_h.C_POINTER, 0).reinterpret(4).get(JAVA_INT, 0));
            }
            JobGuard.install(instance.world.rank, instance.world.size);
            return instance;
        }
    }

    /** The largest message tag MPI accepts ({@code MPI_TAG_UB}); tags run from 0 to this. */
    public static int tagUpperBound() {
        return Runtime.tagUpperBound();
    }

    /** Whether {@code MPI_Init} has been called in this process (valid at any time). */
    public static boolean isInitialized() {
        return flag(true);
    }

    /** Whether MPI has been finalized in this process, by {@link #close()} (valid at any time). */
    public static boolean isFinalized() {
        return Runtime.finalized() || flag(false);
    }

    private static boolean flag(boolean initialized) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment f = arena.allocate(JAVA_INT);
            Errors.check(initialized ? mpi_h.MPI_Initialized(f) : mpi_h.MPI_Finalized(f),
                    initialized ? "MPI_Initialized" : "MPI_Finalized");
            return f.get(JAVA_INT, 0) != 0;
        }
    }

    /** The thread level MPI provided. */
    public ThreadLevel threadLevel() {
        return threadLevel;
    }

    /** {@code MPI_COMM_WORLD}. */
    public Comm world() {
        Runtime.checkCall();
        return world;
    }

    /** {@code MPI_COMM_SELF}. */
    public Comm self() {
        Runtime.checkCall();
        return self;
    }

    /** {@code MPI_Wtime}: seconds since an arbitrary time in the past. */
    public static double wtime() {
        return mpi_h.MPI_Wtime();
    }

    /** {@code MPI_Wtick}: the resolution of {@link #wtime()} in seconds. */
    public static double wtick() {
        return mpi_h.MPI_Wtick();
    }

    /** {@code MPI_Get_processor_name}. */
    public String processorName() {
        Runtime.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(mpi_h.MPI_MAX_PROCESSOR_NAME());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Get_processor_name(name, len), "MPI_Get_processor_name");
            return name.getString(0);
        }
    }

    /** {@code MPI_Get_library_version}: the implementation's version text (callable any time). */
    public static String libraryVersion() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(mpi_h.MPI_MAX_LIBRARY_VERSION_STRING());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Get_library_version(text, len), "MPI_Get_library_version");
            return text.getString(0).strip();
        }
    }

    /** {@code MPI_Get_version}: the MPI standard version as {@code {major, minor}}. */
    public static int[] version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT, 2);
            Errors.check(mpi_h.MPI_Get_version(v, v.asSlice(4)), "MPI_Get_version");
            return new int[] {v.get(JAVA_INT, 0), v.get(JAVA_INT, 4)};
        }
    }

    /**
     * {@code MPI_Abort} on {@code MPI_COMM_WORLD}: ends every rank of the job with
     * {@code errorCode}. Does not return.
     */
    public void abort(int errorCode) {
        Runtime.checkCall();
        mpi_h.MPI_Abort(OmpiHandles.COMM_WORLD, errorCode);
        throw new IllegalStateException("MPI_Abort returned");
    }

    /**
     * Attaches a buffer of {@code bytes} for buffered sends ({@code MPI_Buffer_attach});
     * size it with {@link BsendBuffer#sizeFor}. Close the returned buffer to detach it.
     */
    public BsendBuffer attachBuffer(long bytes) {
        return BsendBuffer.attach(bytes);
    }

    /**
     * Tests the requests bound to futures ({@link Request#future()}) once, completing
     * those that are done. Needed only below {@link ThreadLevel#MULTIPLE}, where no poller
     * thread runs: call it from the thread that may call MPI.
     */
    public void progress() {
        Runtime.checkCall();
        FuturePoller.poll();
    }

    /**
     * {@code MPI_Finalize}. Idempotent; every MPI call afterwards is refused. Under
     * {@link RankMain} the native call waits until the application's {@code main} has
     * returned, so that a rank failing after this point still aborts the job.
     */
    @Override
    public void close() {
        synchronized (Mpi.class) {
            if (!Runtime.active()) {
                return;
            }
            Runtime.checkCall();
            FuturePoller.shutdown();
            BsendBuffer.detachAtFinalize();
            Runtime.stopped();
            JobGuard.unregister();
            if (!JobGuard.takeFinalize()) {
                Errors.check(mpi_h.MPI_Finalize(), "MPI_Finalize");
            }
        }
    }
}
