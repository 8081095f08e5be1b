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

    /**
     * Whether Open MPI was told to serve windows with osc/ucx, as native-scripts/netns-mpirun
     * does across the test hosts (mpirun hands its {@code --mca} settings to the ranks as
     * {@code OMPI_MCA_*}). Debian's default leaves osc/sm and osc/rdma.
     */
    static boolean oscUcx() {
        String osc = System.getenv("OMPI_MCA_osc");
        return osc != null && osc.startsWith("ucx");
    }
}
