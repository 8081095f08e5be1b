package org.jmpi;

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
        return Codes.code(this);
    }

    /** The constant whose C value is {@code value}. */
    public static ThreadLevel of(int value) {
        return Codes.decode(ThreadLevel.class, value);
    }
}
