package mpi;

import java.util.function.ToIntFunction;

/**
 * An exception jmpi threw, given the MPI error class the call would report, for the
 * classes that know better than {@link Failure#classOf} what a message means
 * ({@link Topo}, {@link WinSupport}, {@link FileSupport}).
 */
final class Reclassified {
    private Reclassified() {
    }

    /**
     * {@code e} with the error class {@code state} gives the message of an
     * {@link IllegalStateException} and {@code argument} that of an
     * {@link IllegalArgumentException}; -1, other exceptions, native errors and errors of
     * this package keep theirs.
     */
    static RuntimeException of(RuntimeException e, ToIntFunction<String> state, ToIntFunction<String> argument) {
        if (e instanceof Failure.ArgumentError || e instanceof org.jmpi.MpiException) {
            return e;
        }
        String m = String.valueOf(e.getMessage());
        int c = e instanceof IllegalStateException ? state.applyAsInt(m)
                : e instanceof IllegalArgumentException ? argument.applyAsInt(m) : -1;
        return c < 0 ? e : as(c, e);
    }

    /** {@code e}'s message as an argument error of class {@code errorClass}, caused by {@code e}. */
    static RuntimeException as(int errorClass, RuntimeException e) {
        Failure.ArgumentError a = Failure.arg(errorClass, String.valueOf(e.getMessage()));
        a.initCause(e);
        return a;
    }

    /** The error {@code call} raises with {@code errorCode} ({@code MPI_Win_call_errhandler}, ...), named after it. */
    static RuntimeException called(int errorCode, String call) {
        RuntimeException e = Failure.code(errorCode);
        return e instanceof org.jmpi.MpiException m
                ? new org.jmpi.MpiException(call, m.errorCode(), m.errorClass(), org.jmpi.ErrorCodes.string(errorCode))
                : e;
    }
}
