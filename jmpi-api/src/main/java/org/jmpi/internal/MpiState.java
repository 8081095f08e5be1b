package org.jmpi.internal;

import org.jmpi.ThreadLevel;

/**
 * Process-wide MPI state that every call checks before going native: initialised,
 * finalised, the thread level and the thread that initialised MPI. Not public API.
 */
public final class MpiState {
    private static volatile boolean active;
    private static volatile boolean finalized;
    private static volatile ThreadLevel level = ThreadLevel.SINGLE;
    private static volatile Thread initThread;
    private static volatile int tagUpperBound = 32767;

    private MpiState() {
    }

    /** Records a successful {@code MPI_Init_thread}. */
    public static void started(ThreadLevel provided, Thread by) {
        level = provided;
        initThread = by;
        active = true;
    }

    /** Records the largest tag MPI accepts ({@code MPI_TAG_UB}). */
    public static void tagUpperBound(int ub) {
        tagUpperBound = ub;
    }

    /** The largest tag MPI accepts ({@code MPI_TAG_UB}). */
    public static int tagUpperBound() {
        return tagUpperBound;
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
