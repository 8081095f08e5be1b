/*
 * The C child of SpawnTest (jmpi-api/src/test/java/org/jmpi/SpawnTest.java): a program
 * started by MPI_Comm_spawn that talks to its parents the way org.jmpi.SpawnChild does.
 * 1. receives a token broadcast by the parents' root; 2. receives a value from parent 0;
 * 3. allreduces (rank + 1) * 10 with the parents, getting the sum of theirs;
 * 4. replies to parent 0 with {value + token + sum of its integer arguments, its rank,
 *    its world size, the parents' group size, the parents' allreduce sum}; 5. disconnects.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm parent;
    MPI_Comm_get_parent(&parent);
    if (parent == MPI_COMM_NULL) {
        fprintf(stderr, "spawn_child: not started by MPI_Comm_spawn\n");
        MPI_Finalize();
        return 2;
    }
    int rank, size, parents;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Comm_remote_size(parent, &parents);
    int args = 0;
    for (int i = 1; i < argc; i++) {
        args += atoi(argv[i]);
    }
    int token, value;
    MPI_Bcast(&token, 1, MPI_INT, 0, parent);
    MPI_Recv(&value, 1, MPI_INT, 0, 1, parent, MPI_STATUS_IGNORE);
    int mine = (rank + 1) * 10, theirs = 0;
    MPI_Allreduce(&mine, &theirs, 1, MPI_INT, MPI_SUM, parent);
    int reply[5] = {value + token + args, rank, size, parents, theirs};
    MPI_Send(reply, 5, MPI_INT, 0, 2, parent);
    MPI_Comm_disconnect(&parent);
    MPI_Finalize();
    return 0;
}
