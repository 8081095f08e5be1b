package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jmpi.test.MpiLauncher;

/**
 * The MPI a benchmark run measures, with what the runner needs to start its jobs beyond its
 * {@link MpiLauncher} (the launcher of the C twins, and where {@code native-scripts/build-c}
 * puts the C twins that MPI's {@code mpicc} built): the launcher's flags for np ranks bound
 * to cores, on the transports named for this MPI. The Java programs run through
 * {@code native-scripts/jmpirun --mpi ID}, which starts the same launcher and makes jmpi
 * load the same MPI ({@code -Djmpi.mpi=ID}).
 */
public enum MpiLibrary {
    /** Open MPI 4.1 (ORTE's {@code mpirun}), the default. */
    OPENMPI(MpiLauncher.OPENMPI, "Open MPI", "--bind-to", "-np",
            // ob1 over shared memory (vader), which is what Open MPI picks on one node anyway
            // (Debian's configuration excludes the UCX pml). Naming them spares each job the
            // probing of the other transports, about 190 ms of MPI_Init per rank.
            List.of("--mca", "pml", "ob1", "--mca", "btl", "self,vader")),
    /** MPICH 4.0 (ch4:ucx) started by Hydra's {@code mpiexec}. */
    MPICH(MpiLauncher.MPICH, "MPICH", "-bind-to", "-n", List.of());

    /** How {@code --mpi}, {@code -Djmpi.mpi} and results.csv name it. */
    public final String id;
    /** How tables, plots and the summary name it. */
    public final String title;
    /** The MPI's launcher, of the C twins directly and of the Java programs through jmpirun. */
    public final MpiLauncher launcher;
    private final String bindFlag;
    private final String npFlag;
    private final List<String> transports;

    MpiLibrary(MpiLauncher launcher, String title, String bindFlag, String npFlag, List<String> transports) {
        this.id = launcher.id;
        this.title = title;
        this.launcher = launcher;
        this.bindFlag = bindFlag;
        this.npFlag = npFlag;
        this.transports = transports;
    }

    /** The MPI named {@code id} ({@code openmpi} or {@code mpich}); anything else is an IllegalArgumentException. */
    public static MpiLibrary of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown MPI '" + id + "' (expected openmpi or mpich)"));
    }

    /**
     * The launcher options, after any extra ones, that start {@code np} ranks each bound
     * to a core, on the transports named for this MPI (Open MPI only: Hydra takes no
     * {@code --mca}).
     */
    public List<String> launchOptions(int np) {
        List<String> o = new ArrayList<>(List.of(bindFlag, "core", npFlag, Integer.toString(np)));
        o.addAll(transports);
        return o;
    }

    /** The default output directory's name under {@code benchmarks/results}: {@code latest}, {@code latest-mpich}. */
    public String latestDirectory() {
        return this == OPENMPI ? "latest" : "latest-" + id;
    }
}
