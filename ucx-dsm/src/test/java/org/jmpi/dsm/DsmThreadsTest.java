package org.jmpi.dsm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jmpi.Comm;
import org.jmpi.Op;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads per rank, platform and virtual, share a DSM context (CPU atomics on
 * mapped memory, and UCP atomics): each thread fetch-adds into a counter on every rank,
 * and the counters, the sums and the sums of squares of the values fetched come out
 * exactly as if every fetch had returned a distinct earlier count. Threads of all ranks
 * also take turns under one {@link DsmLock}.
 */
class DsmThreadsTest {
    private static final int THREADS = 8;
    private static final int ADDS = 150;

    /** Runs every task on its own thread from {@code threads}; returns the results in task order. */
    private static List<long[]> runAll(Thread.Builder threads, List<Callable<long[]>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(threads.factory())) {
            List<Future<long[]>> futures = new ArrayList<>();
            for (Callable<long[]> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    private static void fetchAddEverywhere(Thread.Builder threads) throws Exception {
        for (DsmContext ctx : new DsmContext[] {TestDsm.context(), TestDsm.ucpContext()}) {
            int n = ctx.size();
            int me = ctx.rank();
            long total = (long) n * THREADS * ADDS;
            try (Window w = ctx.allocate(16)) {
                ctx.barrier();
                List<Callable<long[]>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    tasks.add(() -> {
                        long[] sums = new long[2 * n];
                        for (int i = 0; i < ADDS; i++) {
                            for (int k = 0; k < n; k++) {
                                int target = (me + k + thread) % n;
                                long v = w.longs().fetchAndOp(1, target, 0, Op.SUM);
                                assertTrue(v >= 0 && v < total, "fetched " + v + " outside [0, " + total + ")");
                                sums[target] += v;
                                sums[n + target] += v * v;
                                w.ints().accumulate(2, target, 8, Op.SUM);
                            }
                        }
                        return sums;
                    });
                }
                long[] sums = new long[2 * n];
                for (long[] s : runAll(threads, tasks)) {
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] += s[i];
                    }
                }
                ctx.barrier();
                assertEquals(total, w.memory().get(JAVA_LONG, 0), "counter of rank " + me);
                assertEquals(2 * total, w.memory().get(JAVA_INT, 8), "32-bit counter of rank " + me);
                Comm comm = ctx.comm();
                comm.allreduce(sums, Op.SUM);
                for (int r = 0; r < n; r++) {
                    assertEquals(total * (total - 1) / 2, sums[r], "sum of the values fetched at rank " + r);
                    assertEquals((total - 1) * total * (2 * total - 1) / 6, sums[n + r],
                            "sum of the squares of the values fetched at rank " + r);
                }
                ctx.barrier();
            }
        }
    }

    @MpiTest(timeoutSeconds = 180)
    void platformThreadsFetchAddOnEveryRank() throws Exception {
        fetchAddEverywhere(Thread.ofPlatform().name("amo-", 0));
    }

    @MpiTest(timeoutSeconds = 180)
    void virtualThreadsFetchAddOnEveryRank() throws Exception {
        fetchAddEverywhere(Thread.ofVirtual().name("vamo-", 0));
    }

    private static void takeTurns(Thread.Builder threads) throws Exception {
        DsmContext ctx = TestDsm.context();
        int turns = 10;
        try (DsmLock lock = ctx.createLock(); Window w = ctx.allocate(8)) {
            ctx.barrier();
            List<Callable<long[]>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < turns; i++) {
                        try (DsmLock.Held held = lock.acquire()) {
                            w.longs().put(w.longs().get(0, 0) + 1, 0, 0);
                        }
                    }
                    return new long[0];
                });
            }
            runAll(threads, tasks);
            ctx.barrier();
            assertEquals((long) ctx.size() * THREADS * turns, w.longs().get(0, 0));
            ctx.barrier();
        }
    }

    @MpiTest(timeoutSeconds = 180)
    void platformThreadsTakeTurnsUnderTheLock() throws Exception {
        takeTurns(Thread.ofPlatform().name("lock-", 0));
    }

    @MpiTest(timeoutSeconds = 180)
    void virtualThreadsTakeTurnsUnderTheLock() throws Exception {
        takeTurns(Thread.ofVirtual().name("vlock-", 0));
    }
}
