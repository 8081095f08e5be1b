/**
 * The API of Open MPI's Java bindings ({@link mpi.MPI}, {@link mpi.Comm},
 * {@link mpi.Intracomm}, {@link mpi.Datatype}, {@link mpi.Request}, {@link mpi.Struct},
 * ...), implemented over jmpi ({@code org.jmpi}) so that programs written for it run on
 * Open MPI and MPICH. Start with {@link mpi.MPI#Init}; see {@code docs/mpi-java.md} for
 * how buffers, counts, errors and requests behave.
 */
package mpi;
