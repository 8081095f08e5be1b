package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.test.BoundedProcess;
import org.jmpi.test.CPrograms;

/**
 * Starts one benchmark job (np = 2, each rank bound to a core) on one {@link MpiLibrary}
 * and waits for it within a time bound ({@link BoundedProcess}): Java programs through
 * {@code native-scripts/jmpirun --mpi ID}, C twins (built by that MPI's {@code mpicc},
 * {@link CPrograms}) through the MPI's own launcher, {@code mpirun.openmpi} or
 * {@code mpiexec.mpich}. A job past its bound is terminated, then killed with its ranks.
 */
public final class Launcher {
    /** Ranks per job: every benchmark is a two-rank benchmark. */
    public static final int RANKS = 2;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Path root;
    private final MpiLibrary mpi;
    private final List<String> launcherFlags;
    private final Duration timeout;

    /**
     * @param root          the project's root (holds native-scripts/ and benchmarks/)
     * @param mpi           the MPI every job runs on
     * @param launcherFlags extra flags of the C twins' launcher, e.g. {@code --allow-run-as-root}
     *                      for Open MPI as root (jmpirun adds that one itself for Java)
     * @param timeout       the bound on one job's wall time
     */
    public Launcher(Path root, MpiLibrary mpi, List<String> launcherFlags, Duration timeout) {
        this.root = root;
        this.mpi = mpi;
        this.launcherFlags = List.copyOf(launcherFlags);
        this.timeout = timeout;
    }

    /** The MPI the jobs run on. */
    public MpiLibrary mpi() {
        return mpi;
    }

    /** The C twin's executable, built by the MPI's {@code mpicc}. */
    public Path cProgram(Benchmark b) {
        return CPrograms.located(root, mpi.launcher, "benchmarks", b.cProgram());
    }

    /** Whether the program of {@code v} is built: the C executable exists, the Java class loads. */
    public boolean available(Benchmark b, Variant v) {
        if (v.isC()) {
            return Files.isExecutable(cProgram(b));
        }
        try {
            Class.forName(b.javaClass(), false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The command line of one job of {@code b} in variant {@code v} with the program options. */
    public List<String> command(Benchmark b, Variant v, List<String> programOptions) {
        List<String> cmd = new ArrayList<>();
        if (v.isC()) {
            cmd.add(mpi.launcher.executable());
            cmd.addAll(launcherFlags);
        } else {
            cmd.addAll(List.of(root.resolve("native-scripts/jmpirun").toString(), "--mpi", mpi.id));
        }
        cmd.addAll(mpi.launchOptions(RANKS));
        if (v.isC()) {
            cmd.add(cProgram(b).toString());
            cmd.addAll(programOptions);
        } else {
            cmd.add(b.javaClass());
            cmd.addAll(programOptions);
            cmd.addAll(List.of("-b", v.buffer()));
        }
        return cmd;
    }

    /**
     * Runs {@code command} in the project's root and waits at most the time bound; a job past
     * it gets SIGTERM (the launcher forwards it to its ranks), then SIGKILL with every process
     * it had started. So does a job still running when the runner exits.
     */
    public BoundedProcess.Result run(List<String> command) throws IOException, InterruptedException {
        return BoundedProcess.of(command).directory(root).graceOnTimeout(STOP_GRACE).run(timeout);
    }
}
