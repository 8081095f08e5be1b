package org.jmpi.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Whole programs run under {@code mpirun} from an ordinary JUnit test in the surefire JVM:
 * C programs ({@code <module>/src/main/c/<name>.c}, built by {@code native-scripts/build-c})
 * and Java mains on the test class path, for tests that compare a Java program with its C
 * twin. A program that times out is killed with all its ranks.
 */
public final class Programs {
    private static boolean built;

    private Programs() {}

    /** The C program {@code name} of {@code module} built against Open MPI. */
    public static Path cProgram(String module, String name) throws IOException, InterruptedException {
        return cProgram(MpiLauncher.OPENMPI, module, name);
    }

    /**
     * The C program {@code name} of {@code module} built by {@code mpi}'s {@code mpicc}: {@code
     * <module>/target/c-bin/<name>} for Open MPI, {@code c-bin-mpich} for MPICH, after running
     * {@code native-scripts/build-c} (once per JVM).
     *
     * @throws AssertionError if the build fails (with its output) or did not produce the program
     */
    public static synchronized Path cProgram(MpiLauncher mpi, String module, String name)
            throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("native-scripts/build-c"))) {
            root = root.getParent();
            if (root == null) {
                throw new AssertionError("no native-scripts/build-c above " + Path.of("").toAbsolutePath());
            }
        }
        if (!built) {
            Run build = Run.of(List.of("bash", root.resolve("native-scripts/build-c").toString()), 300);
            if (build.exitCode != 0) {
                throw new AssertionError("native-scripts/build-c failed:\n" + build.stdout + build.stderr);
            }
            built = true;
        }
        String dir = mpi == MpiLauncher.OPENMPI ? "target/c-bin" : "target/c-bin-" + mpi.id;
        Path program = root.resolve(module).resolve(dir).resolve(name);
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " was not built");
        }
        return program;
    }

    /** The command that runs {@code mainClass} on Open MPI, as the harness runs ranks. */
    public static List<String> java(Class<?> mainClass) {
        return java(MpiLauncher.OPENMPI, mainClass);
    }

    /** The command that runs {@code mainClass} on this JVM's class path with jmpi on {@code mpi}. */
    public static List<String> java(MpiLauncher mpi, Class<?> mainClass) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", mpi.jvmOption(), "-cp",
                System.getProperty("java.class.path"), mainClass.getName());
    }

    /** Runs {@code command} on {@code np} ranks of Open MPI; see {@link #mpirun(MpiLauncher, int, List, int)}. */
    public static String mpirun(int np, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        return mpirun(MpiLauncher.OPENMPI, np, command, timeoutSeconds);
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
        List<String> full = new ArrayList<>(mpi.launch(np));
        full.addAll(command);
        Run run = Run.of(full, timeoutSeconds);
        if (run.exitCode != 0) {
            throw new AssertionError((run.exitCode < 0 ? "killed after " + timeoutSeconds + " s: " : "exit status "
                    + run.exitCode + " of ") + String.join(" ", full) + "\nstdout:\n" + run.stdout + "\nstderr:\n"
                    + run.stderr);
        }
        return run.stdout;
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

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** A finished process: exit code ({@code -1} when killed at the timeout) and its outputs. */
    private record Run(int exitCode, String stdout, String stderr) {
        static Run of(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
            Path out = Files.createTempFile("jmpi-program-", ".out");
            Path err = Files.createTempFile("jmpi-program-", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                int code = -1;
                if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    code = p.exitValue();
                } else {
                    JobRunner.killTree(p.toHandle());
                }
                return new Run(code, text(out), text(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
