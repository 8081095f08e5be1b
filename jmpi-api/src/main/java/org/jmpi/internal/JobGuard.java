package org.jmpi.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;

/**
 * Keeps a failing rank from hanging the job. Installed by {@code Mpi.init}:
 * <ul>
 *   <li>an uncaught exception in any thread prints its stack trace, naming the rank,
 *       and calls {@code MPI_Abort}, so the launcher ends every rank of the job instead
 *       of the others waiting forever for this one (unless the application installed
 *       its own default handler first, or {@code -Djmpi.abortOnUncaught=false});</li>
 *   <li>a JVM that exits while MPI is still active (a signal from the launcher after
 *       another rank was lost, or {@code System.exit} before {@code Mpi.close()})
 *       says so on standard error, naming its rank.</li>
 * </ul>
 * Under {@code org.jmpi.RankMain} (what {@code jmpirun} runs), {@code MPI_Finalize} is
 * deferred until the application's {@code main} has returned: a {@code main} that ends
 * with an exception inside {@code try (Mpi mpi = Mpi.init())} must abort the job, not
 * block in {@code MPI_Finalize} waiting for ranks that wait for it. Not public API.
 */
public final class JobGuard {
    private static volatile String who = "rank ?";
    private static volatile int myRank;
    private static volatile Path registry;
    private static volatile boolean deferFinalize;
    private static volatile boolean finalizePending;
    private static boolean installed;
    private static volatile String hostName;

    private JobGuard() {
    }

