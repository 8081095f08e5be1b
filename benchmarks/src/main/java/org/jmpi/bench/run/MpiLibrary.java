package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The MPI a benchmark run measures, with what the runner needs to start its jobs: the
 * launcher of the C twins, its flags for np ranks bound to cores, and the directory that
 * {@code native-scripts/build-c} builds the C twins into with that MPI's {@code mpicc}.
 * The Java programs run through {@code native-scripts/jmpirun --mpi ID}, which starts the
 * same launcher and makes jmpi load the same MPI ({@code -Djmpi.mpi=ID}).
 */
public enum MpiLibrary {
    /** Open MPI 4.1 (ORTE's {@code mpirun}), the default. */
    OPENMPI("openmpi", "Open MPI", "mpirun.openmpi", "c-bin", "--bind-to", "-np",
            // ob1 over shared memory (vader), which is what Open MPI picks on one node anyway
            // (Debian's configuration excludes the UCX pml). Naming them spares each job the
            // probing of the other transports, about 190 ms of MPI_Init per rank.
            List.of("--mca", "pml", "ob1", "--mca", "btl", "self,vader")),
    /** MPICH 4.0 (ch4:ucx) started by Hydra's {@code mpiexec}. */
    MPICH("mpich", "MPICH", "mpiexec.mpich", "c-bin-mpich", "-bind-to", "-n", List.of());

    /** How {@code --mpi}, {@code -Djmpi.mpi} and results.csv name it. */
    public final String id;
    /** How tables, plots and the summary name it. */
    public final String title;
    /** The launcher executable (on PATH) of the C twins. */
    public final String launcher;
    /** The C twins' directory under {@code benchmarks/target}. */
    public final String cBin;
    private final String bindFlag;
    private final String npFlag;
    private final List<String> transports;

    MpiLibrary(String id, String title, String launcher, String cBin, String bindFlag, String npFlag,
               List<String> transports) {
        this.id = id;
        this.title = title;
        this.launcher = launcher;
        this.cBin = cBin;
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
