package org.jmpi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs {@link MpiTest} methods under {@code mpirun} from the surefire JVM and caches their
 * outcomes. The first method asked for at a (class, rank count) launches one job running all the
 * class's methods eligible at that count; later methods read the cache. A method that a dead job
 * never reached gets a fresh job for the methods still without an outcome.
 */
final class JobRunner {

    /** Time allowed on top of the methods' timeouts for starting and stopping the rank JVMs. */
    static final int STARTUP_SLACK_SECONDS = 30;

    private final Set<Integer> npFilter;
    private final Map<Key, ClassJobs> jobs = new ConcurrentHashMap<>();

    /**
     * @param npFilter rank counts allowed by {@code jmpi.np}, or {@code null} for all
     */
    JobRunner(Set<Integer> npFilter) {
        this.npFilter = npFilter;
    }

    /**
     * The outcome of {@code method} of {@code testClass} at {@code np} ranks, running jobs as needed.
     */
    Outcome outcome(Class<?> testClass, int np, MpiLauncher mpi, String method) {
        return jobs.computeIfAbsent(new Key(testClass, np, mpi), ClassJobs::new).outcome(method);
    }

    /** Whether {@code np} ranks run under {@code mpi}: {@code jmpi.np}, then {@code jmpi.np.<mpi>}. */
    boolean allowed(MpiLauncher mpi, int np) {
        return (npFilter == null || npFilter.contains(np)) && mpi.npAllowed(np);
    }

    private record Key(Class<?> testClass, int np, MpiLauncher mpi) {}

    /** The methods of one class at one rank count and what their jobs produced. */
    private final class ClassJobs {
        private final Key key;
        private final Map<String, Integer> timeouts = new LinkedHashMap<>();
        private final Map<String, Integer> retries = new HashMap<>();
        private final Map<String, Outcome> outcomes = new HashMap<>();
        private int launched;
        private int retried;

        ClassJobs(Key key) {
            this.key = key;
            if (allowed(key.mpi, key.np)) {
                for (Method method : MpiMethods.byName(key.testClass).values()) {
                    MpiTest spec = MpiMethods.spec(method);
                    if (Arrays.stream(spec.np()).anyMatch(n -> n == key.np)) {
                        timeouts.put(method.getName(), spec.timeoutSeconds());
                        retries.put(method.getName(), spec.retriesOnTimeout());
                    }
                }
            }
        }

        synchronized Outcome outcome(String method) {
            if (!timeouts.containsKey(method)) {
                throw new IllegalStateException(method + " is not an @MpiTest eligible at np=" + key.np);
            }
            while (!outcomes.containsKey(method)) {
                Map<String, Integer> remaining = new LinkedHashMap<>(timeouts);
                remaining.keySet().removeAll(outcomes.keySet());
                if (launched == timeouts.size() + retried) {
                    outcomes.put(
                            method,
                            new Outcome.Failed(
                                    method
                                            + " was never reached: gave up after "
                                            + launched
                                            + " jobs at np="
                                            + key.np
                                            + " "
                                            + key.mpi.id));
                    break;
                }
                launched++;
                JobResult result = run(key.testClass, key.np, key.mpi, remaining);
                if (result.outcomes().isEmpty()) {
                    remaining.keySet().forEach(m -> outcomes.put(m, result.notReached(m)));
                } else {
                    outcomes.putAll(result.outcomes());
                    retryTimeouts(result.outcomes());
                }
            }
            return outcomes.get(method);
        }

        /** Forgets the timeouts of methods that may be retried, so that a new job runs them. */
        private void retryTimeouts(Map<String, Outcome> latest) {
            latest.forEach((name, outcome) -> {
                if (outcome instanceof Outcome.Failed failed && failed.timedOut() && retries.get(name) > 0) {
                    retries.merge(name, -1, Integer::sum);
                    retried++;
                    outcomes.remove(name);
                    System.err.println("[jmpi harness] " + key.testClass.getName() + "." + name + " at np="
                            + key.np + " " + key.mpi.id + " timed out; running it again (retriesOnTimeout):\n"
                            + failed.message());
                }
            });
        }
    }

    /** Runs one job of {@code np} ranks over the given methods and reads what it produced. */
    static JobResult run(Class<?> testClass, int np, MpiLauncher mpi, Map<String, Integer> timeouts) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jmpi-job-");
            List<String> command = command(testClass, np, mpi, dir, timeouts.keySet());
            long bound = STARTUP_SLACK_SECONDS + timeouts.values().stream().mapToLong(t -> t).sum();
            BoundedProcess.Result job;
            try {
                job = BoundedProcess.of(command).outputIn(dir.resolve("output.log")).run(Duration.ofSeconds(bound));
            } catch (IOException e) {
                return new JobResult(Map.of(), "could not run " + command.getFirst() + ": " + e.getMessage(), "");
            }
            return JobResult.collect(dir, np, timeouts, job.exitCode(), job.timedOut() ? bound : 0,
                    lastLines(job.stdout(), JobResult.TAIL_LINES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run an mpirun job for " + testClass.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an mpirun job", e);
        } finally {
            if (dir != null && !Boolean.getBoolean("jmpi.harness.keepJobDirs")) {
                deleteTree(dir);
            }
        }
    }

    /** The launcher command line that runs the given methods on {@code np} ranks of {@code mpi}. */
    static List<String> command(
            Class<?> testClass, int np, MpiLauncher mpi, Path dir, Iterable<String> methods) {
        List<String> options = new ArrayList<>(List.of("-ea"));
        String jvmArgs = System.getProperty("jmpi.rank.jvmArgs", "").strip();
        if (!jvmArgs.isEmpty()) {
            options.addAll(List.of(jvmArgs.split("\\s+")));
        }
        options.add("-D" + Ranks.RANK_MODE_PROPERTY + "=true");
        options.add("-Djmpi.harness.np=" + np);
        options.add("-Djmpi.harness.dir=" + dir);
        options.add("-Djmpi.harness.methods=" + String.join(",", methods));
        List<String> command = new ArrayList<>(mpi.launch(np));
        command.addAll(Programs.java(mpi, options, HarnessRankMain.class, List.of(testClass.getName())));
        return command;
    }

    /** The last {@code lines} lines of {@code text}. */
    static String lastLines(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // leave it for the OS to clean up
        }
    }
}
