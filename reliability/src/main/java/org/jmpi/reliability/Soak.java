package org.jmpi.reliability;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;
import org.jmpi.Request;
import org.jmpi.ThreadLevel;
import org.jmpi.dsm.DsmContext;
import org.jmpi.dsm.Window;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A soak: {@code Soak SECONDS} runs mixed point-to-point (blocking, nonblocking with new
 * and reused requests, several sizes), collectives (allreduce, bcast, allgather, a
 * nonblocking allreduce) and DSM (fetch-add, put/get with flush) in a loop for that long,
 * checking every result. After a warm-up of a quarter of the time it takes a baseline of
 * resident memory (VmRSS), the Java heap after a GC and, when the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}, native memory; at the end it prints one line
 * per rank, {@code soak rank R: ...}, with the operations done and each figure's growth.
 * Exits non-zero if a result was wrong.
 */
public final class Soak {
    private Soak() {
    }

    /** Runs the soak for {@code args[0]} seconds. */
    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        try (Mpi mpi = Mpi.init(ThreadLevel.SINGLE); Arena arena = Arena.ofConfined()) {
            Comm world = mpi.world();
            System.out.println("ready rank " + world.rank() + " pid " + ProcessHandle.current().pid());
            Mix mix = new Mix(world, arena);
            double start = Mpi.wtime();
            double warm = start + seconds / 4;
            double end = start + seconds;
            long ops = 0;
            Baseline base = null;
            boolean done = false;
            while (!done) {
                mix.round(ops);
                ops++;
                if (ops % 64 == 0) {
                    // Everyone decides together, so the ranks leave the loop in the same round.
                    double now = world.rank() == 0 ? Mpi.wtime() : 0;
                    double[] t = {now};
                    world.bcast(t, 0);
                    if (base == null && t[0] >= warm) {
                        base = Baseline.take();
                    }
                    done = t[0] >= end;
                }
            }
            Baseline last = Baseline.take();
            mix.close();
            String line = String.format(Locale.ROOT, "soak rank %d: %d rounds (%d checks) in %.1f s; rss %d KiB"
                    + " -> %d KiB (growth %d KiB); heap after GC %d KiB -> %d KiB (growth %d KiB); native (NMT) %s",
                    world.rank(), ops, mix.checks, Mpi.wtime() - start, base.rssKiB, last.rssKiB,
                    last.rssKiB - base.rssKiB, base.heapKiB, last.heapKiB, last.heapKiB - base.heapKiB,
                    Nmt.diff());
            // Rank 0 prints every line: the ranks' own output could interleave mid-line in mpirun.
            List<String> lines = world.gatherObject(line, 0);
            if (world.rank() == 0) {
                lines.forEach(System.out::println);
            }
            System.out.flush();
        }
    }

    /** Resident memory, heap after GC, and an NMT baseline, at one moment. */
    private record Baseline(long rssKiB, long heapKiB) {
        static Baseline take() throws IOException {
            // A second collection after a pause frees what the first left to reference
            // processing (cleaners of automatic arenas), so the figure is the live heap.
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            Nmt.baseline();
            return new Baseline(rss(), heap);
        }

        private static long rss() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IOException("no VmRSS in /proc/self/status");
        }
    }

    /** One round of mixed operations, checked. */
    private static final class Mix {
        private final Comm world;
        private final int me;
        private final int n;
        private final MemorySegment out;
        private final MemorySegment in;
        private final MemorySegment sums;
        private final MemorySegment gathered;
        private final Request send = new Request();
        private final Request recv = new Request();
        private final DsmContext ctx;
        private final Window window;
        private final MemorySegment local;
        private long fetchAdds;
        long checks;

        Mix(Comm world, Arena arena) {
            this.world = world;
            this.me = world.rank();
            this.n = world.size();
            this.out = arena.allocate(1 << 16, 8);
            this.in = arena.allocate(1 << 16, 8);
            this.sums = arena.allocate(JAVA_LONG, 16);
            this.gathered = arena.allocate(JAVA_LONG, n);
            this.ctx = DsmContext.create(world, false);
            this.window = ctx.allocate(4096);
            this.local = arena.allocate(256, 8);
        }

        void round(long i) {
            int next = (me + 1) % n;
            int prev = (me + n - 1) % n;
            int size = 16 << (int) (i % 13); // 16 B .. 64 KiB
            long stamp = i * 1000 + me;
            out.set(JAVA_LONG, 0, stamp);
            out.set(JAVA_LONG, size - 8, ~stamp);
            if (i % 3 == 0) {
                world.sendrecv(out.asSlice(0, size), Datatype.BYTE, next, 1, in.asSlice(0, size), Datatype.BYTE, prev, 1);
            } else {
                // Reused requests on odd rounds, fresh ones (garbage for the GC) on even ones.
                Request r = i % 2 == 0 ? world.irecv(in.asSlice(0, size), Datatype.BYTE, prev, 2)
                        : world.irecv(in, size, Datatype.BYTE, prev, 2, recv);
                Request s = i % 2 == 0 ? world.isend(out.asSlice(0, size), Datatype.BYTE, next, 2)
                        : world.isend(out, size, Datatype.BYTE, next, 2, send);
                Request.waitAll(r, s);
            }
            long theirs = (i * 1000 + prev);
            check(in.get(JAVA_LONG, 0) == theirs && in.get(JAVA_LONG, size - 8) == ~theirs, "point-to-point", i);

            sums.set(JAVA_LONG, 0, me + i);
            if (i % 4 == 0) {
                world.iallreduce(sums.asSlice(0, 8), sums.asSlice(64, 8), Datatype.INT64, Op.SUM).waitFor();
            } else {
                world.allreduce(sums.asSlice(0, 8), sums.asSlice(64, 8), Datatype.INT64, Op.SUM);
            }
            check(sums.get(JAVA_LONG, 64) == (long) n * (n - 1) / 2 + n * i, "allreduce", i);

            if (i % 8 == 0) {
                sums.set(JAVA_LONG, 8, stamp);
                world.allgather(sums.asSlice(8, 8), gathered, Datatype.INT64);
                for (int r = 0; r < n; r++) {
                    check(gathered.getAtIndex(JAVA_LONG, r) == i * 1000 + r, "allgather", i);
                }
            }

            window.longs().fetchAndOp(1, next, 0, Op.SUM);
            fetchAdds++;
            local.set(JAVA_LONG, 0, stamp);
            window.put(local.asSlice(0, 8), next, 8 + 8L * me);
            window.flush(next);
            window.get(local.asSlice(8, 8), next, 8 + 8L * me);
            check(local.get(JAVA_LONG, 8) == stamp, "DSM put/get", i);
        }

        private void check(boolean ok, String what, long round) {
            checks++;
            if (!ok) {
                throw new IllegalStateException(what + " gave a wrong result in round " + round + " on rank " + me);
            }
        }

        void close() {
            ctx.barrier();
            // Every rank added 1 per round into its next neighbour's word 0.
            long counted = window.longs().get(me, 0);
            check(counted == fetchAdds, "DSM fetch-add total", fetchAdds);
            ctx.barrier();
            window.close();
            ctx.close();
        }
    }
}
