package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The thread support levels of {@code MPI_Init_thread}, weakest first. */
public enum ThreadLevel {
    /** {@code MPI_THREAD_SINGLE}: only one thread will execute. */
    SINGLE(MpiCalls.MPI_THREAD_SINGLE()),
    /** {@code MPI_THREAD_FUNNELED}: only the thread that initialised MPI makes MPI calls. */
    FUNNELED(MpiCalls.MPI_THREAD_FUNNELED()),
    /** {@code MPI_THREAD_SERIALIZED}: any thread, but never two at once. */
    SERIALIZED(MpiCalls.MPI_THREAD_SERIALIZED()),
    /** {@code MPI_THREAD_MULTIPLE}: any thread, concurrently. */
    MULTIPLE(MpiCalls.MPI_THREAD_MULTIPLE());

    private final int value;

    ThreadLevel(int value) {
        this.value = value;
    }

    /** The C constant. */
    public int value() {
        return value;
    }

    /** The level whose C constant is {@code value}. */
    public static ThreadLevel of(int value) {
        for (ThreadLevel l : values()) {
            if (l.value == value) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown MPI thread level " + value);
    }
}
