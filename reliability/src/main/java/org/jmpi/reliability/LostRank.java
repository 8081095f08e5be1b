package org.jmpi.reliability;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;
import org.jmpi.ThreadLevel;
import org.jmpi.dsm.DsmContext;
import org.jmpi.dsm.Window;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A job in which one rank is killed with SIGKILL in the middle of communication:
 * {@code LostRank p2p|collective|dsm VICTIM AFTER}. Every rank prints
 * {@code ready rank R pid P}, then loops in the chosen kind of operation; the victim
 * kills itself after {@code AFTER} iterations. The loop never ends by itself: the job
 * must be ended by the launcher.
 */
public final class LostRank {
    private LostRank() {
    }

    /** Runs the job; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int victim = Integer.parseInt(args[1]);
        long after = Long.parseLong(args[2]);
        try (Mpi mpi = Mpi.init(ThreadLevel.SINGLE); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            System.out.println("ready rank " + world.rank() + " pid " + ProcessHandle.current().pid());
            System.out.flush();
            world.barrier();
            Runnable step = switch (kind) {
                case "p2p" -> ring(world, arena);
                case "collective" -> allreduce(world, arena);
                case "dsm" -> fetchAdd(world);
                default -> throw new IllegalArgumentException("kind must be p2p, collective or dsm: " + kind);
            };
            for (long i = 0; ; i++) {
                if (world.rank() == victim && i == after) {
                    killSelf();
                }
                step.run();
            }
        }
    }

    private static Runnable ring(Comm world, Arena arena) {
        MemorySegment out = arena.allocate(1024);
        MemorySegment in = arena.allocate(1024);
        int next = (world.rank() + 1) % world.size();
        int prev = (world.rank() + world.size() - 1) % world.size();
        return () -> world.sendrecv(out, Datatype.BYTE, next, 7, in, Datatype.BYTE, prev, 7);
    }

    private static Runnable allreduce(Comm world, Arena arena) {
        MemorySegment in = arena.allocate(JAVA_LONG, 64);
        MemorySegment out = arena.allocate(JAVA_LONG, 64);
        return () -> world.allreduce(in, out, Datatype.INT64, Op.SUM);
    }

    private static Runnable fetchAdd(Comm world) {
        DsmContext ctx = DsmContext.create(world, false);
        Window window = ctx.allocate(64);
        int target = (world.rank() + 1) % world.size();
        return () -> window.longs().fetchAndOp(1, target, 0, Op.SUM);
    }

    private static void killSelf() throws IOException, InterruptedException {
        System.out.println("killing rank with SIGKILL, pid " + ProcessHandle.current().pid());
        System.out.flush();
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        Thread.sleep(60_000);
    }
}
