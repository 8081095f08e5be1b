package org.jmpi.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The MPIs the harness runs jobs under, each with its own launcher: Open MPI's {@code mpirun}
 * and MPICH's {@code mpiexec} (Hydra). The system property {@code jmpi.mpis} (e.g. {@code
 * openmpi,mpich}) chooses which; by default, every one that is installed. {@code jmpi.np.<id>}
 * narrows the rank counts of one MPI below {@code jmpi.np}.
 */
public enum MpiLauncher {
    /** Open MPI, started by {@code mpirun.openmpi} (or the system property {@code jmpi.mpirun}). */
    OPENMPI("openmpi", "/usr/bin/mpirun.openmpi", "c-bin"),
    /** MPICH, started by {@code mpiexec.mpich} (or the system property {@code jmpi.mpiexec.mpich}). */
    MPICH("mpich", "/usr/bin/mpiexec.mpich", "c-bin-mpich");

    /** The property listing the MPIs to run under. */
    public static final String MPIS = "jmpi.mpis";

    /** The MPI's name in {@code jmpi.mpi}, {@code jmpi.mpis} and report names. */
    public final String id;

    private final String launcher;
    private final String cBin;

    MpiLauncher(String id, String launcher, String cBin) {
        this.id = id;
        this.launcher = launcher;
        this.cBin = cBin;
    }

    /** The MPI named {@code id}. */
    public static MpiLauncher of(String id) {
        for (MpiLauncher m : values()) {
            if (m.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown MPI '" + id + "' in " + MPIS + ": expected openmpi or mpich");
    }

    /** The MPIs the system property {@code jmpi.mpis} names, or every installed one. */
    public static List<MpiLauncher> selected() {
        return selected(System.getProperty(MPIS, ""));
    }

    /** The MPIs {@code value} names (comma-separated), or every installed one when it is blank. */
    public static List<MpiLauncher> selected(String value) {
        value = value.strip();
        List<MpiLauncher> list = new ArrayList<>();
        if (value.isEmpty()) {
            for (MpiLauncher m : values()) {
                if (m.installed()) {
                    list.add(m);
                }
            }
        } else {
            for (String part : value.split("\\s*,\\s*")) {
                list.add(of(part));
            }
        }
        return list;
    }

    /** Whether this MPI's launcher is on this machine. */
    public boolean installed() {
        return Files.isExecutable(Path.of(executable()));
    }

    /** The launcher's path: the system property that overrides it, else the Debian package's. */
    public String executable() {
        String override =
                System.getProperty(this == OPENMPI ? "jmpi.mpirun" : "jmpi.mpiexec." + id, "").strip();
        return override.isEmpty() ? launcher : override;
    }

    /**
     * The directory under {@code <module>/target} that {@code native-scripts/build-c} builds the C
     * programs into with this MPI's {@code mpicc}: {@code c-bin} (Open MPI's, the default {@code
     * mpicc}) or {@code c-bin-mpich}.
     */
    public String cBinDirectory() {
        return cBin;
    }

    /**
     * The launcher and its options that start {@code np} processes, oversubscribed and unbound (the
     * test machine may have fewer cores than ranks); the program's command follows.
     */
    public List<String> launch(int np) {
        return launch(np, List.of());
    }

    /**
     * As {@link #launch(int)}, passing the environment variables {@code exported} of the launcher
     * on to the ranks: Hydra passes its whole environment on, Open MPI's {@code mpirun} those named
     * by {@code -x}.
     */
    public List<String> launch(int np, Collection<String> exported) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        if (this == OPENMPI) {
            if (isRoot()) {
                command.add("--allow-run-as-root");
            }
            exported.forEach(name -> command.addAll(List.of("-x", name)));
            command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(np)));
        } else {
            command.addAll(List.of("-n", Integer.toString(np)));
        }
        return command;
    }

    /** The JVM option that makes jmpi load this MPI. */
    public String jvmOption() {
        return "-Djmpi.mpi=" + id;
    }

    /**
     * Whether {@code jmpi.np.<id>} allows {@code np} ranks for this MPI (any when unset); {@code
     * jmpi.np} applies to every MPI on top of this.
     */
    public boolean npAllowed(int np) {
        String allowed = System.getProperty(MpiExtension.NP_FILTER + "." + id, "").strip();
        if (allowed.isEmpty()) {
            return true;
        }
        for (String part : allowed.split("\\s*,\\s*")) {
            if (part.equals(Integer.toString(np))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
