package org.jmpi.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one benchmark job (np = 2, each rank bound to a core) on one {@link MpiLibrary}
 * and waits for it within a time bound: Java programs through
 * {@code native-scripts/jmpirun --mpi ID}, C twins (built by that MPI's {@code mpicc})
 * through the MPI's own launcher, {@code mpirun.openmpi} or {@code mpiexec.mpich}. A job
 * past its bound is terminated, then killed with its ranks.
 */
public final class Launcher {
    /** Ranks per job: every benchmark is a two-rank benchmark. */
    public static final int RANKS = 2;

    private final Path root;
    private final MpiLibrary mpi;
    private final List<String> launcherFlags;
    private final Duration timeout;
    private volatile Process current;

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
        return root.resolve("benchmarks/target").resolve(mpi.cBin).resolve(b.cProgram());
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
            cmd.add(mpi.launcher);
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
     * What a finished (or stopped) job left.
     *
     * @param command  the command line
     * @param exitCode the exit status (-1 when it timed out)
     * @param timedOut whether the job passed its time bound and was killed
     * @param stdout   its standard output
     * @param stderr   its standard error
     * @param seconds  its wall time
     */
    public record Outcome(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr,
                          double seconds) {
        /** Whether the job ended by itself with status 0. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }
    }

    /** Runs {@code command}, output to temporary files, and waits at most the time bound. */
    public Outcome run(List<String> command) throws IOException, InterruptedException {
        File out = File.createTempFile("jmpi-bench", ".out");
        File err = File.createTempFile("jmpi-bench", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            current = p;
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                current = null;
            }
            if (!finished) {
                stop(p);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Outcome(command, finished ? p.exitValue() : -1, !finished,
                    Files.readString(out.toPath()), Files.readString(err.toPath()), seconds);
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    /**
     * Stops the job running now, if any, as a job past its bound is stopped: for a
     * shutdown hook, so that a runner that is interrupted leaves no ranks behind.
     */
    public void stopCurrent() throws InterruptedException {
        Process p = current;
        if (p != null) {
            stop(p);
        }
    }

    /**
     * SIGTERM to the launcher (it forwards it to its ranks), then after a grace period SIGKILL
     * to it and to every process it had started: ranks outlive a killed launcher otherwise.
     */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
        p.waitFor(5, TimeUnit.SECONDS);
    }

    private static File nullFile() {
        return new File("/dev/null");
    }
}
