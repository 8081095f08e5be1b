package mpi;

/**
 * An error reported by MPI, or found before MPI was called, carrying its MPI error code and
 * error class (compare the class with the {@code MPI.ERR_*} constants). Thrown by objects
 * whose error handler is {@link MPI#ERRORS_RETURN}; under {@link MPI#ERRORS_ARE_FATAL}, the
 * default, an error ends the job instead.
 */
public final class MPIException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final int errorClass;

    /**
     * An exception for an MPI error.
     *
     * @param code    the error code
     * @param clazz   its error class
     * @param message the error's text
     */
    protected MPIException(int code, int clazz, String message) {
        super(message);
        this.errorCode = code;
        this.errorClass = clazz;
    }

    /**
     * An exception with a message and the error class {@code MPI_ERR_UNKNOWN}.
     *
     * @param message what went wrong
     */
    public MPIException(String message) {
        this(MPI.ERR_UNKNOWN, MPI.ERR_UNKNOWN, message);
    }

    /**
     * An exception caused by another, with the error class {@code MPI_ERR_UNKNOWN}.
     *
     * @param cause what went wrong
     */
    public MPIException(Throwable cause) {
        super(cause);
        this.errorCode = MPI.ERR_UNKNOWN;
        this.errorClass = MPI.ERR_UNKNOWN;
    }

    /**
     * The error code, which may be more specific than its class.
     *
     * @return the code
     */
    public int getErrorCode() {
        return errorCode;
    }

    /**
     * The error class ({@code MPI.ERR_*}).
     *
     * @return the class
     */
    public int getErrorClass() {
        return errorClass;
    }
}
