package org.jmpi.bench.warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;

/**
 * JIT warm-up as a user meets it (C twin: {@code osu_warmup.c}): from the very first call,
 * with no prelude, {@code -n} chunks of {@code -c} calls of an 8-byte operation, each chunk
 * timed alone. {@code -t pingpong}: a round trip of blocking send and receive between
 * ranks 0 and 1 (a call is half of it, as OSU's latency); {@code -t allreduce}:
 * {@code MPI_SUM} of two ints. {@code -b segment}: native segments; {@code -b array}:
 * {@code byte[]} / {@code int[]}; {@code -b mixed}: the segment and the array form
 * alternating, call by call, from one call site each (a program that uses both).
 *
 * <p>Rank 0 prints one row per chunk, {@code <calls so far> <microseconds per call>}, then
 * {@code # first <N> calls: <mean> us}, the mean over the first {@value #FIRST} calls,
 * {@code # steady: <median> us}, the median of the last quarter of the chunks, and
 * {@code # ratio: <first/steady>}. Two ranks or more (the others join the allreduce).
 */
public final class Warmup {
    /** Calls the first-calls mean covers. */
    public static final int FIRST = 10_000;

    private Warmup() {
    }

    /** Runs it; {@code -t pingpong|allreduce -b segment|array|mixed -c CHUNK -n CHUNKS}. */
    public static void main(String[] args) {
        String test = "pingpong";
        String buffer = "segment";
        int chunk = 1000;
        int chunks = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "-t" -> test = args[i + 1];
                case "-b" -> buffer = args[i + 1];
                case "-c" -> chunk = Integer.parseInt(args[i + 1]);
                case "-n" -> chunks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("option " + args[i] + ": expected -t, -b, -c or -n");
            }
        }
        if (!test.equals("pingpong") && !test.equals("allreduce")) {
            throw new IllegalArgumentException("-t: " + test + ", expected pingpong or allreduce");
        }
        if (!buffer.equals("segment") && !buffer.equals("array") && !buffer.equals("mixed")) {
            throw new IllegalArgumentException("-b: " + buffer + ", expected segment, array or mixed");
        }
        if (chunk < 2 || chunks < 4 || (long) chunk * chunks < FIRST) {
            throw new IllegalArgumentException("-c " + chunk + " -n " + chunks + ": need chunks of 2 or more, "
                    + "4 chunks or more and at least " + FIRST + " calls");
        }
        try (Mpi mpi = Mpi.init(); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            if (world.size() < 2) {
                throw new IllegalStateException("warmup needs at least 2 ranks, not " + world.size());
            }
            Calls calls = new Calls(world, arena, test.equals("pingpong"), buffer);
            double[] us = new double[chunks];
            world.barrier();
            for (int k = 0; k < chunks; k++) {
                double t0 = Mpi.wtime();
                calls.run(chunk);
                us[k] = (Mpi.wtime() - t0) * 1e6 / chunk / calls.perCall();
            }
            if (world.rank() == 0) {
                report(test, buffer, chunk, us);
            }
        }
    }

    /** Prints the rows and the summary lines (rank 0). */
    static void report(String test, String buffer, int chunk, double[] us) {
        System.out.println("# jmpi bench=warmup test=" + test + " impl=java buffer=" + buffer);
        double first = 0;
        int firstChunks = (FIRST + chunk - 1) / chunk;
        for (int k = 0; k < us.length; k++) {
            System.out.printf("%-10d %12.3f%n", (long) (k + 1) * chunk, us[k]);
            if (k < firstChunks) {
                first += us[k];
            }
        }
        double[] tail = Arrays.copyOfRange(us, us.length - us.length / 4, us.length);
        Arrays.sort(tail);
        double steady = tail[tail.length / 2];
        first /= firstChunks;
        System.out.printf("# first %d calls: %.3f us%n# steady: %.3f us%n# ratio: %.2f%n", firstChunks * chunk,
                first, steady, first / steady);
    }

    /** The operation under test on this rank's buffers. */
    private static final class Calls {
        private final Comm world;
        private final boolean pingPong;
        private final boolean segments;
        private final boolean arrays;
        private final int rank;
        private final MemorySegment segOut;
        private final MemorySegment segIn;
        private final byte[] bytesOut = new byte[8];
        private final byte[] bytesIn = new byte[8];
        private final int[] intsOut = {1, 2};
        private final int[] intsIn = new int[2];

        Calls(Comm world, Arena arena, boolean pingPong, String buffer) {
            this.world = world;
            this.pingPong = pingPong;
            this.segments = !buffer.equals("array");
            this.arrays = !buffer.equals("segment");
            this.rank = world.rank();
            this.segOut = arena.allocate(8, 8);
            this.segIn = arena.allocate(8, 8);
        }

        /** Calls of one run of {@link #run}'s step: a ping-pong step is two. */
        int perCall() {
            return pingPong ? 2 : 1;
        }

        void run(int n) {
            for (int i = 0; i < n; i++) {
                boolean seg = segments && (!arrays || (i & 1) == 0);
                if (pingPong) {
                    pingPong(seg);
                } else if (seg) {
                    world.allreduce(segOut, segIn, Datatype.INT, Op.SUM);
                } else {
                    world.allreduce(intsOut, intsIn, Op.SUM);
                }
            }
        }

        private void pingPong(boolean seg) {
            if (rank > 1) {
                return;
            }
            int peer = 1 - rank;
            if (rank == 0) {
                send(seg, peer);
                recv(seg, peer);
            } else {
                recv(seg, peer);
                send(seg, peer);
            }
        }

        private void send(boolean seg, int peer) {
            if (seg) {
                world.send(segOut, Datatype.BYTE, peer, 1);
            } else {
                world.send(bytesOut, peer, 1);
            }
        }

        private void recv(boolean seg, int peer) {
            if (seg) {
                world.recv(segIn, Datatype.BYTE, peer, 1, null);
            } else {
                world.recv(bytesIn, peer, 1, null);
            }
        }
    }
}
