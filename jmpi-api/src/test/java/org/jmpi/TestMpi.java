package org.jmpi;

import org.jmpi.test.Ranks;

/**
 * MPI for tests that run in harness ranks: initialised on first use with
 * {@link ThreadLevel#MULTIPLE} (so JUnit's threads may call it) and finalised when the
 * rank has run all its tests.
 */
final class TestMpi {
    private static Mpi mpi;

    private TestMpi() {
    }

    static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.MULTIPLE);
            Ranks.atEnd(mpi::close);
        }
        return mpi;
    }

    static Comm world() {
        return mpi().world();
    }
}
