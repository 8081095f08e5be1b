package org.jmpi.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jmpi.test.BoundedProcess;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.ProjectRoot;

/**
 * Runs a whole job the way a user does, {@code native-scripts/jmpirun --oversubscribe
 * -np N MainClass args} (or any launcher's command line, e.g. srun's), with this
 * module's classes on the ranks' class path, and kills it (and every process under it)
 * if it outlives its bound.
 */
final class Job {
    private static final Pattern READY = Pattern.compile("ready rank (\\d+) pid (\\d+)");

    private Job() {
    }

    /** The process id each rank of job {@code r} printed in its {@code ready rank R pid P} line. */
    static Map<Integer, Long> pids(BoundedProcess.Result r) {
        Map<Integer, Long> pids = new TreeMap<>();
        Matcher m = READY.matcher(r.stdout());
        while (m.find()) {
            pids.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        }
        return pids;
    }

    /** Runs {@code main} with {@code args} on {@code np} ranks of Open MPI, killed after {@code bound}. */
    static BoundedProcess.Result run(int np, Duration bound, List<String> jvmOptions, Map<String, String> env,
            String main, String... args) throws IOException, InterruptedException {
        return run(MpiLauncher.OPENMPI, np, bound, jvmOptions, env, main, args);
    }

    /**
     * Runs {@code main} with {@code args} on {@code np} ranks of {@code mpi} ({@code jmpirun
     * --mpi}), killed after {@code bound}.
     */
    static BoundedProcess.Result run(MpiLauncher mpi, int np, Duration bound, List<String> jvmOptions,
            Map<String, String> env, String main, String... args) throws IOException, InterruptedException {
        List<String> command = jmpirun(mpi, jvmOptions);
        if (mpi == MpiLauncher.OPENMPI) {
            command.addAll(List.of("--oversubscribe", "--bind-to", "none"));
        }
        command.addAll(List.of("-np", Integer.toString(np), main));
        command.addAll(Arrays.asList(args));
        return exec(command, bound, env);
    }

    /**
     * The command that starts one rank, up to and including {@code org.jmpi.RankMain},
     * for launchers other than mpirun ({@code jmpirun --print-rank-command}): the JDK 25
     * java, native access, the choice of {@code mpi}, {@code jvmOptions} and the class path
     * with this module's classes.
     */
    static List<String> rankCommand(MpiLauncher mpi, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = jmpirun(mpi, jvmOptions);
        command.add("--print-rank-command");
        BoundedProcess.Result r = exec(command, Duration.ofSeconds(60), Map.of());
        if (!r.ok()) {
            throw new IllegalStateException("jmpirun --print-rank-command failed\n" + r.describe());
        }
        return r.stdout().lines().toList();
    }

    private static List<String> jmpirun(MpiLauncher mpi, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of("bash", ProjectRoot.script("jmpirun").toString(),
                "--mpi", mpi.id));
        for (String o : jvmOptions) {
            command.add("-J" + o);
        }
        return command;
    }

    /**
     * Runs {@code command} with this module's classes in {@code JMPI_CLASSPATH} and
     * {@code env} added to the environment. After {@code bound} it is asked to stop
     * (SIGTERM, on which a launcher ends its ranks, even those that are not its children,
     * as srun's are not), then killed with everything under it.
     */
    static BoundedProcess.Result exec(List<String> command, Duration bound, Map<String, String> env)
            throws IOException, InterruptedException {
        return BoundedProcess.of(command)
                .environment(Map.of("JMPI_CLASSPATH", Path.of("target", "classes").toAbsolutePath().toString()))
                .environment(env).graceOnTimeout(Duration.ofSeconds(15)).run(bound);
    }

    /** Waits up to 10 s for every process in {@code pids} to be gone; returns those still alive. */
    static List<Long> survivors(Iterable<Long> pids) throws InterruptedException {
        List<Long> alive = new ArrayList<>();
        for (int tries = 0; tries < 100; tries++) {
            alive.clear();
            for (long pid : pids) {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    alive.add(pid);
                }
            }
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return alive;
    }

    /** The largest rank count allowed by {@code -Djmpi.np} that is at least {@code min}, up to 4. */
    static int ranks(int min) {
        String allowed = System.getProperty("jmpi.np", "").strip();
        if (allowed.isEmpty()) {
            return 4;
        }
        return Arrays.stream(allowed.split(",")).map(String::strip).mapToInt(Integer::parseInt)
                .filter(n -> n >= min && n <= 4).max().orElse(min);
    }
}
