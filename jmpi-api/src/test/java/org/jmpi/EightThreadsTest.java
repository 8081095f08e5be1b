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
 * {@link ThreadLevel#MULTIPLE} with eight threads per rank, platform and virtual: thread t
 * of every rank exchanges messages with thread t of every other rank (itself at np=1) on
 * tag t, through blocking, nonblocking, probed and combined calls on native segments and
 * Java arrays, and runs collectives on a communicator of its own. Every element received
 * and every checksum is compared exactly. Virtual threads outnumber the carriers here:
 * were a blocking call to pin its carrier inside MPI, the exchange would deadlock.
 */
class EightThreadsTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 60;
    private static final int WORDS = 32;

    /**
     * Runs every task on its own thread from {@code threads}, storing task i's result in
     * {@code results[i]}; rethrows the first failure. Odd ranks start the tasks in reverse
     * order, so the ranks' schedulers run different threads first: a thread that held its
     * carrier while waiting would then wait for a peer thread that cannot run.
     */
    private static void runAll(Thread.Builder threads, List<Callable<Long>> tasks, long[] results) throws Exception {
        int n = tasks.size();
        boolean reverse = TestMpi.world().rank() % 2 == 1;
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(threads.factory())) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(tasks.get(reverse ? n - 1 - i : i)));
            }
            for (int i = 0; i < n; i++) {
                results[reverse ? n - 1 - i : i] = futures.get(i).get();
            }
        }
    }

    /** The value of word {@code i} that {@code rank}'s thread {@code thread} sends in {@code round} to peer offset {@code k}. */
    private static long code(int rank, int thread, int round, int k, int i) {
        return (((rank * 16L + thread) * 1000 + round) * 8 + k) * 100 + i;
    }

    /**
     * Thread {@code tag}'s exchange: every round, with every peer offset, one of four ways
     * (sendrecv; irecv + send of an array; isend + probe + recv of an array; isend + irecv +
     * waitAll into a reused pair of requests). Returns the sum of all words received.
     */
    private static long exchange(Comm world, int tag) {
        int n = world.size();
        int me = world.rank();
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG, WORDS);
            MemorySegment in = arena.allocate(JAVA_LONG, WORDS);
            long[] outArray = new long[WORDS];
            long[] inArray = new long[WORDS];
            Request r = new Request();
            Request s = new Request();
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 1; k <= Math.max(1, n - 1); k++) {
                    int dest = (me + k) % n;
                    int source = (me - k + n) % n;
                    for (int i = 0; i < WORDS; i++) {
                        out.setAtIndex(JAVA_LONG, i, code(me, tag, round, k, i));
                        outArray[i] = code(me, tag, round, k, i);
                    }
                    MemorySegment got = in;
                    switch (round % 4) {
                        case 0 -> world.sendrecv(out, Datatype.INT64, dest, tag, in, Datatype.INT64, source, tag);
                        case 1 -> {
                            Request pending = world.irecv(in, Datatype.INT64, source, tag);
                            world.send(outArray, dest, tag);
                            pending.waitFor();
                        }
                        case 2 -> {
                            Request pending = world.isend(out, Datatype.INT64, dest, tag);
                            Status probed = world.probe(source, tag);
                            assertEquals(WORDS, probed.count(Datatype.INT64));
                            Status st = world.recv(inArray, source, tag);
                            assertEquals(source, st.source());
                            assertEquals(tag, st.tag());
                            pending.waitFor();
                            got = MemorySegment.ofArray(inArray);
                        }
                        default -> {
                            world.irecv(in, WORDS, Datatype.INT64, source, tag, r);
                            world.isend(out, WORDS, Datatype.INT64, dest, tag, s);
                            Request.waitAll(r, s);
                        }
                    }
                    for (int i = 0; i < WORDS; i++) {
                        long v = got.getAtIndex(JAVA_LONG, i);
                        assertEquals(code(source, tag, round, k, i), v, "thread " + tag + " round " + round + " word " + i);
                        sum += v;
                    }
                }
            }
        }
        return sum;
    }

    /** The sum thread {@code tag} must receive: every word every peer sent it. */
    private static long expectedSum(int n, int me, int tag) {
        long sum = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 1; k <= Math.max(1, n - 1); k++) {
                for (int i = 0; i < WORDS; i++) {
                    sum += code((me - k + n) % n, tag, round, k, i);
                }
            }
        }
        return sum;
    }

    private static void exchangeOn(Thread.Builder threads, int count) throws Exception {
        Comm world = TestMpi.world();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int tag = t;
            tasks.add(() -> exchange(world, tag));
        }
        long[] sums = new long[count];
        runAll(threads, tasks, sums);
        for (int t = 0; t < count; t++) {
            assertEquals(expectedSum(world.size(), world.rank(), t), sums[t], "checksum of thread " + t);
        }
        long[] total = {0};
        for (long s : sums) {
            total[0] += s;
        }
        long[] all = {total[0]};
        world.allreduce(all, Op.SUM);
        long expected = 0;
        for (int r = 0; r < world.size(); r++) {
            for (int t = 0; t < count; t++) {
                expected += expectedSum(world.size(), r, t);
            }
        }
        assertEquals(expected, all[0], "checksum over every thread of every rank");
    }

    @MpiTest(timeoutSeconds = 180)
    void platformThreadsExchangeMessages() throws Exception {
        exchangeOn(Thread.ofPlatform().name("p2p-", 0), THREADS);
    }

    @MpiTest(timeoutSeconds = 180)
    void virtualThreadsExchangeMessages() throws Exception {
        exchangeOn(Thread.ofVirtual().name("vp2p-", 0), THREADS);
    }

    /** Many more virtual threads than carriers, whatever the machine: none may pin a carrier while it waits. */
    @MpiTest(timeoutSeconds = 180)
    void manyMoreVirtualThreadsThanCarriers() throws Exception {
        int carriers = java.lang.Runtime.getRuntime().availableProcessors();
        exchangeOn(Thread.ofVirtual().name("many-", 0), Math.min(64, Math.max(THREADS, 4 * carriers)));
    }

    /**
     * Thread t runs allreduce (Java arrays and native segments), bcast, allgather and
     * barrier on its own duplicate of the world; returns a checksum of what it computed.
     */
    private static void collectivesOn(Thread.Builder threads) throws Exception {
        Comm world = TestMpi.world();
        int n = world.size();
        Comm[] comms = new Comm[THREADS];
        for (int t = 0; t < THREADS; t++) {
            comms[t] = world.dup();
        }
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Comm c = comms[t];
                int thread = t;
                tasks.add(() -> {
                    long check = 0;
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment one = arena.allocate(JAVA_LONG);
                        MemorySegment all = arena.allocate(JAVA_LONG, n);
                        for (int round = 0; round < ROUNDS; round++) {
                            long[] v = {c.rank() + thread, round};
                            c.allreduce(v, Op.SUM);
                            assertEquals(n * (n - 1L) / 2 + (long) n * thread, v[0]);
                            assertEquals((long) n * round, v[1]);
                            one.set(JAVA_LONG, 0, c.rank() == round % n ? round * 100L + thread : -1);
                            c.bcast(one, Datatype.INT64, round % n);
                            assertEquals(round * 100L + thread, one.get(JAVA_LONG, 0));
                            one.set(JAVA_LONG, 0, c.rank() * 1000L + thread);
                            c.allgather(one, all, Datatype.INT64);
                            for (int r = 0; r < n; r++) {
                                assertEquals(r * 1000L + thread, all.getAtIndex(JAVA_LONG, r));
                            }
                            c.allreduce(all, Datatype.INT64, Op.MAX);
                            assertEquals((n - 1) * 1000L + thread, all.getAtIndex(JAVA_LONG, n - 1));
                            if (round % 10 == 0) {
                                c.barrier();
                            }
                            check += v[0] + v[1] + one.get(JAVA_LONG, 0);
                        }
                    }
                    return check;
                });
            }
            long[] checks = new long[THREADS];
            runAll(threads, tasks, checks);
            for (int t = 0; t < THREADS; t++) {
                long expected = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    expected += n * (n - 1L) / 2 + (long) n * t + (long) n * round + world.rank() * 1000L + t;
                }
                assertEquals(expected, checks[t], "checksum of thread " + t);
            }
        } finally {
            for (Comm c : comms) {
                c.close();
            }
        }
    }

    @MpiTest(timeoutSeconds = 180)
    void platformThreadsRunCollectives() throws Exception {
        collectivesOn(Thread.ofPlatform().name("coll-", 0));
    }

    @MpiTest(timeoutSeconds = 180)
    void virtualThreadsRunCollectives() throws Exception {
        collectivesOn(Thread.ofVirtual().name("vcoll-", 0));
    }

    /**
     * The remaining blocking forms on eight virtual threads, each on its own communicator:
     * sendrecvReplace and a matched probe on heap segments, waitAny and waitSome, reduce
     * and bcast of Java arrays, barrier. Returns per thread a checksum compared exactly.
     */
    @MpiTest(timeoutSeconds = 180)
    void virtualThreadsUseEveryBlockingForm() throws Exception {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        int next = (me + 1) % n;
        int prev = (me - 1 + n) % n;
        Comm[] comms = new Comm[THREADS];
        for (int t = 0; t < THREADS; t++) {
            comms[t] = world.dup();
        }
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Comm c = comms[t];
                int tag = t;
                tasks.add(() -> {
                    long check = 0;
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment a = arena.allocate(JAVA_LONG, 4);
                        MemorySegment b = arena.allocate(JAVA_LONG, 4);
                        for (int round = 0; round < ROUNDS / 2; round++) {
                            long[] ring = {me, tag, round, 7};
                            c.sendrecvReplace(MemorySegment.ofArray(ring), Datatype.INT64, next, tag, prev, tag);
                            assertEquals(prev, ring[0]);
                            assertEquals(round, ring[2]);

                            a.setAtIndex(JAVA_LONG, 0, me * 100L + round);
                            Request sent = c.isend(a, Datatype.INT64, next, tag);
                            Message m = c.mprobe(prev, tag);
                            long[] got = new long[4];
                            m.recv(MemorySegment.ofArray(got), Datatype.INT64);
                            assertEquals(prev * 100L + round, got[0]);
                            assertEquals(0, Request.waitAny(sent));

                            Request in = c.irecv(b, Datatype.INT64, prev, tag);
                            Request out = c.isend(a, Datatype.INT64, next, tag);
                            int done = 0;
                            while (done < 2) {
                                done += Request.waitSome(in, out).length;
                            }
                            assertEquals(prev * 100L + round, b.getAtIndex(JAVA_LONG, 0));

                            long[] mine = {me + 1, round};
                            long[] sum = new long[2];
                            int root = round % n;
                            c.reduce(MemorySegment.ofArray(mine), MemorySegment.ofArray(sum), Datatype.INT64, Op.SUM,
                                    root);
                            long[] shared = {c.rank() == root ? sum[0] : -1};
                            c.bcast(shared, root);
                            assertEquals(n * (n + 1L) / 2, shared[0]);
                            c.barrier();
                            check += ring[0] + got[0] + shared[0];
                        }
                    }
                    return check;
                });
            }
            long[] checks = new long[THREADS];
            runAll(Thread.ofVirtual().name("vall-", 0), tasks, checks);
            for (int t = 0; t < THREADS; t++) {
                long expected = 0;
                for (int round = 0; round < ROUNDS / 2; round++) {
                    expected += prev + prev * 100L + round + n * (n + 1L) / 2;
                }
                assertEquals(expected, checks[t], "checksum of thread " + t);
            }
        } finally {
            for (Comm c : comms) {
                c.close();
            }
        }
    }

    /** Virtual threads duplicate communicators (MPI_Comm_idup, polled) and reduce into Java arrays on them. */
    @MpiTest(timeoutSeconds = 120)
    void virtualThreadCreatesCommunicators() throws Exception {
        Comm world = TestMpi.world();
        long[] result = new long[1];
        runAll(Thread.ofVirtual(), List.of(() -> {
            try (Comm c = world.dup()) {
                long[] v = {c.rank() + 1};
                c.allreduce(v, Op.SUM);
                return v[0];
            }
        }), result);
        int n = world.size();
        assertEquals(n * (n + 1L) / 2, result[0]);
    }
}
