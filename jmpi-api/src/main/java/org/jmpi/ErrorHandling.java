package org.jmpi;

/**
 * The error handler of a {@link Comm}, {@link Win} or {@link MpiFile}
 * ({@code MPI_Comm_set_errhandler}, {@code MPI_Win_set_errhandler},
 * {@code MPI_File_set_errhandler} and their get and call counterparts); see
 * {@link Errhandler}.
 */
public sealed interface ErrorHandling permits Comm, Win, MpiFile {

    /**
     * Sets the handler MPI calls when a call on this object fails
     * ({@code MPI_*_set_errhandler}): a predefined one, or a Java one of this object's kind
     * ({@link Errhandler#create} for a communicator, {@link Errhandler#forWin} for a window,
     * {@link Errhandler#forFile} for a file). Communicators created from this one afterwards
     * inherit it.
     *
     * @throws IllegalArgumentException for a Java handler of another kind of object
     */
    default void setErrhandler(Errhandler errhandler) {
        Errhandler.set(this, errhandler);
    }

    /** The handler in use ({@code MPI_*_get_errhandler}); {@link Errhandler#ERRORS_RETURN} by default. */
    default Errhandler getErrhandler() {
        return Errhandler.of(this);
    }

    /**
     * Invokes the handler with {@code errorCode} ({@code MPI_*_call_errhandler}), a
     * predefined code or one from {@link ErrorCodes#addCode}. Under
     * {@link Errhandler#ERRORS_RETURN} nothing happens; a Java handler runs now, and what it
     * throws is rethrown here; under {@link Errhandler#ERRORS_ARE_FATAL} the job aborts.
     */
    default void callErrhandler(int errorCode) {
        Errhandler.call(this, errorCode);
    }
}
