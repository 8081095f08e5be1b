package mpi;

/** An MPI object that holds library resources until it is freed. */
public interface Freeable {
    /**
     * Frees the object's resources; it must not be used afterwards.
     *
     * @throws MPIException if MPI reports an error
     */
    void free() throws MPIException;
}
