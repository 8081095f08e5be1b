package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ThreadLevel#MULTIPLE}: several threads per rank send and receive at once, each
 * on its own tag, and run collectives at once, each on its own communicator.
 */
class MultipleThreadsTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 200;

    private static void runAll(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @MpiTest
    void threadsExchangeMessagesConcurrently() throws Exception {
        Comm world = TestMpi.world();
        int next = (world.rank() + 1) % world.size();
        int prev = (world.rank() - 1 + world.size()) % world.size();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int tag = t;
            tasks.add(() -> {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment out = arena.allocate(JAVA_LONG, 32);
                    MemorySegment in = arena.allocate(JAVA_LONG, 32);
                    Request r = new Request();
                    Request s = new Request();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < 32; i++) {
                            out.setAtIndex(JAVA_LONG, i, code(world.rank(), tag, round, i));
                        }
                        if (round % 2 == 0) {
                            world.sendrecv(out, Datatype.INT64, next, tag, in, Datatype.INT64, prev, tag);
                        } else {
                            world.irecv(in, 32, Datatype.INT64, prev, tag, r);
                            world.isend(out, 32, Datatype.INT64, next, tag, s);
                            Request.waitAll(r, s);
                        }
                        for (int i = 0; i < 32; i++) {
                            assertEquals(code(prev, tag, round, i), in.getAtIndex(JAVA_LONG, i));
                        }
                    }
                }
                return null;
            });
        }
        runAll(tasks);
        world.barrier();
    }

    private static long code(int rank, int thread, int round, int i) {
        return ((rank * 16L + thread) * 1000 + round) * 100 + i;
    }

    @MpiTest
    void threadsRunCollectivesOnTheirOwnCommunicators() throws Exception {
        Comm world = TestMpi.world();
        Comm[] comms = new Comm[THREADS];
        for (int t = 0; t < THREADS; t++) {
            comms[t] = world.dup();
        }
        int n = world.size();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Comm c = comms[t];
            int thread = t;
            tasks.add(() -> {
                for (int round = 0; round < 100; round++) {
                    long[] v = {c.rank() + thread, round};
                    c.allreduce(v, Op.SUM);
                    assertEquals(n * (n - 1) / 2 + (long) n * thread, v[0]);
                    assertEquals((long) n * round, v[1]);
                    long[] b = {round * 10L + thread};
                    c.bcast(b, round % n);
                    assertEquals(round * 10L + thread, b[0]);
                }
                return null;
            });
        }
        runAll(tasks);
        for (Comm c : comms) {
            c.close();
        }
    }
}