    /**
     * Called once MPI is initialised, with this process's world rank and size. Registers
     * this rank's process id in a per-job directory on this node (no communication, so
     * that ranks of other programs may share the world), from which a rank the launcher
     * ends names the ranks lost on its node.
     */
    public static synchronized void install(int rank, int size) {
        who = "rank " + rank + " of " + size + " (pid " + ProcessHandle.current().pid() + ")";
        myRank = rank;
        registry = register(rank);
        if (installed) {
            return;
        }
        installed = true;
        if (!"false".equals(System.getProperty("jmpi.abortOnUncaught"))
                && Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                    abort("uncaught exception in thread \"" + thread.getName() + "\"", error));
        }
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (MpiState.active()) {
                System.err.println("jmpi: " + who + ": the JVM is exiting while MPI is still active"
                        + " (ended by the launcher, or System.exit before Mpi.close()): " + lostRanks());
                System.err.flush();
            }
        }, "jmpi-exit-report"));
    }

    /**
     * Where this job's ranks on this node record their pids, or null outside mpirun and
     * srun. Under srun (no mpirun daemon), the Slurm job and step name the job.
     */
    private static Path jobDirectory() {
        String job = System.getenv("PMIX_NAMESPACE");
        String hnp = System.getenv("OMPI_MCA_orte_hnp_uri");
        String slurmJob = System.getenv("SLURM_JOB_ID");
        String slurmStep = System.getenv("SLURM_STEP_ID");
        String name;
        if (job != null && hnp != null) {
            name = job + "-" + Integer.toHexString(hnp.hashCode());
        } else if (slurmJob != null && slurmStep != null) {
            name = "slurm-" + slurmJob + "." + slurmStep;
        } else if (System.getenv("PMI_FD") != null && System.getenv("PMI_SIZE") != null) {
            // MPICH's Hydra names no job; its proxy, the ranks' parent, is one per job and node.
            name = "hydra-" + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        } else {
            return null;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "jmpi-ranks-" + name);
    }

    private static Path register(int rank) {
        Path dir = jobDirectory();
        if (dir == null) {
            return null;
        }
        // Cleaning up after earlier jobs is no part of starting this one: a daemon thread
        // does it while the application runs (unfinished at exit, it is left for the next job).
        Thread sweeper = new Thread(() -> sweep(dir.getParent()), "jmpi-sweep");
        sweeper.setDaemon(true);
        sweeper.start();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("rank-" + rank);
            Files.writeString(file, ProcessHandle.current().pid() + " " + host());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException | RuntimeException e) {
            return null; // only the report of lost ranks is affected
        }
    }

    /** Removes the entries of earlier jobs on this host whose processes are all gone (killed jobs leave them). */
    private static void sweep(Path tmp) {
        String here = host();
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path d : dirs.filter(x -> x.getFileName().toString().startsWith("jmpi-ranks-")).toList()) {
                try (Stream<Path> entries = Files.list(d)) {
                    List<Path> files = entries.toList();
                    boolean stale = !files.isEmpty();
                    for (Path f : files) {
                        String[] entry = Files.readString(f).split(" ", 2);
                        stale &= entry.length == 2 && entry[1].equals(here)
                                && !ProcessHandle.of(Long.parseLong(entry[0])).map(ProcessHandle::isAlive).orElse(false);
                    }
                    if (stale) {
                        for (Path f : files) {
                            Files.deleteIfExists(f);
                        }
                        Files.deleteIfExists(d);
                    }
                } catch (IOException | RuntimeException e) {
                    // in use or removed by another rank meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to sweep
        }
    }

    /**
     * This node's name: the kernel's ({@code gethostname}), which is what
     * {@code InetAddress.getLocalHost().getHostName()} returns without the latter's
     * resolver set-up (a scan of the class path for resolver providers) on the init path.
     */
    private static String host() {
        String name = hostName;
        if (name == null) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                name = "";
            }
            if (name.isEmpty()) {
                try {
                    name = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    name = "?";
                }
            }
            hostName = name;
        }
        return name;
    }

    /** Removes this rank's entry (at a clean finalize). */
    public static void unregister() {
        Path file = registry;
        registry = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                // another rank's entry is still there, or it is gone already
            }
        }
    }

    /** The world ranks on this node whose processes are gone, as a sentence. */
    static String lostRanks() {
        Path file = registry;
        StringBuilder lost = new StringBuilder();
        if (file != null) {
            String here = host();
            try (Stream<Path> entries = Files.list(file.getParent())) {
                for (Path p : entries.sorted().toList()) {
                    String name = p.getFileName().toString();
                    String[] entry;
                    try {
                        entry = Files.readString(p).split(" ", 2);
                    } catch (java.nio.file.NoSuchFileException e) {
                        continue; // a surviving rank removed its entry as it exited
                    }
                    int rank = Integer.parseInt(name.substring("rank-".length()));
                    long pid = Long.parseLong(entry[0]);
                    if (rank != myRank && entry.length == 2 && entry[1].equals(here)
                            && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        lost.append(lost.isEmpty() ? "" : ", ").append("rank ").append(rank)
                                .append(" (pid ").append(pid).append(')');
                    }
                }
            } catch (IOException | RuntimeException e) {
                return "the ranks of this node could not be checked (" + e + ")";
            }
        }
        return lost.isEmpty()
                ? "no other rank on this node is gone (a rank elsewhere was lost, or one called MPI_Abort)"
                : "lost " + lost + ", so the job cannot complete";
    }

    /** Asks {@code Mpi.close()} to leave {@code MPI_Finalize} to {@link #finishDeferred()}. */
    public static void deferFinalize() {
        deferFinalize = true;
    }

    /**
     * Whether {@code Mpi.close()} should skip {@code MPI_Finalize} now; if so, records
     * that it is owed.
     */
    public static boolean takeFinalize() {
        if (deferFinalize) {
            finalizePending = true;
            return true;
        }
        return false;
    }

    /** Runs the {@code MPI_Finalize} that {@code Mpi.close()} deferred, if any. */
    public static void finishDeferred() {
        if (finalizePending) {
            finalizePending = false;
            Errors.check(MpiCalls.MPI_Finalize(), "MPI_Finalize");
        }
    }

    /** Whether MPI was initialised here and has not been finalised natively yet. */
    public static boolean mpiLive() {
        return MpiState.active() || finalizePending;
    }

    /**
     * Prints {@code error}'s stack trace under a line naming this rank and why, then
     * aborts the job ({@code MPI_Abort} with error code 1) if MPI is live, or exits
     * the JVM with status 1 if it is not. Does not return.
     */
    public static void abort(String why, Throwable error) {
        PrintStream err = System.err;
        err.println("jmpi: " + who + ": " + why + "; aborting the job");
        error.printStackTrace(err);
        err.flush();
        System.out.flush();
        if (mpiLive()) {
            MpiCalls.MPI_Abort(Handles.COMM_WORLD, 1);
        }
        java.lang.Runtime.getRuntime().halt(1);
    }
}
