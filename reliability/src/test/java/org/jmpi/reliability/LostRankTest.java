package org.jmpi.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rank killed with SIGKILL in the middle of point-to-point, a collective or a DSM
 * atomic ends the whole job within a bound, with a non-zero status, mpirun's message
 * naming the lost rank, and a line from every surviving rank naming it too; no rank
 * process is left behind.
 */
class LostRankTest {
    private static final Duration BOUND = Duration.ofSeconds(120);

    @ParameterizedTest
    @ValueSource(strings = {"p2p", "collective", "dsm"})
    void killedRankEndsTheJob(String kind) throws Exception {
        int np = Job.ranks(2);
        int victim = 1;
        Job.Result r = Job.run(np, BOUND, List.of(), Map.of(), "org.jmpi.reliability.LostRank",
                kind, Integer.toString(victim), "300");
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.all());
        assertNotEquals(0, r.exit(), r::all);
        assertEquals(np, r.pids().size(), () -> "every rank started\n" + r.all());
        String all = r.stdout() + r.stderr();
        assertTrue(all.contains("process rank " + victim) && all.contains("signal 9"),
                () -> "mpirun names the killed rank\n" + r.all());
        long victimPid = r.pids().get(victim);
        for (int rank = 0; rank < np; rank++) {
            if (rank != victim) {
                String line = "jmpi: rank " + rank + " of " + np + " (pid " + r.pids().get(rank) + ")";
                int at = all.indexOf(line);
                assertTrue(at >= 0, "surviving rank " + rank + " reports\n" + r.all());
                String report = all.substring(at, all.indexOf('\n', at));
                assertTrue(report.contains("lost rank " + victim + " (pid " + victimPid + ")"),
                        "rank " + rank + " names the lost rank: " + report);
            }
        }
        assertEquals(List.of(), Job.survivors(r.pids().values()), () -> "no rank process left\n" + r.all());
    }
}
