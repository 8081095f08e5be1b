package org.jmpi.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The C programs of the modules, {@code <module>/src/main/c/<name>.c}, each built by {@code
 * native-scripts/build-c} with every installed MPI's {@code mpicc}: the C twins that tests and
 * benchmarks run beside their Java programs.
 */
public final class CPrograms {
    private static final Duration BUILD_BOUND = Duration.ofSeconds(300);
    private static boolean built;

    private CPrograms() {}

    /**
     * Where {@code native-scripts/build-c} puts the program {@code name} of {@code module} under
     * the project {@code root} when {@code mpi}'s {@code mpicc} builds it: {@code
     * <module>/target/c-bin/<name>} for Open MPI, {@code c-bin-mpich} for MPICH. Builds nothing.
     */
    public static Path located(Path root, MpiLauncher mpi, String module, String name) {
        return root.resolve(module).resolve("target").resolve(mpi.cBinDirectory()).resolve(name);
    }

    /** As {@link #located(Path, MpiLauncher, String, String)} in this project: for rank JVMs. */
    public static Path located(MpiLauncher mpi, String module, String name) {
        return located(ProjectRoot.path(), mpi, module, name);
    }

    /**
     * The program {@code name} of {@code module} built by {@code mpi}'s {@code mpicc}, after
     * running {@code native-scripts/build-c} (once per JVM; not from rank JVMs, which would run it
     * all at once: they use {@link #located(MpiLauncher, String, String)}).
     *
     * @throws AssertionError if the build fails (with its output) or did not produce the program
     */
    public static synchronized Path path(MpiLauncher mpi, String module, String name)
            throws IOException, InterruptedException {
        if (!built) {
            BoundedProcess.Result build =
                    BoundedProcess.of(List.of("bash", ProjectRoot.script("build-c").toString())).run(BUILD_BOUND);
            if (!build.ok()) {
                throw new AssertionError("native-scripts/build-c failed:\n" + build.describe());
            }
            built = true;
        }
        Path program = located(mpi, module, name);
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " was not built");
        }
        return program;
    }

    /** The command line that runs {@link #path(MpiLauncher, String, String) the program} with {@code args}. */
    public static List<String> command(MpiLauncher mpi, String module, String name, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(path(mpi, module, name).toString()));
        command.addAll(args);
        return command;
    }
}
