package org.jmpi.reliability;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.ThreadLevel;

/**
 * A job in which one rank throws and nobody catches it: {@code Uncaught main|thread
 * VICTIM}. With {@code main}, the victim's {@code main} throws inside
 * {@code try (Mpi mpi = ...)}; with {@code thread}, a worker thread of the victim throws
 * while its main thread waits in a receive. Every other rank waits for a message from
 * the victim that never comes, so only an abort ends the job.
 */
public final class Uncaught {
    private Uncaught() {
    }

    /** Runs the job; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String where = args[0];
        int victim = Integer.parseInt(args[1]);
        try (Mpi mpi = Mpi.init(ThreadLevel.MULTIPLE); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            System.out.println("ready rank " + world.rank() + " pid " + ProcessHandle.current().pid());
            System.out.flush();
            world.barrier();
            MemorySegment buf = arena.allocate(8);
            if (world.rank() == victim) {
                if (where.equals("thread")) {
                    Thread worker = new Thread(() -> {
                        throw new IllegalStateException("worker failed on purpose on rank " + victim);
                    }, "worker-" + victim);
                    worker.start();
                    world.recv(buf, Datatype.BYTE, Comm.ANY_SOURCE, 99);
                }
                throw new IllegalStateException("main failed on purpose on rank " + victim);
            }
            world.recv(buf, Datatype.BYTE, victim, 99);
        }
    }
}
