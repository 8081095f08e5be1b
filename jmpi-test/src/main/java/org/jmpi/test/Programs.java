package org.jmpi.test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Whole programs run under each MPI's launcher from an ordinary JUnit test in the surefire JVM:
 * Java mains on the test class path and C programs ({@link CPrograms}), for tests that compare a
 * Java program with its C twin. A program past its time bound is killed with all its ranks.
 */
public final class Programs {
    private Programs() {}

    /** The command that runs {@code mainClass} on this JVM's class path with jmpi on {@code mpi}. */
    public static List<String> java(MpiLauncher mpi, Class<?> mainClass) {
        return java(mpi, mainClass, List.of());
    }

    /** As {@link #java(MpiLauncher, Class)}, with the program arguments {@code args}. */
    public static List<String> java(MpiLauncher mpi, Class<?> mainClass, List<String> args) {
        return java(mpi, List.of(), mainClass, args);
    }

    /** As {@link #java(MpiLauncher, Class, List)}, with the JVM options {@code jvmOptions}. */
    public static List<String> java(MpiLauncher mpi, List<String> jvmOptions, Class<?> mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", mpi.jvmOption()));
        // The class path first, then the options: Open MPI 4.1's mpirun rewrites the arguments of
        // a "java" program around -cp, and mangled a -D option holding a comma-separated list
        // that came before it.
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code command} on {@code np} ranks started by {@code mpi}'s launcher and returns its
     * standard output.
     *
     * @throws AssertionError if it does not exit with status 0 within {@code timeoutSeconds}; the
     *     message holds the command and both outputs
     */
    public static String mpirun(MpiLauncher mpi, int np, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        BoundedProcess.Result job = launch(mpi, np, command, timeoutSeconds);
        if (job.exitCode() != 0) {
            throw new AssertionError(job.describe());
        }
        return job.stdout();
    }

    /** As {@link #launch(MpiLauncher, int, List, Map, int)} with no variables set. */
    public static BoundedProcess.Result launch(MpiLauncher mpi, int np, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        return launch(mpi, np, command, Map.of(), timeoutSeconds);
    }

    /**
     * Runs {@code command} on {@code np} ranks of {@code mpi} with {@code env} set for the ranks
     * and returns how it ended, whatever its exit status: for jobs whose failure is the expected
     * outcome.
     *
     * @throws AssertionError if it does not end within {@code timeoutSeconds} (it is killed with its
     *     ranks); the message holds the command and both outputs
     */
    public static BoundedProcess.Result launch(MpiLauncher mpi, int np, List<String> command,
            Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(mpi.launch(np, env.keySet()));
        full.addAll(command);
        BoundedProcess.Result job =
                BoundedProcess.of(full).environment(env).run(Duration.ofSeconds(timeoutSeconds));
        if (job.timedOut()) {
            throw new AssertionError(job.describe());
        }
        return job;
    }

    /**
     * The (rank count, MPI) pairs a parameterized whole-program test runs: each of {@code nps} that
     * {@code jmpi.np} (and {@code jmpi.np.<mpi>}) allows, under each MPI of {@link
     * MpiLauncher#selected()}; for {@code @MethodSource}.
     */
    public static Stream<Arguments> runs(int... nps) {
        List<Arguments> runs = new ArrayList<>();
        for (MpiLauncher mpi : MpiLauncher.selected()) {
            for (int np : nps) {
                if (npAllowed(np) && mpi.npAllowed(np)) {
                    runs.add(Arguments.of(np, mpi));
                }
            }
        }
        return runs.stream();
    }

    /** Whether the system property {@code jmpi.np} allows {@code np} ranks (any when unset). */
    public static boolean npAllowed(int np) {
        String allowed = System.getProperty(MpiExtension.NP_FILTER, "").strip();
        return allowed.isEmpty()
                || Arrays.stream(allowed.split("\\s*,\\s*")).anyMatch(s -> s.equals(Integer.toString(np)));
    }
}
