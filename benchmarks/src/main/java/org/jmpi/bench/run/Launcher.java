package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.bench.mpijava.MpiJavaRun;
import org.jmpi.test.BoundedProcess;
import org.jmpi.test.CPrograms;

/**
 * Starts one benchmark job (np = 2, each rank bound to a core) on one {@link MpiLibrary}
 * and waits for it within a time bound ({@link BoundedProcess}): Java programs, on jmpi-api
 * or on jmpi's {@code mpi} package, through {@code native-scripts/jmpirun --mpi ID}; C twins
 * (built by that MPI's {@code mpicc}, {@link CPrograms}) through the MPI's own launcher,
 * {@code mpirun.openmpi} or {@code mpiexec.mpich}; the programs on the {@code mpi} package
 * against Open MPI's JNI bindings ({@link Jni}) through {@code mpirun.openmpi} too, with
 * the bindings' jar and the benchmark classes alone on the class path. A job past its bound
 * is terminated, then killed with its ranks.
 */
public final class Launcher {
    /** Ranks per job: every benchmark is a two-rank benchmark. */
    public static final int RANKS = 2;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Path root;
    private final MpiLibrary mpi;
    private final List<String> launcherFlags;
    private final Duration timeout;
    private final Jni jni;

    /**
     * Open MPI's own Java bindings, which the JNI variants run on.
     *
     * @param jar     the bindings' classes ({@code mpi.jar}), built from Open MPI's sources
     * @param library the directory of {@code libmpi_java.so} (their JNI library)
     * @param java    the {@code java} executable of the ranks
     */
    public record Jni(Path jar, Path library, Path java) {
    }

    /**
     * A launcher without JNI variants; see {@link #Launcher(Path, MpiLibrary, List, Duration, Jni)}.
     */
    public Launcher(Path root, MpiLibrary mpi, List<String> launcherFlags, Duration timeout) {
        this(root, mpi, launcherFlags, timeout, null);
    }

    /**
     * @param root          the project's root (holds native-scripts/ and benchmarks/)
     * @param mpi           the MPI every job runs on
     * @param launcherFlags extra flags of the C twins' launcher, e.g. {@code --allow-run-as-root}
     *                      for Open MPI as root (jmpirun adds that one itself for Java)
     * @param timeout       the bound on one job's wall time
     * @param jni           Open MPI's Java bindings for the JNI variants, or null (Open MPI only)
     */
    public Launcher(Path root, MpiLibrary mpi, List<String> launcherFlags, Duration timeout, Jni jni) {
        if (jni != null && mpi != MpiLibrary.OPENMPI) {
            throw new IllegalArgumentException("jni: Open MPI's Java bindings run on Open MPI only, not on " + mpi.title);
        }
        this.root = root;
        this.mpi = mpi;
        this.launcherFlags = List.copyOf(launcherFlags);
        this.timeout = timeout;
        this.jni = jni;
    }

    /** Whether the JNI variants run. */
    public boolean jni() {
        return jni != null;
    }

    /** The MPI the jobs run on. */
    public MpiLibrary mpi() {
        return mpi;
    }

    /** The C twin's executable, built by the MPI's {@code mpicc}. */
    public Path cProgram(Benchmark b) {
        return CPrograms.located(root, mpi.launcher, "benchmarks", b.cProgram());
    }

    /** What runs variant {@code v}: the C executable, the Java class, or for JNI the class and the bindings' jar. */
    public String program(Benchmark b, Variant v) {
        if (v.isC()) {
            return cProgram(b).toString();
        }
        return b.mainClass(v) + (v.impl().equals("jni") && jni != null ? " on " + jni.jar() : "");
    }

    /**
     * Whether the program of {@code v} is built: the C executable exists, the Java class
     * loads; for JNI also the bindings' jar and {@code libmpi_java.so} exist.
     */
    public boolean available(Benchmark b, Variant v) {
        if (v.isC()) {
            return Files.isExecutable(cProgram(b));
        }
        if (v.impl().equals("jni") && (jni == null || !Files.isRegularFile(jni.jar())
                || !Files.exists(jni.library().resolve("libmpi_java.so")))) {
            return false;
        }
        try {
            Class.forName(b.mainClass(v), false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The command line of one job of {@code b} in variant {@code v} with the program options. */
    public List<String> command(Benchmark b, Variant v, List<String> programOptions) {
        boolean onJni = v.impl().equals("jni");
        if (onJni && jni == null) {
            throw new IllegalArgumentException(v.title() + ": no JNI bindings given (--jni-jar)");
        }
        List<String> cmd = new ArrayList<>();
        if (v.isC() || onJni) {
            cmd.add(mpi.launcher.executable());
            cmd.addAll(launcherFlags);
        } else {
            cmd.addAll(List.of(root.resolve("native-scripts/jmpirun").toString(), "--mpi", mpi.id));
        }
        cmd.addAll(mpi.launchOptions(RANKS));
        if (v.isC()) {
            cmd.add(cProgram(b).toString());
            cmd.addAll(programOptions);
            return cmd;
        }
        if (onJni) {
            // Open MPI's MPI class loads libmpi_java.so (System.loadLibrary) from the library
            // path; that links libmpi, whose components (Debian's Open MPI 4.1) link it too,
            // so no RTLD_GLOBAL promotion (LD_PRELOAD) is needed. No jmpi jar on the class path.
            cmd.addAll(List.of(jni.java().toString(), "--enable-native-access=ALL-UNNAMED",
                    "-Djava.library.path=" + jni.library(), "-D" + MpiJavaRun.IMPL_PROPERTY + "=jni",
                    "-cp", jni.jar() + ":" + root.resolve("benchmarks/target/classes")));
        }
        cmd.add(b.mainClass(v));
        cmd.addAll(programOptions);
        cmd.addAll(List.of("-b", v.buffer()));
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
