package org.jmpi;

/**
 * The Java child of {@link SpawnTest}, started by {@code MPI_Comm_spawn}; it follows the
 * protocol of the C child ({@code jmpi-api/src/main/c/spawn_child.c}): receives the
 * parents' broadcast token and a value from parent 0, allreduces {@code (rank + 1) * 10}
 * with the parents, replies to parent 0 with {value + token + the sum of its integer
 * arguments, its rank, its world size, the parents' group size, the parents' sum}, and
 * disconnects. Exits with status 2 when it has no parent.
 */
public final class SpawnChild {
    private SpawnChild() {
    }

    /** Runs the child's side of the protocol. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init()) {
            Comm parent = Comm.parent().orElse(null);
            if (parent == null || !parent.isInter()) {
                System.err.println("SpawnChild: not started by MPI_Comm_spawn");
                System.exit(2);
            }
            int sum = 0;
            for (String a : args) {
                sum += Integer.parseInt(a);
            }
            Comm world = mpi.world();
            int[] token = new int[1];
            parent.bcast(token, 0);
            int[] value = new int[1];
            parent.recv(value, 0, 1);
            int[] theirs = new int[1];
            parent.allreduce(new int[] {(world.rank() + 1) * 10}, theirs, Op.SUM);
            parent.send(new int[] {value[0] + token[0] + sum, world.rank(), world.size(), parent.remoteSize(),
                theirs[0]}, 0, 2);
            parent.disconnect();
            if (Comm.parent().isPresent()) {
                throw new AssertionError("the parent is still there after disconnect");
            }
        }
    }
}
