package mpi;

import org.jmpi.test.Ranks;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * MPI for the tests of the {@code mpi} package in harness ranks: started once per rank JVM
 * with {@code MPI.InitThread} at {@link MPI#THREAD_MULTIPLE} (JUnit may run tests on more
 * than one thread), finalised with {@code MPI.Finalize} when the rank has run its tests.
 */
final class TestEnv {
    private static boolean started;

    private TestEnv() {
    }

    /** Initialises MPI on first use and returns {@code MPI.COMM_WORLD}. */
    static synchronized Intracomm world() throws MPIException {
        if (!started) {
            started = true;
            MPI.InitThread(new String[0], MPI.THREAD_MULTIPLE);
            Ranks.atEnd(() -> {
                try {
                    MPI.Finalize();
                } catch (MPIException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return MPI.COMM_WORLD;
    }

    /**
     * A duplicate of the world whose errors are thrown ({@link MPI#ERRORS_RETURN}), for
     * tests of failures; the world itself keeps {@link MPI#ERRORS_ARE_FATAL}.
     */
    static Intracomm returning() throws MPIException {
        Intracomm c = world().dup();
        c.setErrhandler(MPI.ERRORS_RETURN);
        return c;
    }

    /** Asserts that {@code call} throws an {@link MPIException} of error class {@code errorClass}. */
    static MPIException failsWith(int errorClass, Executable call) {
        MPIException e = assertThrows(MPIException.class, call);
        assertEquals(errorClass, e.getErrorClass(), () -> "error class of: " + e.getMessage());
        return e;
    }

    /** Whether the job runs on MPICH. */
    static boolean mpich() {
        return MPI.getLibVersion().contains("MPICH");
    }
}
