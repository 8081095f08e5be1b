package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** The thread support levels of {@code MPI_Init_thread}, weakest first. */
public enum ThreadLevel {
    /** {@code MPI_THREAD_SINGLE}: only one thread will execute. */
    SINGLE,
    /** {@code MPI_THREAD_FUNNELED}: only the thread that initialised MPI makes MPI calls. */
    FUNNELED,
    /** {@code MPI_THREAD_SERIALIZED}: any thread, but never two at once. */
    SERIALIZED,
    /** {@code MPI_THREAD_MULTIPLE}: any thread, concurrently. */
    MULTIPLE;

    /** The C constant. */
    public int value() {
        return Codes.code(this, codes());
    }

    /** The constant whose C value is {@code value}. */
    public static ThreadLevel of(int value) {
        return Codes.decode(values(), value, "thread level", codes());
    }

    private static int[] codes() {
        return new int[] {
            MpiCalls.MPI_THREAD_SINGLE(),
            MpiCalls.MPI_THREAD_FUNNELED(),
            MpiCalls.MPI_THREAD_SERIALIZED(),
            MpiCalls.MPI_THREAD_MULTIPLE()};
    }
}
