package org.jmpi;

import java.util.Objects;

/**
 * An MPI call returned an error code. Carries the MPI error class (one of the
 * {@code MPI_ERR_*} constants), the implementation's error code and Open MPI's own
 * error string.
 */
public class MpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errorCode;
    private final int errorClass;

    /** An exception for {@code errorCode} raised by {@code call}. */
    public MpiException(String call, int errorCode, int errorClass, String mpiMessage) {
        super(call + " failed: " + mpiMessage + " (error class " + errorClass + ", code " + errorCode + ")");
        this.errorCode = errorCode;
        this.errorClass = errorClass;
    }

    /**
     * An exception for {@code errorCode}, a predefined code or one added with
     * {@link ErrorCodes#addCode}, with its class and text as MPI reports them. Thrown from a
     * {@link Keyval} callback, the code is what MPI returns for the call that ran it.
     */
    public static MpiException of(int errorCode, String context) {
        Objects.requireNonNull(context, "context");
        return new MpiException(context, errorCode, ErrorCodes.classOf(errorCode), ErrorCodes.string(errorCode));
    }

    /** The error code MPI returned. */
    public int errorCode() {
        return errorCode;
    }

    /** The MPI error class of the code ({@code MPI_Error_class}). */
    public int errorClass() {
        return errorClass;
    }
}
