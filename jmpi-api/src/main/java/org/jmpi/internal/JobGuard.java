package org.jmpi.internal;

import java.io.PrintStream;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.bindings.ompi.OmpiHandles;

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
    private static volatile long[] peerPids = new long[0];
    private static volatile long[] peerHosts = new long[0];
    private static volatile boolean deferFinalize;
    private static volatile boolean finalizePending;
    private static boolean installed;

    private JobGuard() {
    }

    /**
     * Called once MPI is initialised, with this process's world rank and size, and every
     * world rank's process id and host name hash (gathered by {@code Mpi.init}), so that
     * a rank the launcher ends can name the ranks lost on its node.
     */
    public static synchronized void install(int rank, int size, long[] pids, long[] hosts) {
        who = "rank " + rank + " of " + size + " (pid " + ProcessHandle.current().pid() + ")";
        myRank = rank;
        peerPids = pids.clone();
        peerHosts = hosts.clone();
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
            if (Runtime.active()) {
                System.err.println("jmpi: " + who + ": the JVM is exiting while MPI is still active"
                        + " (ended by the launcher, or System.exit before Mpi.close()): " + lostRanks());
                System.err.flush();
            }
        }, "jmpi-exit-report"));
    }

    /** The world ranks on this node whose processes are gone, as a sentence. */
    static String lostRanks() {
        long[] pids = peerPids;
        long[] hosts = peerHosts;
        StringBuilder lost = new StringBuilder();
        for (int r = 0; r < pids.length; r++) {
            if (r != myRank && hosts[r] == hosts[myRank]
                    && !ProcessHandle.of(pids[r]).map(ProcessHandle::isAlive).orElse(false)) {
                lost.append(lost.isEmpty() ? "" : ", ").append("rank ").append(r).append(" (pid ").append(pids[r]).append(')');
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
            Errors.check(mpi_h.MPI_Finalize(), "MPI_Finalize");
        }
    }

    /** Whether MPI was initialised here and has not been finalised natively yet. */
    public static boolean mpiLive() {
        return Runtime.active() || finalizePending;
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
            mpi_h.MPI_Abort(OmpiHandles.COMM_WORLD, 1);
        }
        java.lang.Runtime.getRuntime().halt(1);
    }
}
