package org.jmpi.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jmpi.test.BoundedProcess;
import org.jmpi.test.MpiLauncher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rank killed with SIGKILL in the middle of point-to-point, a collective or a DSM
 * atomic ends the whole job within a bound, under each MPI, with a non-zero status, the
 * launcher's message naming the lost rank, and (under Open MPI, whose mpirun lets them) a
 * line from every surviving rank naming it too; no rank
 * process is left behind.
 */
class LostRankTest {
    private static final Duration BOUND = Duration.ofSeconds(120);

    static Stream<Arguments> cases() {
        return MpiLauncher.selected().stream()
                .flatMap(mpi -> Stream.of("p2p", "collective", "dsm").map(kind -> Arguments.of(kind, mpi)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void killedRankEndsTheJob(String kind, MpiLauncher mpi) throws Exception {
        int np = Job.ranks(2);
        int victim = 1;
        BoundedProcess.Result r = Job.run(mpi, np, BOUND, List.of(), Map.of(), "org.jmpi.reliability.LostRank",
                kind, Integer.toString(victim), "300");
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.describe());
        assertNotEquals(0, r.exitCode(), r::describe);
        assertEquals(np, Job.pids(r).size(), () -> "every rank started\n" + r.describe());
        String all = r.stdout() + r.stderr();
        long victimPid = Job.pids(r).get(victim);
        // mpirun names the rank; Hydra reports a bad termination and the pid of the first
        // process it saw end, which at 4 ranks may be one it killed itself.
        String named = mpi == MpiLauncher.OPENMPI ? "process rank " + victim : "BAD TERMINATION";
        assertTrue(all.contains(named) && all.contains("signal 9"),
                () -> "the launcher names the killed rank\n" + r.describe());
        // Hydra kills the other ranks at once (SIGKILL), before they can say anything.
        for (int rank = 0; rank < np && mpi == MpiLauncher.OPENMPI; rank++) {
            if (rank != victim) {
                String line = "jmpi: rank " + rank + " of " + np + " (pid " + Job.pids(r).get(rank) + ")";
                int at = all.indexOf(line);
                assertTrue(at >= 0, "surviving rank " + rank + " reports\n" + r.describe());
                String report = all.substring(at, all.indexOf('\n', at));
                assertTrue(report.contains("lost rank " + victim + " (pid " + victimPid + ")"),
                        "rank " + rank + " names the lost rank: " + report);
            }
        }
        assertEquals(List.of(), Job.survivors(Job.pids(r).values()), () -> "no rank process left\n" + r.describe());
    }
}
