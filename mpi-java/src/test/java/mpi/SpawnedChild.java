package mpi;

/**
 * The child of {@link SpawnTest}, a program of the {@code mpi} API: gets a token broadcast
 * by its parents, replies to parent 0 with the token plus its integer argument, its rank
 * and its world size, and disconnects. Exits with status 2 when it has no parent.
 */
public final class SpawnedChild {
    private SpawnedChild() {
    }

    /** Runs the child. @param args one integer @throws MPIException if MPI fails */
    public static void main(String[] args) throws MPIException {
        String[] rest = MPI.Init(args);
        Intercomm parent = Intercomm.getParent();
        if (parent.isNull()) {
            System.err.println("SpawnedChild: not started by spawn");
            System.exit(2);
        }
        int[] token = new int[1];
        parent.bcast(token, 1, MPI.INT, 0);
        int rank = MPI.COMM_WORLD.getRank();
        parent.send(new int[] {token[0] + Integer.parseInt(rest[0]), rank, MPI.COMM_WORLD.getSize()}, 3, MPI.INT, 0,
                rank);
        parent.disconnect();
        MPI.Finalize();
    }
}
