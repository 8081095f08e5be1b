/* Hello, as org.jmpi.examples.Hello: one line per rank in rank order, then a barrier.
 * The C reference of native-scripts/bench-startup (start-up time of a whole job). */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
    int rank, size, len;
    char name[MPI_MAX_PROCESSOR_NAME];
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Get_processor_name(name, &len);
    for (int turn = 0; turn < size; turn++) {
        if (turn == rank) {
            printf("Hello from rank %d of %d on %s\n", rank, size, name);
            fflush(stdout);
        }
        MPI_Barrier(MPI_COMM_WORLD);
    }
    MPI_Finalize();
    return 0;
}
