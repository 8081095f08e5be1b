package mpi;

import org.jmpi.BsendBuffer;
import org.jmpi.Mpi;
import org.jmpi.ThreadLevel;

/**
 * The jmpi environment behind {@link MPI}: started by {@code MPI.Init}, closed by
 * {@code MPI.Finalize}, and the buffered-send buffer attached in between.
 */
final class Lifecycle {
    private static volatile Mpi mpi;
    private static volatile boolean finalized;
    private static byte[] attached;
    private static BsendBuffer bsend;

    private Lifecycle() {
    }

    /** Starts MPI at thread level {@code required} and returns the level provided. */
    static synchronized int init(int required) throws MPIException {
        if (mpi != null || finalized) {
            throw new MPIException(finalized ? "MPI is finalized." : "MPI is already initialized.");
        }
        ThreadLevel level;
        try {
            level = ThreadLevel.of(required);
        } catch (RuntimeException e) {
            throw Failure.of(Failure.arg(MPI.ERR_ARG, "required: " + required + " is not a thread level"));
        }
        try {
            Mpi m = Mpi.init(level);
            mpi = m;
            return m.threadLevel().value();
        } catch (RuntimeException e) {
            throw Failure.of(e);
        }
    }

    /** Finalises MPI. */
    static synchronized void finish() throws MPIException {
        check();
        try {
            if (bsend != null) {
                bsend.close();
                bsend = null;
                attached = null;
            }
            mpi.close();
        } catch (RuntimeException e) {
            throw Failure.of(e);
        } finally {
            finalized = true;
            mpi = null;
        }
    }

    /** Whether MPI is initialised and not finalised. */
    static boolean running() {
        return mpi != null;
    }

    /** Refuses unless MPI is running. */
    static void check() throws MPIException {
        if (mpi == null) {
            throw new MPIException(finalized ? "MPI is finalized." : "MPI is not initialized.");
        }
    }

    /** The running environment, or an exception saying why there is none. */
    static Mpi mpi() throws MPIException {
        Mpi m = mpi;
        if (m == null) {
            check();
        }
        return m;
    }

    /** The thread level MPI provides. */
    static int queryThread() throws MPIException {
        mpi();
        return Mpi.queryThread().value();
    }

    /** Whether the calling thread is the one that initialised MPI. */
    static boolean isThreadMain() throws MPIException {
        mpi();
        return Mpi.isThreadMain();
    }

    /** The processor name. */
    static String processorName() throws MPIException {
        try {
            return mpi().processorName();
        } catch (RuntimeException e) {
            throw Failure.of(e);
        }
    }

    /** Attaches a buffered-send buffer of {@code buffer.length} bytes. */
    static synchronized void attachBuffer(byte[] buffer) throws MPIException {
        Mpi m = mpi();
        if (buffer == null) {
            throw Failure.of(Failure.arg(MPI.ERR_BUFFER, "buffer: null"));
        }
        if (bsend != null) {
            throw Failure.of(Failure.arg(MPI.ERR_BUFFER, "buffer: a buffer is attached already"));
        }
        try {
            bsend = m.attachBuffer(buffer.length);
            attached = buffer;
        } catch (RuntimeException e) {
            throw Failure.of(e);
        }
    }

    /** Detaches the buffered-send buffer once its messages have left, and returns it. */
    static synchronized byte[] detachBuffer() throws MPIException {
        mpi();
        if (bsend == null) {
            throw Failure.of(Failure.arg(MPI.ERR_BUFFER, "no buffer is attached"));
        }
        try {
            bsend.close();
        } catch (RuntimeException e) {
            throw Failure.of(e);
        }
        byte[] b = attached;
        bsend = null;
        attached = null;
        return b;
    }

    /** Reports {@code error} and ends the job, as MPI's fatal handlers do. */
    static void fatal(MPIException error, String where, Errhandler handler) {
        System.err.println("*** An error occurred in " + where + ": " + error.getMessage());
        System.err.println("*** error class " + error.getErrorClass() + ", handled by "
                + (handler == null ? "MPI_ERRORS_ARE_FATAL" : handler) + ": the job is aborted");
        System.err.flush();
        int code = Math.max(1, error.getErrorCode());
        Mpi m = mpi;
        try {
            if (m != null) {
                m.abort(code);
            }
        } catch (RuntimeException e) {
            // MPI_Abort refused (another thread below THREAD_SERIALIZED): the launcher ends the job
            // when this process dies without finalizing.
        }
        Runtime.getRuntime().halt(code);
    }
}
