package org.jmpi.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jmpi.test.BoundedProcess;
import org.jmpi.test.MpiLauncher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ranks that load one MPI under the other MPI's launcher would each run alone as "rank 0
 * of 1". jmpi refuses them at {@code Mpi.init} with a message naming the launcher and the
 * library, and the job fails; a rank whose launcher claims more processes than its MPI
 * sees is refused the same way.
 */
class ForeignLauncherTest {
    private static final Duration BOUND = Duration.ofSeconds(120);

    private static BoundedProcess.Result hello(MpiLauncher launcher, MpiLauncher loaded, Map<String, String> env)
            throws Exception {
        assumeTrue(launcher.installed() && loaded.installed(), "needs both MPIs (native-scripts/setup)");
        List<String> command = new ArrayList<>(launcher.launch(2));
        command.addAll(Job.rankCommand(loaded, List.of()));
        command.add("org.jmpi.examples.Hello");
        BoundedProcess.Result r = Job.exec(command, BOUND, env);
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.describe());
        assertNotEquals(0, r.exitCode(), () -> "the job must fail\n" + r.describe());
        assertFalse(r.stdout().contains("Hello from rank 0 of 1"), () -> "no singleton ran\n" + r.describe());
        return r;
    }

    @Test
    void openMpiUnderHydraIsRefused() throws Exception {
        BoundedProcess.Result r = hello(MpiLauncher.MPICH, MpiLauncher.OPENMPI, Map.of());
        assertTrue(r.stderr().contains("started by MPICH's mpiexec (Hydra)")
                && r.stderr().contains("serves MPICH, but jmpi loaded Open MPI"), r::describe);
    }

    @Test
    void mpichUnderMpirunIsRefused() throws Exception {
        BoundedProcess.Result r = hello(MpiLauncher.OPENMPI, MpiLauncher.MPICH, Map.of());
        assertTrue(r.stderr().contains("started by Open MPI's mpirun")
                && r.stderr().contains("serves Open MPI, but jmpi loaded MPICH"), r::describe);
    }

    /**
     * A rank whose environment says it is one of 2 ({@code PMI_SIZE=2}) but that reaches no
     * process manager (no {@code PMI_FD}, as under a launcher that does not serve this MPI):
     * MPICH comes up as a singleton, and the world of 1 is refused after {@code MPI_Init}.
     */
    @Test
    void worldOfOneUnderALauncherOfTwoIsRefused() throws Exception {
        assumeTrue(MpiLauncher.MPICH.installed(), "needs MPICH");
        List<String> command = new ArrayList<>(List.of("env", "PMI_SIZE=2"));
        command.addAll(Job.rankCommand(MpiLauncher.MPICH, List.of()));
        command.add("org.jmpi.examples.Hello");
        BoundedProcess.Result r = Job.exec(command, BOUND, Map.of());
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.describe());
        assertNotEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("the launcher started 2 processes")
                && r.stderr().contains("reports a world of 1"), r::describe);
        assertEquals(-1, r.stdout().indexOf("Hello from"), r::describe);
    }
}
