package org.jmpi.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.jmpi.test.BoundedProcess;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.ProjectRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whole jobs launched by a real {@code srun} on the local one-node Slurm
 * ({@code native-scripts/slurm}, started here if no Slurm answers and stopped afterwards
 * only if started here): Hello, collectives, and a lost rank that ends the job with a
 * non-zero status and messages naming the rank. Each rank runs the command
 * {@code jmpirun --print-rank-command} prints, as {@code jmpirun} itself would; each job
 * is bounded on both sides, by {@code srun --time} and by {@link Job#exec}. Skipped where
 * srun is not installed ({@code native-scripts/setup} installs slurm-wlm and munge).
 */
class SrunTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final int NP = 2;
    private static final Map<String, String> SLURM_ENV = new HashMap<>();
    private static boolean startedSlurm;

    /** The MPIs the ranks run on: those the harness runs under ({@code jmpi.mpis}). */
    static Stream<String> mpis() {
        return MpiLauncher.selected().stream().map(m -> m.id);
    }

    /** srun's {@code --mpi} plugin for {@code mpi}: how the ranks find each other. */
    private static String srunMpi(String mpi) {
        return switch (mpi) {
            case "openmpi" -> "pmix";
            // MPICH 4.0.2 (Debian, ch4:ucx) runs under srun --mpi=pmi2; under pmix or
            // none every MPICH rank is a singleton, "rank 0 of 1" (docs/slurm.md).
            case "mpich" -> "pmi2";
            default -> throw new IllegalArgumentException("no srun --mpi plugin known for " + mpi);
        };
    }

    @BeforeAll
    static void startSlurm() throws Exception {
        assumeTrue(onPath("srun"), "srun is not installed; native-scripts/setup installs slurm-wlm and munge");
        if (slurm("status").exitCode() != 0) {
            BoundedProcess.Result start = slurm("start");
            assertEquals(0, start.exitCode(), () -> "native-scripts/slurm start\n" + start.describe());
            startedSlurm = true;
        }
        for (String line : slurm("env").stdout().lines().toList()) {
            String[] kv = line.replaceFirst("^export ", "").split("=", 2);
            SLURM_ENV.put(kv[0], kv[1]);
        }
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (startedSlurm) {
            BoundedProcess.Result stop = slurm("stop");
            assertEquals(0, stop.exitCode(), () -> "native-scripts/slurm stop\n" + stop.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void hello(String mpi) throws Exception {
        everyRankSays(srun(mpi, "org.jmpi.examples.Hello"), rank -> "Hello from rank " + rank + " of " + NP + " on ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void collectives(String mpi) throws Exception {
        everyRankSays(srun(mpi, "org.jmpi.reliability.SrunSmoke"),
                rank -> "smoke rank " + rank + " of " + NP + " sum 2001 ranks [0, 1] ok");
    }

    /** Asserts that the job ended in time with status 0, and that every rank printed its line. */
    private static void everyRankSays(BoundedProcess.Result r, IntFunction<String> line) {
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.describe());
        assertEquals(0, r.exitCode(), r::describe);
        for (int rank = 0; rank < NP; rank++) {
            String expected = line.apply(rank);
            assertTrue(r.stdout().contains(expected), () -> "expected \"" + expected + "\"\n" + r.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void lostRankEndsTheJob(String mpi) throws Exception {
        int victim = 1;
        BoundedProcess.Result r =
                srun(mpi, "org.jmpi.reliability.LostRank", "collective", Integer.toString(victim), "300");
        assertFalse(r.timedOut(), () -> "the job outlived " + BOUND + "\n" + r.describe());
        assertNotEquals(0, r.exitCode(), r::describe);
        assertEquals(NP, Job.pids(r).size(), () -> "every rank started\n" + r.describe());
        String all = r.stdout() + r.stderr();
        assertTrue(all.contains("task " + victim + ": Killed"), () -> "srun names the killed task\n" + r.describe());
        long victimPid = Job.pids(r).get(victim);
        String line = "jmpi: rank 0 of " + NP + " (pid " + Job.pids(r).get(0) + ")";
        int at = all.indexOf(line);
        assertTrue(at >= 0, () -> "the surviving rank reports\n" + r.describe());
        String report = all.substring(at, all.indexOf('\n', at));
        assertTrue(report.contains("lost rank " + victim + " (pid " + victimPid + ")"),
                "rank 0 names the lost rank: " + report);
        assertEquals(List.of(), Job.survivors(Job.pids(r).values()), () -> "no rank process left\n" + r.describe());
    }

    /**
     * Runs {@code main} on {@link #NP} ranks under srun: oversubscribed (the test host has
     * 2 CPUs), the whole step ended when a task fails, and at most 2 minutes on Slurm's side.
     */
    private static BoundedProcess.Result srun(String mpi, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("srun", "--mpi=" + srunMpi(mpi), "-n", Integer.toString(NP),
                "--overcommit", "--kill-on-bad-exit=1", "--time=2", "--job-name=jmpi-srun-test"));
        command.addAll(Job.rankCommand(MpiLauncher.of(mpi), List.of()));
        command.add(main);
        command.addAll(Arrays.asList(args));
        return Job.exec(command, BOUND, SLURM_ENV);
    }

    private static BoundedProcess.Result slurm(String action) throws Exception {
        return Job.exec(List.of("bash", ProjectRoot.script("slurm").toString(), action),
                Duration.ofSeconds(120), Map.of());
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
