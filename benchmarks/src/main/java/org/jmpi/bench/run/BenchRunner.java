package org.jmpi.bench.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jmpi.test.BoundedProcess;

/**
 * Runs every OSU-style benchmark in Java and in C side by side (np = 2, bound to cores) on
 * one MPI ({@code --mpi openmpi}, the default, or {@code mpich}), alternating the
 * implementations from one repetition to the next (the Java programs on jmpi-api, those on
 * jmpi's {@code mpi} package for latency, bw and allreduce, and with {@code --jni-jar} the
 * latter on Open MPI's own JNI bindings), and writes
 * results.csv, an OSU-layout table on standard output, one PNG per benchmark and
 * summary.md. A benchmark whose target is still undecided after its repetitions (noisy for
 * modes or a second-best repetition, see {@link Assessment}) gets more rounds of the variants concerned,
 * up to {@code --max-reps}. Started by {@code native-scripts/bench}, which builds first; see
 * {@link RunnerOptions} for the options. A job that fails or passes its time bound is
 * killed, logged and not repeated; the runner then exits with 1 after writing the
 * results of the others. It exits with 1 too when no program was built at all.
 *
 * <p>System properties: {@code jmpi.root} (the project, default the working directory)
 * and {@code jmpi.bench.mpirunFlags} (extra flags of the C twins' launcher, e.g.
 * {@code --allow-run-as-root} for Open MPI as root; {@code native-scripts/bench} sets it
 * for Open MPI only).
 */
public final class BenchRunner {
    private final RunnerOptions options;
    private final Launcher launcher;
    private final Results results;
    private final List<String> failures = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int jobs;
    private int extraJobs;

