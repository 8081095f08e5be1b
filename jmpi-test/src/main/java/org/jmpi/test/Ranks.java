package org.jmpi.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Facts about the current rank and end-of-job hooks, for test code and test support code. */
public final class Ranks {

    /** System property set to {@code true} in every rank JVM started by the harness. */
    static final String RANK_MODE_PROPERTY = "jmpi.harness.rank";

    private static final Deque<Runnable> END_ACTIONS = new ArrayDeque<>();

    private Ranks() {}

    /** Whether this JVM is a rank started by the harness (as opposed to the surefire JVM). */
    public static boolean inRank() {
        return Boolean.getBoolean(RANK_MODE_PROPERTY);
    }

    /**
     * This process's rank in the job: {@code OMPI_COMM_WORLD_RANK} (Open MPI), else {@code
     * PMI_RANK} (MPICH's Hydra), else {@code PMIX_RANK}, else 0.
     */
    public static int rank() {
        String value = System.getenv("OMPI_COMM_WORLD_RANK");
        if (value == null) {
            value = System.getenv("PMI_RANK");
        }
        if (value == null) {
            value = System.getenv("PMIX_RANK");
        }
        return value == null ? 0 : Integer.parseInt(value.strip());
    }

    /**
     * Number of ranks in the job: {@code OMPI_COMM_WORLD_SIZE}, else {@code PMI_SIZE}, else {@code
     * jmpi.harness.np}, else 1.
     */
    public static int size() {
        String value = System.getenv("OMPI_COMM_WORLD_SIZE");
        if (value == null) {
            value = System.getenv("PMI_SIZE");
        }
        if (value == null) {
            value = System.getProperty("jmpi.harness.np");
        }
        return value == null ? 1 : Integer.parseInt(value.strip());
    }

    /**
     * Registers an action that a rank runs after all its tests, before it exits; actions run in
     * reverse order of registration (e.g. {@code MPI_Finalize} registered by the first MPI user runs
     * last). Actions registered outside a rank JVM never run.
     */
    public static void atEnd(Runnable action) {
        if (action == null) {
            throw new NullPointerException("action");
        }
        synchronized (END_ACTIONS) {
            END_ACTIONS.push(action);
        }
    }

    /** Removes and returns the registered end actions, most recently registered first. */
    static List<Runnable> takeEndActions() {
        synchronized (END_ACTIONS) {
            List<Runnable> actions = new ArrayList<>(END_ACTIONS);
            END_ACTIONS.clear();
            return actions;
        }
    }
}
