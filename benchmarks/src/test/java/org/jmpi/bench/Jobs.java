package org.jmpi.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the benchmark programs' tests share beyond {@link Programs}: the MPIs a two-rank
 * job runs under, and jobs whose failure is the expected outcome (or that need an
 * environment variable), whose exit status and both outputs the test inspects. Jobs that
 * must succeed go through {@link Programs#mpirun(MpiLauncher, int, List, int)}.
 */
final class Jobs {
    private Jobs() {
    }

    /** The MPIs of {@link MpiLauncher#selected()} on which {@code jmpi.np} allows two-rank jobs. */
    static Stream<MpiLauncher> mpis() {
        return Programs.runs(2).map(a -> (MpiLauncher) a.get()[1]);
    }

    /** {@code cases} under every MPI of {@link #mpis()}, the MPI last. */
    static Stream<Arguments> underEachMpi(List<Arguments> cases) {
        return mpis().flatMap(mpi -> cases.stream().map(c -> {
            List<Object> args = new ArrayList<>(List.of(c.get()));
            args.add(mpi);
            return Arguments.of(args.toArray());
        }));
    }

    /** A finished job: its command, exit status, standard output and error. */
    record Job(String command, int status, String out, String err) {
        String describe() {
            return command + "\nexit status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Runs {@code command} on {@code np} ranks of {@code mpi}, whatever its exit status. */
    static Job run(MpiLauncher mpi, int np, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(mpi, np, command, Map.of(), timeoutSeconds);
    }

    /**
     * As {@link #run(MpiLauncher, int, List, int)}, with {@code env} set for the ranks: Hydra
     * passes the launcher's whole environment on, Open MPI's {@code mpirun} those named by {@code -x}.
     * A job past the timeout is killed with its ranks, and the test fails.
     */
    static Job run(MpiLauncher mpi, int np, List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(mpi.launch(np));
        if (mpi == MpiLauncher.OPENMPI) {
            env.keySet().forEach(name -> full.addAll(1, List.of("-x", name)));
        }
        full.addAll(command);
        String shown = String.join(" ", full);
        Path out = Files.createTempFile("jmpi-bench-job-", ".out");
        Path err = Files.createTempFile("jmpi-bench-job-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("killed after " + timeoutSeconds + " s: " + shown + "\nstdout:\n" + Files.readString(out)
                        + "\nstderr:\n" + Files.readString(err));
            }
            return new Job(shown, process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
