package mpi;

import java.util.Locale;

import org.jmpi.ErrorCodes;
import org.jmpi.MpiException;

/**
 * Turns what jmpi throws into {@link MPIException}s with the MPI error class the call would
 * have reported, and applies an object's error handler: under {@link MPI#ERRORS_RETURN} the
 * exception is returned for the caller to throw, under the other handlers the job ends.
 * Errors found before MPI runs (not initialised, finalised) are always returned.
 */
final class Failure {
    /** {@code MPI_ERR_PROC_ABORTED}: MPICH's own value, Open MPI 5's on Open MPI (4.1 lacks it). */
    static final int PROC_ABORTED = org.jmpi.Mpi.libraryVersion().contains("MPICH") ? 76 : 74;
    /** Open MPI's {@code MPI_ERR_SYSRESOURCE}, kept on every MPI (no call here reports it). */
    static final int SYSRESOURCE = Integer.parseInt("-2");

    private Failure() {
    }

    /** An argument error of a given MPI error class, found before MPI was called. */
    static final class ArgumentError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int errorClass;

        ArgumentError(int errorClass, String message) {
            super(message);
            this.errorClass = errorClass;
        }
    }

    /** An argument error of class {@code errorClass} saying {@code message}. */
    static ArgumentError arg(int errorClass, String message) {
        return new ArgumentError(errorClass, message);
    }

    /** An error of code {@code errorCode} raised by the program ({@code MPI_*_call_errhandler}). */
    static RuntimeException code(int errorCode) {
        try {
            return new MpiException("MPI_Comm_call_errhandler", errorCode, ErrorCodes.classOf(errorCode),
                    ErrorCodes.string(errorCode));
        } catch (RuntimeException e) {
            return arg(ErrorCodes.ERR_ARG, "errorCode: " + errorCode + " is no error code");
        }
    }

    /**
     * The exception to throw for {@code e} under {@code handler}; ends the job instead when
     * the handler is not {@link MPI#ERRORS_RETURN} and MPI is running.
     */
    static MPIException raise(Errhandler handler, RuntimeException e, String where) {
        MPIException m = of(e);
        if ((handler == null || !handler.returns()) && Lifecycle.running()) {
            Lifecycle.fatal(m, where, handler);
        }
        return m;
    }

    /** {@code e} as an {@link MPIException} with its MPI error class. */
    static MPIException of(RuntimeException e) {
        if (e instanceof MpiException m) {
            MPIException x = new MPIException(m.errorCode(), m.errorClass(), m.getMessage());
            x.initCause(e);
            return x;
        }
        int c = classOf(e);
        MPIException x = new MPIException(c, c, String.valueOf(e.getMessage()));
        x.initCause(e);
        return x;
    }

    /** The MPI error class of an exception jmpi or this package threw. */
    static int classOf(RuntimeException e) {
        if (e instanceof ArgumentError a) {
            return a.errorClass;
        }
        if (e instanceof MpiException m) {
            return m.errorClass();
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof org.jmpi.Op.UserFunctionException) {
            return ErrorCodes.ERR_OTHER;
        }
        if (e instanceof UnsupportedOperationException) {
            return ErrorCodes.ERR_UNSUPPORTED_OPERATION;
        }
        if (e instanceof IllegalStateException) {
            return stateClass(msg);
        }
        if (msg.startsWith("root")) {
            return ErrorCodes.ERR_ROOT;
        }
        if (msg.contains(": rank ") || msg.startsWith("dest") || msg.startsWith("source")) {
            return ErrorCodes.ERR_RANK;
        }
        if (msg.contains(": tag ") || msg.contains("tag:")) {
            return ErrorCodes.ERR_TAG;
        }
        if (msg.contains("count")) {
            return ErrorCodes.ERR_COUNT;
        }
        if (msg.startsWith("type") || msg.contains("datatype")) {
            return ErrorCodes.ERR_TYPE;
        }
        if (msg.startsWith("op") || msg.contains(" op ")) {
            return ErrorCodes.ERR_OP;
        }
        if (msg.contains("buf") || e instanceof IndexOutOfBoundsException) {
            return ErrorCodes.ERR_BUFFER;
        }
        if (msg.startsWith("group")) {
            return ErrorCodes.ERR_GROUP;
        }
        if (msg.startsWith("key") || msg.contains("info key")) {
            return ErrorCodes.ERR_INFO_KEY;
        }
        if (msg.startsWith("value")) {
            return ErrorCodes.ERR_INFO_VALUE;
        }
        return ErrorCodes.ERR_ARG;
    }

    private static int stateClass(String msg) {
        if (msg.contains("communicator")) {
            return ErrorCodes.ERR_COMM;
        }
        if (msg.contains("datatype")) {
            return ErrorCodes.ERR_TYPE;
        }
        if (msg.contains("request")) {
            return ErrorCodes.ERR_REQUEST;
        }
        if (msg.contains("group")) {
            return ErrorCodes.ERR_GROUP;
        }
        if (msg.contains("info")) {
            return ErrorCodes.ERR_INFO;
        }
        if (msg.contains("window")) {
            return ErrorCodes.ERR_WIN;
        }
        if (msg.contains("file")) {
            return ErrorCodes.ERR_FILE;
        }
        return ErrorCodes.ERR_OTHER;
    }
}
