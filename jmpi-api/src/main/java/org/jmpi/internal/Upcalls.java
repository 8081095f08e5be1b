package org.jmpi.internal;

/**
 * State shared by the upcalls MPI makes into Java (attribute copy and delete callbacks,
 * error handlers). An upcall must never let an exception reach native code: it records
 * what it caught here, for the thread it ran on, and returns an error code; the MPI call
 * that made the upcall then fails and {@link Errors#exception} makes the recorded
 * throwable the cause of its {@code MpiException}. Not public API.
 */
public final class Upcalls {
    private static final ThreadLocal<Throwable> FAILURE = new ThreadLocal<>();
    private static final int ERR_OTHER = org.jmpi.bindings.abi.MpiCalls.MPI_ERR_OTHER();
    private static volatile int javaErrhandlers;

    private Upcalls() {
    }

    /** Records {@code t}, thrown by Java code called from an upcall on this thread; the first one wins. */
    public static void failed(Throwable t) {
        try {
            if (FAILURE.get() == null) {
                FAILURE.set(t);
            }
        } catch (Throwable ignored) {
            // Out of memory while recording: dropping the failure beats ending the JVM.
        }
    }

    /**
     * Records {@code t} and returns the MPI error code the upcall should return: the code
     * of an {@link org.jmpi.MpiException} (a predefined or user-defined one), else
     * {@code MPI_ERR_OTHER}.
     */
    public static int fail(Throwable t) {
        failed(t);
        return t instanceof org.jmpi.MpiException m && m.errorCode() != 0 ? m.errorCode() : ERR_OTHER;
    }

    /** The failure recorded on this thread since the last call, cleared; null if none. */
    public static Throwable take() {
        Throwable t = FAILURE.get();
        if (t != null) {
            FAILURE.remove();
        }
        return t;
    }

    /** Records how many Java error handlers MPI may call (created and not yet released). */
    public static void javaErrhandlers(int live) {
        javaErrhandlers = live;
    }

    /**
     * Whether MPI may call a Java error handler, from any MPI call on a communicator, window
     * or file that has one (a handler lives until the last object using it is freed).
     */
    public static boolean javaErrhandlers() {
        return javaErrhandlers != 0;
    }
}
