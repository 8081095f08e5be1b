/**
 * The API of Open MPI's Java bindings (package {@link mpi}: {@code MPI.Init},
 * {@code MPI.COMM_WORLD.send(buf, count, MPI.INT, dest, tag)}, ...) implemented over
 * {@code org.jmpi}, so that programs written for it run unchanged on Open MPI and MPICH.
 * Grant native access to {@code org.jmpi.bindings,org.jmpi} (or {@code ALL-UNNAMED} on the
 * class path).
 */
module org.jmpi.mpijava {
    requires transitive org.jmpi;

    exports mpi;
}