    private BenchRunner(RunnerOptions options, Launcher launcher) {
        this.options = options;
        this.launcher = launcher;
        this.results = new Results(options.mpi());
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path root = Path.of(System.getProperty("jmpi.root", ".")).toAbsolutePath().normalize();
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args, root.resolve("benchmarks/results"));
            Benchmarks.select(options.only());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.out());
        if (options.summaryOnly()) {
            System.err.println("bench: wrote " + Summary.write(options.out(), options.mpi()));
            return;
        }
        List<String> flags = Arrays.stream(System.getProperty("jmpi.bench.mpirunFlags", "").split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        Launcher.Jni jni = null;
        if (options.jniJar() != null) {
            String problem = !Files.isRegularFile(options.jniJar()) ? "--jni-jar: no such file: " + options.jniJar()
                    : !Files.exists(options.jniLibrary().resolve("libmpi_java.so"))
                    ? "--jni-lib: no libmpi_java.so in " + options.jniLibrary() : null;
            if (problem != null) {
                System.err.println("bench: " + problem);
                System.exit(2);
                return;
            }
            jni = new Launcher.Jni(options.jniJar().toAbsolutePath(), options.jniLibrary(),
                    Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Launcher launcher = new Launcher(root, options.mpi(), flags, options.timeout(), jni);
        BenchRunner runner = new BenchRunner(options, launcher);
        boolean ok = runner.runAll();
        System.exit(ok ? 0 : 1);
    }

    private boolean runAll() throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Benchmark b : Benchmarks.select(options.only())) {
            runBenchmark(b);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<ResultRow> rows = results.rows();
        Path out = options.out();
        ResultsCsv.write(out.resolve(Summary.RESULTS), rows);
        Files.writeString(out.resolve(Summary.RUN_INFO), runInfo(wall));
        Path failuresFile = out.resolve(Summary.FAILURES);
        if (failures.isEmpty()) {
            Files.deleteIfExists(failuresFile);
        } else {
            Files.write(failuresFile, failures);
        }
        System.out.print(OsuTable.format(rows));
        List<Path> pngs = Plotter.plot(rows, out);
        Summary.write(out, options.mpi());
        System.err.printf(Locale.ROOT, "bench: %d jobs on %s in %.0f s; wrote %s, %d PNGs and summary.md in %s%n",
                jobs, options.mpi().title, wall, Summary.RESULTS, pngs.size(), out);
        skipped.forEach(s -> System.err.println("bench: skipped " + s));
        failures.forEach(f -> System.err.println("bench: FAILED " + f));
        if (jobs == 0) {
            System.err.println("bench: no benchmark program is built (see the skipped ones above)");
            return false;
        }
        return failures.isEmpty();
    }

    private void runBenchmark(Benchmark b) throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>();
        for (Variant v : b.variants(launcher.jni())) {
            if (launcher.available(b, v)) {
                variants.add(v);
            } else {
                skipped.add(b.name() + " " + v.title() + ": program not built (" + launcher.program(b, v) + ")");
            }
        }
        // A variant that failed (hung, crashed, printed garbage) is not run again: its
        // failure is reported once and the run stays bounded.
        Set<Variant> failed = new HashSet<>();
        int rep = 0;
        for (; rep < options.reps(); rep++) {
            round(b, variants, rep, failed);
        }
        // Targets that more repetitions may decide (see Assessment.Cause) get more rounds of
        // their variants only, up to --max-reps.
        for (; rep < options.maxReps(); rep++) {
            List<Assessment> undecided = TargetTable.undecided(b.name(), results.rows());
            List<Variant> more = variants.stream().filter(v -> !failed.contains(v) && undecided.stream()
                    .anyMatch(a -> a.target().measured().equals(v) || a.target().reference().equals(v))).toList();
            if (more.isEmpty()) {
                break;
            }
            System.err.printf(Locale.ROOT, "bench: %s: undecided %s; round %d of at most %d%n", b.name(),
                    String.join(", ", undecided.stream().map(x -> x.target().label() + " " + x.target().comparison())
                            .toList()), rep + 1, options.maxReps());
            round(b, more, rep, failed);
        }
    }

    /** Runs repetition {@code rep} (from 0) of {@code variants} of {@code b}, skipping failed ones. */
    private void round(Benchmark b, List<Variant> variants, int rep, Set<Variant> failed)
            throws IOException, InterruptedException {
        List<String> programOptions = options.programOptionsFor(b);
        for (Variant v : Variant.order(variants, rep)) {
            if (failed.contains(v)) {
                continue;
            }
            BoundedProcess.Result o = launcher.run(launcher.command(b, v, programOptions));
            jobs++;
            extraJobs += rep < options.reps() ? 0 : 1;
            String job = String.format(Locale.ROOT, "%s %s rep %d/%d", b.name(), v.title(), rep + 1,
                    rep < options.reps() ? options.reps() : options.maxReps());
            System.err.printf(Locale.ROOT, "bench: %-40s %6.1f s%s%n", job, o.elapsed().toMillis() / 1e3,
                    o.ok() ? "" : o.timedOut() ? "  TIMED OUT" : "  exit " + o.exitCode());
            if (!o.ok()) {
                failed.add(v);
                recordFailure(job, o.timedOut() ? "timed out after " + options.timeout().toSeconds() + " s, killed"
                        : "exit status " + o.exitCode(), o);
                continue;
            }
            try {
                OsuOutput parsed = OsuOutput.parse(o.stdout());
                if (!parsed.variant().equals(v)) {
                    throw new IllegalArgumentException("output says impl=" + parsed.impl() + " buffer="
                            + parsed.buffer() + ", expected " + v.impl() + " " + v.buffer());
                }
                results.add(b, parsed);
            } catch (IllegalArgumentException e) {
                failed.add(v);
                recordFailure(job, "unreadable output: " + e.getMessage(), o);
            }
        }
    }

    private void recordFailure(String job, String why, BoundedProcess.Result o) throws IOException {
        Path log = options.out().resolve("logs").resolve(job.replaceAll("[^A-Za-z0-9_.-]+", "_") + ".log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "$ " + String.join(" ", o.command()) + "\n--- stdout\n" + o.stdout()
                + "\n--- stderr\n" + o.stderr());
        failures.add(job + ": " + why + "; later repetitions skipped (log: " + options.out().relativize(log) + ")");
        String tail = o.stderr().lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("");
        System.err.println("bench:   " + why + (tail.isEmpty() ? "" : "; last stderr line: " + tail));
    }

    private String runInfo(double wall) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return String.format(Locale.ROOT, "Run %s on %s (%d cores), %s (C twins started by %s): %s mode, "
                        + "%d repetitions per job (up to %d for the variants of an undecided target: %d more jobs), "
                        + "implementations alternating, np=%d bound to cores, %d jobs in %.0f s%s.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), host, Runtime.getRuntime().availableProcessors(),
                options.mpi().title, options.mpi().launcher.executable(),
                options.quick() ? "quick" : "full", options.reps(), options.maxReps(), extraJobs, Launcher.RANKS,
                jobs, wall,
                options.programOptions().isEmpty() ? "" : "; program options " + String.join(" ", options.programOptions()))
                + (options.jniJar() == null ? "" : " JNI variants: Open MPI's Java bindings from " + options.jniJar()
                        + " with " + options.jniLibrary().resolve("libmpi_java.so") + ".");
    }
}
