package org.jmpi;

/**
 * What {@link DynamicProcesses#spawn} returns.
 *
 * @param intercomm  the intercommunicator to the children (the spawning group local, the
 *                   children remote, in the order they were started); null when they are
 *                   not MPI programs ({@code ompi_non_mpi}). Close or
 *                   {@link DynamicProcesses#disconnect() disconnect} it when done.
 * @param errorCodes at the root, one MPI error code per process started
 *                   ({@code array_of_errcodes}, all 0 on success: Open MPI starts all or
 *                   none, and a failure is an {@link MpiException}); empty elsewhere,
 *                   where MPI does not know how many processes the root asked for
 */
public record Spawned(Comm intercomm, int[] errorCodes) {

    /** Copies the codes. */
    public Spawned {
        errorCodes = errorCodes.clone();
    }

    /** A copy of the error codes. */
    @Override
    public int[] errorCodes() {
        return errorCodes.clone();
    }
}
