package org.jmpi.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner's command line:
 * <pre>
 *   --mpi M          the MPI to run on: openmpi (default) or mpich
 *   --quick          fewer iterations (large messages above all) and 3 repetitions
 *   --reps N         repetitions of every job (default 5, quick 3)
 *   --max-reps N     repetitions up to which a benchmark with an undecided target gets more
 *                    rounds (default twice --reps; --max-reps equal to --reps: none)
 *   --only a,b       only these benchmarks (names as in results.csv)
 *   --out DIR        output directory (default benchmarks/results/latest, for MPICH latest-mpich)
 *   --timeout S      bound on one job's wall time in seconds (default 600, quick 120)
 *   --summary-only   rewrite summary.md from the files in the output directory and stop
 *   --jni-jar JAR    also run the programs on the mpi package against Open MPI's own Java
 *                    bindings built into JAR (Open MPI only): variants JNI(direct), JNI(array)
 *   --jni-lib DIR    where their libmpi_java.so lies (default {@value #DEFAULT_JNI_LIBRARY})
 *   anything else    program options passed to every benchmark (-m, -i, -x, -w)
 * </pre>
 *
 * @param mpi            the MPI every job runs on
 * @param quick          quick mode
 * @param reps           repetitions of every job
 * @param maxReps        the most repetitions of a variant whose target stays undecided
 * @param only           the benchmarks to run (empty: all)
 * @param out            the output directory
 * @param timeout        the bound on one job
 * @param summaryOnly    only rewrite summary.md
 * @param programOptions options for every program, after the quick ones (so they win)
 * @param jniJar         the jar of Open MPI's Java bindings, or null: no JNI variants
 * @param jniLibrary     the directory of their {@code libmpi_java.so}
 */
public record RunnerOptions(MpiLibrary mpi, boolean quick, int reps, int maxReps, List<String> only, Path out,
                            Duration timeout, boolean summaryOnly, List<String> programOptions, Path jniJar,
                            Path jniLibrary) {

    /** Where Debian's Open MPI keeps {@code libmpi_java.so}. */
    public static final String DEFAULT_JNI_LIBRARY = "/usr/lib/x86_64-linux-gnu/openmpi/lib";

    /** Copies the lists. */
    public RunnerOptions {
        only = List.copyOf(only);
        programOptions = List.copyOf(programOptions);
    }

    /**
     * Parses the runner's arguments; a bad value is an IllegalArgumentException naming the
     * option. Without {@code --out}, the output goes to the MPI's
     * {@link MpiLibrary#latestDirectory()} under {@code resultsDir}.
     */
    public static RunnerOptions parse(String[] args, Path resultsDir) {
        MpiLibrary mpi = MpiLibrary.OPENMPI;
        boolean quick = false;
        int reps = -1;
        int maxReps = -1;
        List<String> only = new ArrayList<>();
        Path out = null;
        long timeout = -1;
        boolean summaryOnly = false;
        List<String> program = new ArrayList<>();
        Path jniJar = null;
        Path jniLibrary = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--summary-only" -> summaryOnly = true;
                case "--mpi" -> mpi = mpi(value(args, ++i, a));
                case "--reps" -> reps = positive(a, value(args, ++i, a));
                case "--max-reps" -> maxReps = positive(a, value(args, ++i, a));
                case "--timeout" -> timeout = positive(a, value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--jni-jar" -> jniJar = Path.of(value(args, ++i, a));
                case "--jni-lib" -> jniLibrary = Path.of(value(args, ++i, a));
                case "--only" -> Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).forEach(only::add);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a + " (expected --mpi M, --quick, --reps N, "
                                + "--max-reps N, --only a,b, --out DIR, --timeout S, --summary-only, --jni-jar JAR, --jni-lib DIR, "
                                + "or program options -m -i -x -w)");
                    }
                    program.add(a);
                }
            }
        }
        if (reps < 0) {
            reps = quick ? 3 : 5;
        }
        if (maxReps < 0) {
            maxReps = 2 * reps;
        } else if (maxReps < reps) {
            throw new IllegalArgumentException("--max-reps " + maxReps + " is below --reps " + reps);
        }
        if (timeout < 0) {
            timeout = quick ? 120 : 600;
        }
        if (out == null) {
            out = resultsDir.resolve(mpi.latestDirectory());
        }
        if (jniJar != null && mpi != MpiLibrary.OPENMPI) {
            throw new IllegalArgumentException("--jni-jar: Open MPI's Java bindings run on Open MPI only, not on "
                    + mpi.title);
        }
        if (jniLibrary != null && jniJar == null) {
            throw new IllegalArgumentException("--jni-lib needs --jni-jar");
        }
        return new RunnerOptions(mpi, quick, reps, maxReps, only, out, Duration.ofSeconds(timeout), summaryOnly,
                program, jniJar, jniLibrary == null ? Path.of(DEFAULT_JNI_LIBRARY) : jniLibrary);
    }

    /** The options one program gets: the quick ones (in quick mode), then the user's. */
    public List<String> programOptionsFor(Benchmark b) {
        List<String> o = new ArrayList<>();
        if (quick) {
            o.addAll(b.quickOptions());
        }
        o.addAll(programOptions);
        return o;
    }

    private static MpiLibrary mpi(String id) {
        try {
            return MpiLibrary.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mpi: " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + v, e);
        }
    }
}
