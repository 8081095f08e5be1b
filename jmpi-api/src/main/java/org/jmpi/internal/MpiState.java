package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.jmpi.ThreadLevel;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.access.NativeAccess;

/**
 * Process-wide MPI state that every call checks before going native: initialised,
 * finalised, the thread level and the thread that initialised MPI. Not public API.
 */
public final class MpiState {
    private static volatile boolean active;
    private static volatile boolean finalized;
    private static volatile ThreadLevel level = ThreadLevel.SINGLE;
    private static volatile Thread initThread;
    /** The least {@code MPI_TAG_UB} the standard allows: tags up to it are valid in every MPI. */
    public static final int LEAST_TAG_UPPER_BOUND = 32767;

    /** 0 until read from MPI, on the first tag above {@link #LEAST_TAG_UPPER_BOUND}. */
    private static volatile int tagUpperBound;

    private MpiState() {
    }

    /** Records a successful {@code MPI_Init_thread}. */
    public static void started(ThreadLevel provided, Thread by) {
        level = provided;
        initThread = by;
        active = true;
    }

    /**
     * The largest tag MPI accepts ({@code MPI_TAG_UB}), read from {@code MPI_COMM_WORLD}'s
     * attribute the first time it is needed; {@link #LEAST_TAG_UPPER_BOUND} while MPI is
     * not running and the value was never read.
     */
    public static int tagUpperBound() {
        int ub = tagUpperBound;
        return ub != 0 ? ub : readTagUpperBound();
    }

    private static synchronized int readTagUpperBound() {
        if (tagUpperBound != 0 || !active) {
            return tagUpperBound != 0 ? tagUpperBound : LEAST_TAG_UPPER_BOUND;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(MpiCalls.MPI_Comm_get_attr(Handles.COMM_WORLD, MpiCalls.MPI_TAG_UB(), value, flag),
                    "MPI_Comm_get_attr");
            int ub = flag.get(ValueLayout.JAVA_INT, 0) != 0
                    ? NativeAccess.sized(value.get(ValueLayout.ADDRESS, 0), 4).get(ValueLayout.JAVA_INT, 0)
                    : LEAST_TAG_UPPER_BOUND;
            tagUpperBound = ub;
            return ub;
        }
    }

    /** Records {@code MPI_Finalize}. */
    public static void stopped() {
        active = false;
        finalized = true;
    }

    /** Whether MPI is initialised and not finalised. */
    public static boolean active() {
        return active;
    }

    /** Whether this library finalised MPI. */
    public static boolean finalized() {
        return finalized;
    }

    /** The thread level MPI provided. */
    public static ThreadLevel level() {
        return level;
    }

    /**
     * Refuses a call when MPI is not running or the calling thread may not call MPI at
     * the provided thread level (SINGLE and FUNNELED: only the initialising thread).
     */
    public static void checkCall() {
        if (!active) {
            throw new IllegalStateException(finalized
                    ? "MPI has been finalized: no MPI call is allowed after Mpi.close()"
                    : "MPI is not initialized: call Mpi.init() first");
        }
        ThreadLevel l = level;
        if ((l == ThreadLevel.SINGLE || l == ThreadLevel.FUNNELED) && Thread.currentThread() != initThread) {
            throw new IllegalStateException("MPI was initialized with thread level " + l
                    + " by thread '" + initThread.getName() + "'; thread '"
                    + Thread.currentThread().getName() + "' may not call MPI (use ThreadLevel.SERIALIZED"
                    + " or MULTIPLE)");
        }
    }
}
