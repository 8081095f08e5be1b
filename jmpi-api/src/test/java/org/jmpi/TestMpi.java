package org.jmpi;

import org.jmpi.test.Ranks;

/**
 * MPI for tests that run in harness ranks: initialised on first use with
 * {@link ThreadLevel#MULTIPLE} (so JUnit's threads may call it) and finalised when the
 * rank has run all its tests.
 */
final class TestMpi {
    private static Mpi mpi;
    private static Thread initThread;

    private TestMpi() {
    }

    static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.MULTIPLE);
            initThread = Thread.currentThread();
            Ranks.atEnd(mpi::close);
        }
        return mpi;
    }

    /** The thread that initialized MPI in this rank (MPI's main thread). */
    static synchronized Thread initThread() {
        mpi();
        return initThread;
    }

    static Comm world() {
        return mpi().world();
    }

    /** Whether this rank runs on MPICH (the harness starts each job under one MPI). */
    static boolean mpich() {
        return org.jmpi.bindings.abi.Abi.KIND == org.jmpi.bindings.abi.MpiKind.MPICH;
    }

    /**
     * MPICH 4.0.2 over ch4:ucx has no ports, so no connect/accept and no spawn: {@code
     * MPI_Open_port} fails with "not supported with ucx netmod" (docs/mpich.md). Asserts that
     * jmpi reports it as an {@link MpiException} carrying MPICH's message.
     */
    static void assertNoPortsOnMpich() {
        mpi();
        MpiException e = org.junit.jupiter.api.Assertions.assertThrows(MpiException.class, Port::open);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not supported with ucx netmod"),
                e.getMessage());
    }

    /**
     * MPICH 4.0.2 over ch4:ucx cannot spawn either: {@code MPI_Comm_spawn} fails with "Error in
     * spawn call" on every rank (docs/mpich.md). Asserts that jmpi reports it on every rank of
     * the world and that the world stays usable.
     */
    static void assertNoSpawnOnMpich() {
        Comm world = world();
        MpiException e = org.junit.jupiter.api.Assertions.assertThrows(MpiException.class,
                () -> world.spawn(SpawnCommand.of("/bin/true", 1), 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Error in spawn call"), e.getMessage());
        world.barrier();
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
