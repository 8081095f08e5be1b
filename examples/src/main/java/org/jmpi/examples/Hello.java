package org.jmpi.examples;

import org.jmpi.Comm;
import org.jmpi.Mpi;

/**
 * Prints one line per rank, in rank order, then meets at a barrier:
 * {@code native-scripts/jmpirun --oversubscribe -np 4 org.jmpi.examples.Hello}.
 */
public final class Hello {
    private Hello() {
    }

    /** Entry point of every rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init()) {
            Comm world = mpi.world();
            for (int turn = 0; turn < world.size(); turn++) {
                if (turn == world.rank()) {
                    System.out.printf("Hello from rank %d of %d on %s%n",
                            world.rank(), world.size(), mpi.processorName());
                    System.out.flush();
                }
                world.barrier();
            }
        }
    }
}
