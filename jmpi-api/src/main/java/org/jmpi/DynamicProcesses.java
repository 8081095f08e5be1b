package org.jmpi;

import java.util.List;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * Process creation and connection (MPI chapter 10) from a {@link Comm}: spawning new MPI
 * processes, which find their parents with {@link Comm#parent()}, and joining two running
 * groups through a {@link Port}. Each call is collective over this intracommunicator and
 * returns an intercommunicator (see {@link Intercommunicators}); the arguments before
 * {@code root} matter only at the root.
 *
 * <p>The root checks them first and shares its verdict with the other processes (one
 * broadcast), so a refused call is an {@link IllegalArgumentException} on every process
 * instead of a hang: Open MPI 4.1 reports a failed spawn at the root only, while the
 * other processes wait forever, and ends the whole job when the program does not exist.
 * Processes started under {@code mpirun --oversubscribe} may spawn beyond the core
 * count; a singleton (a program started without {@code mpirun}) needs the
 * {@code map_by=":OVERSUBSCRIBE"} hint or {@code OMPI_MCA_rmaps_base_oversubscribe=1} for that.
 *
 * <pre>{@code
 * Spawned s = world.spawn(SpawnCommand.java("org.example.Worker", 2), 0);
 * try (Comm children = s.intercomm()) {
 *     children.bcast(task, Datatype.INT, world.rank() == 0 ? Comm.ROOT : Comm.PROC_NULL);
 * }
 * }</pre>
 */
public sealed interface DynamicProcesses permits Comm {

    /**
     * Starts {@code command} ({@code MPI_Comm_spawn}) and returns the intercommunicator to
     * the new processes, whose {@code MPI_COMM_WORLD} is their own. {@code command} may be
     * null except at {@code root}. Before Open MPI sees it, the root checks that the
     * program is an executable file (in the working directory or on {@code PATH}) unless a
     * {@code host}, {@code add-host}, {@code hostfile}, {@code add-hostfile}, {@code path},
     * {@code wdir} or {@code ompi_prefix} hint sends Open MPI looking elsewhere.
     *
     * @throws MpiException if Open MPI fails to start them ({@code MPI_ERR_SPAWN}, e.g. no
     *                      free slots); the other processes then wait in the call forever
     */
    default Spawned spawn(SpawnCommand command, int root) {
        return DynamicCalls.spawn((Comm) this, command == null ? null : List.of(command), root, false);
    }

    /**
     * Starts several programs at once ({@code MPI_Comm_spawn_multiple}): they share one
     * {@code MPI_COMM_WORLD}, ranked in the order of {@code commands}, and one
     * intercommunicator to this group. {@code commands} may be null except at {@code root};
     * {@code ompi_non_mpi} must be set on all or none.
     */
    default Spawned spawnMultiple(List<SpawnCommand> commands, int root) {
        return DynamicCalls.spawn((Comm) this, commands, root, true);
    }

    /**
     * Waits for a group to {@link #connect} to {@code port} ({@code MPI_Comm_accept}) and
     * returns the intercommunicator to it. {@code port} (a {@link Port#name()}) matters only
     * at the root.
     */
    default Comm accept(String port, int root) {
        return DynamicCalls.join((Comm) this, port, root, true);
    }

    /**
     * Connects to a group {@link #accept accepting} on {@code port} ({@code MPI_Comm_connect})
     * and returns the intercommunicator to it. {@code port} matters only at the root.
     */
    default Comm connect(String port, int root) {
        return DynamicCalls.join((Comm) this, port, root, false);
    }

    /**
     * Waits for the communication pending on this communicator, then frees it
     * ({@code MPI_Comm_disconnect}); collective. The way to part from spawned processes or
     * parents, or a connected group. A no-op once freed.
     *
     * @throws IllegalStateException on a predefined communicator
     */
    default void disconnect() {
        ((Comm) this).release(MpiCalls::MPI_Comm_disconnect, "MPI_Comm_disconnect");
    }
}
