package org.jmpi;

/**
 * The error handler of a {@link Comm} ({@code MPI_Comm_set_errhandler},
 * {@code MPI_Comm_get_errhandler}, {@code MPI_Comm_call_errhandler}); see {@link Errhandler}.
 */
public sealed interface ErrorHandling permits Comm {

    /**
     * Sets the handler MPI calls when a call on this communicator fails
     * ({@code MPI_Comm_set_errhandler}). Communicators created from this one afterwards
     * inherit it.
     */
    default void setErrhandler(Errhandler errhandler) {
        Errhandler.set((Comm) this, errhandler);
    }

    /** The handler in use ({@code MPI_Comm_get_errhandler}); {@link Errhandler#ERRORS_RETURN} by default. */
    default Errhandler getErrhandler() {
        return Errhandler.of((Comm) this);
    }

    /**
     * Invokes the handler with {@code errorCode} ({@code MPI_Comm_call_errhandler}), a
     * predefined code or one from {@link ErrorCodes#addCode}. Under
     * {@link Errhandler#ERRORS_RETURN} nothing happens; a Java handler runs now, and what it
     * throws is rethrown here; under {@link Errhandler#ERRORS_ARE_FATAL} the job aborts.
     */
    default void callErrhandler(int errorCode) {
        Errhandler.call((Comm) this, errorCode);
    }
}
