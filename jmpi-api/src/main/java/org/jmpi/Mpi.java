package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.LaunchEnvironment;
import org.jmpi.internal.Errors;
import org.jmpi.internal.JobGuard;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Prelink;
import org.jmpi.internal.Scratch;

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

    private Mpi(ThreadLevel threadLevel) {
        this.threadLevel = threadLevel;
        this.world = Comm.predefined(Handles.COMM_WORLD, "MPI_COMM_WORLD");
        this.self = Comm.predefined(Handles.COMM_SELF, "MPI_COMM_SELF");
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
        if (instance != null || MpiState.finalized()) {
            throw new IllegalStateException(MpiState.finalized()
                    ? "MPI has been finalized and cannot be initialized again in this process"
                    : "MPI is already initialized: use the Mpi returned by the first init()");
        }
        if (isInitialized()) {
            throw new IllegalStateException("MPI was initialized outside jmpi in this process");
        }
        LaunchEnvironment launch = LaunchEnvironment.current();
        refuseForeignLauncher(launch);
        Prelink.start();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment provided = arena.allocate(JAVA_INT);
            int rc = MpiCalls.MPI_Init_thread(MemorySegment.NULL, MemorySegment.NULL, required.value(), provided);
            if (rc != 0) {
                throw new MpiException("MPI_Init_thread", rc, rc, "initialization failed");
            }
            ThreadLevel level = ThreadLevel.of(provided.get(JAVA_INT, 0));
            MpiState.started(level, Thread.currentThread());
            Datatype.resolvePredefined();
            instance = new Mpi(level);
            refuseSingleton(launch, instance.world.size);
            Errors.check(MpiCalls.MPI_Comm_set_errhandler(Handles.COMM_WORLD, Handles.ERRORS_RETURN),
                    "MPI_Comm_set_errhandler");
            Errors.check(MpiCalls.MPI_Comm_set_errhandler(Handles.COMM_SELF, Handles.ERRORS_RETURN),
                    "MPI_Comm_set_errhandler");
            JobGuard.install(instance.world.rank, instance.world.size);
            return instance;
        }
    }

    /**
     * Refuses, before {@code MPI_Init}, to start one MPI under a launcher that serves only
     * the other: each rank would run as a silent singleton.
     */
    private static void refuseForeignLauncher(LaunchEnvironment launch) {
        if (launch.kind() != null && launch.kind() != Abi.KIND && launch.size() > 1 && !launch.srun()) {
            throw new IllegalStateException("this rank was started by " + launch.launcher() + ", which serves "
                    + launch.kind().display + ", but jmpi loaded " + Abi.KIND.display + " (" + Abi.KIND.library
                    + ", chosen by " + Abi.CHOSEN_BY + "): every rank would run alone as rank 0 of 1. Use "
                    + launch.kind().display + " (-Djmpi.mpi=" + launch.kind().id + " or JMPI_MPI=" + launch.kind().id
                    + "), or start the ranks with " + Abi.KIND.display + "'s launcher (jmpirun --mpi " + Abi.KIND.id + ")");
        }
    }

    /**
     * Refuses a world of one process when the launcher started more: the MPI library and
     * the launcher do not talk to each other, and each rank would run alone.
     */
    private static void refuseSingleton(LaunchEnvironment launch, int worldSize) {
        if (worldSize == 1 && launch.size() > 1) {
            instance = null;
            MpiCalls.MPI_Finalize();
            MpiState.stopped();
            throw new IllegalStateException("the launcher started " + launch.size() + " processes ("
                    + launch.launcher() + "), but " + Abi.KIND.display + " (" + Abi.KIND.library + ", chosen by "
                    + Abi.CHOSEN_BY + ") reports a world of 1: the MPI library and the launcher do not belong"
                    + " together. Start the ranks with the launcher of the MPI jmpi loads, or choose the MPI with"
                    + " -Djmpi.mpi=openmpi|mpich (JMPI_MPI); under srun use --mpi=pmix for Open MPI and"
                    + " --mpi=pmi2 for MPICH");
        }
    }

    /** The largest message tag MPI accepts ({@code MPI_TAG_UB}); tags run from 0 to this. */
    public static int tagUpperBound() {
        return MpiState.tagUpperBound();
    }

    /** Whether {@code MPI_Init} has been called in this process (valid at any time). */
    public static boolean isInitialized() {
        return flag(true);
    }

    /** Whether MPI has been finalized in this process, by {@link #close()} (valid at any time). */
    public static boolean isFinalized() {
        return MpiState.finalized() || flag(false);
    }

    private static boolean flag(boolean initialized) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment f = arena.allocate(JAVA_INT);
            Errors.check(initialized ? MpiCalls.MPI_Initialized(f) : MpiCalls.MPI_Finalized(f),
                    initialized ? "MPI_Initialized" : "MPI_Finalized");
            return f.get(JAVA_INT, 0) != 0;
        }
    }

    /** The thread level MPI provided. */
    public ThreadLevel threadLevel() {
        return threadLevel;
    }

    /**
     * The thread level MPI provides, asked of MPI ({@code MPI_Query_thread}): the level
     * {@link #threadLevel()} recorded at initialization.
     */
    public static ThreadLevel queryThread() {
        MpiState.checkCall();
        MemorySegment out = Scratch.words();
        Errors.check(MpiCalls.MPI_Query_thread(out), "MPI_Query_thread");
        return ThreadLevel.of(out.get(JAVA_INT, 0));
    }

    /**
     * Whether the calling thread is the one that initialized MPI, its main thread
     * ({@code MPI_Is_thread_main}). Any thread may ask, at every thread level, since at
     * {@link ThreadLevel#FUNNELED} the answer tells whether it may call MPI at all.
     *
     * @throws IllegalStateException if MPI is not initialized, or finalized
     */
    public static boolean isThreadMain() {
        if (!MpiState.active()) {
            MpiState.checkCall();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Is_thread_main(flag), "MPI_Is_thread_main");
            return flag.get(JAVA_INT, 0) != 0;
        }
    }

    /** {@code MPI_COMM_WORLD}. */
    public Comm world() {
        MpiState.checkCall();
        return world;
    }

    /** {@code MPI_COMM_SELF}. */
    public Comm self() {
        MpiState.checkCall();
        return self;
    }

    /** {@code MPI_Wtime}: seconds since an arbitrary time in the past. */
    public static double wtime() {
        return MpiCalls.MPI_Wtime();
    }

    /** {@code MPI_Wtick}: the resolution of {@link #wtime()} in seconds. */
    public static double wtick() {
        return MpiCalls.MPI_Wtick();
    }

    /** {@code MPI_Get_processor_name}. */
    public String processorName() {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(MpiCalls.MPI_MAX_PROCESSOR_NAME());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Get_processor_name(name, len), "MPI_Get_processor_name");
            return name.getString(0);
        }
    }

    /** {@code MPI_Get_library_version}: the implementation's version text (callable any time). */
    public static String libraryVersion() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(MpiCalls.MPI_MAX_LIBRARY_VERSION_STRING());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Get_library_version(text, len), "MPI_Get_library_version");
            return text.getString(0).strip();
        }
    }

    /** {@code MPI_Get_version}: the MPI standard version as {@code {major, minor}}. */
    public static int[] version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT, 2);
            Errors.check(MpiCalls.MPI_Get_version(v, v.asSlice(4)), "MPI_Get_version");
            return new int[] {v.get(JAVA_INT, 0), v.get(JAVA_INT, 4)};
        }
    }

    /**
     * {@code MPI_Abort} on {@code MPI_COMM_WORLD}: ends every rank of the job with
     * {@code errorCode}. Does not return.
     */
    public void abort(int errorCode) {
        MpiState.checkCall();
        MpiCalls.MPI_Abort(Handles.COMM_WORLD, errorCode);
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
        MpiState.checkCall();
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
            if (!MpiState.active()) {
                return;
            }
            MpiState.checkCall();
            FuturePoller.shutdown();
            BsendBuffer.detachAtFinalize();
            MpiState.stopped();
            JobGuard.unregister();
            if (!JobGuard.takeFinalize()) {
                Errors.check(MpiCalls.MPI_Finalize(), "MPI_Finalize");
            }
        }
    }
}
