package org.jmpi;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiKind;
import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A thread blocked in a call on a Java array must not keep the JVM from a safepoint (at
 * {@link ThreadLevel#MULTIPLE}): while thread A waits in {@code recv(int[])}, a large
 * {@code send(byte[])}, {@code bcast}, {@code allreduce} or a collective file read,
 * thread B allocates 1 GiB of short-lived {@code byte[8192]} (several young collections)
 * and only then makes the call that lets A return. Were A's call pinned (a critical
 * downcall), the collection would wait for A, B for the collection, and the rank would
 * hang: the test timeout turns that into a failure. A is a platform thread, then a
 * virtual one. {@link #gcPausesStayShortWhileRecvWaits} measures the pause itself: each
 * {@code System.gc()}, and the time to reach each safepoint, while A waits 2 s in a receive.
 */
class ArraySafepointTest {
    private static final long CHURN_BYTES = 1L << 30;
    private static final int TIMEOUT = 120;
    private static volatile byte[] sink;

    /** Allocates {@link #CHURN_BYTES} in short-lived 8 KiB arrays; returns how many collections ran meanwhile. */
    static long churn() {
        long before = collections();
        for (long n = 0; n < CHURN_BYTES; n += 8192) {
            byte[] b = new byte[8192];
            b[(int) (n >>> 13) & 8191] = 1;
            if ((n & ((1 << 24) - 1)) == 0) {
                sink = b;
            }
        }
        return collections() - before;
    }

    static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** A thread running a body that may throw; {@link #join} rethrows what it threw. */
    record Started(Thread thread, AtomicReference<Throwable> failure) {
        /** Starts {@code body} on a new virtual or platform thread. */
        static Started start(boolean virtual, ThrowingRunnable body) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable r = () -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            };
            return new Started(virtual ? Thread.ofVirtual().start(r) : Thread.ofPlatform().start(r), failure);
        }

        /** Waits for the thread; rethrows what its body threw. */
        void join() throws InterruptedException {
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError(thread + " failed", failure.get());
            }
        }
    }

    /**
     * Runs {@code blocked} on thread A (virtual or platform), lets it block, allocates on
     * this thread, then runs {@code release}, which lets A return; rethrows what A threw.
     */
    static void whileBlocked(boolean virtual, ThrowingRunnable blocked, ThrowingRunnable release) throws Exception {
        Started a = Started.start(virtual, blocked);
        Thread.sleep(200);
        long gcs = churn();
        release.run();
        a.join();
        assertTrue(gcs > 0, "allocating 1 GiB ran no collection");
    }

    /**
     * Runs {@code body} on a new virtual or platform thread and waits for it: a collective
     * runs on the same kind of thread on every rank, since on a virtual thread jmpi polls
     * the nonblocking form, which MPI does not match with the blocking one.
     */
    static void on(boolean virtual, ThrowingRunnable body) throws Exception {
        Started.start(virtual, body).join();
    }

    /**
     * Skips a receive from the own rank released by another thread under MPICH at np=1:
     * MPICH 4.0.2 never completes it there, with native segments as well (at np=2 it does).
     */
    static void assumeSelfMessagesAcrossThreads(Comm world) {
        assumeFalse(Abi.KIND == MpiKind.MPICH && world.size() == 1, "MPICH 4.0.2 at np=1 does not complete a"
                + " receive from the own rank when another thread sends (native segments neither)");
    }

    /** A body that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @MpiTest(np = {1, 2}, timeoutSeconds = TIMEOUT)
    void recvFromOwnRankWhileAnotherThreadAllocates() throws Exception {
        Comm world = TestMpi.world();
        assumeSelfMessagesAcrossThreads(world);
        int me = world.rank();
        for (boolean virtual : new boolean[] {false, true}) {
            int[] got = new int[16];
            int[] sent = new int[16];
            Arrays.setAll(sent, i -> me * 100 + i);
            whileBlocked(virtual, () -> world.recv(got, me, 7), () -> world.send(sent, me, 7));
            assertArrayEquals(sent, got);
        }
        world.barrier();
    }

    @MpiTest(np = {1, 2}, timeoutSeconds = TIMEOUT)
    void largeSendToOwnRankWhileAnotherThreadAllocates() throws Exception {
        Comm world = TestMpi.world();
        int me = world.rank();
        for (boolean virtual : new boolean[] {false, true}) {
            byte[] sent = new byte[1 << 20];
            byte[] got = new byte[1 << 20];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = (byte) (i * 31 + me);
            }
            // 1 MiB is a rendezvous size under both MPIs: the send waits for the receive.
            whileBlocked(virtual, () -> world.send(sent, me, 8), () -> world.recv(got, me, 8));
            assertArrayEquals(sent, got);
        }
        world.barrier();
    }

    @MpiTest(np = 2, timeoutSeconds = TIMEOUT)
    void bcastWaitingForTheRootWhileAnotherThreadAllocates() throws Exception {
        Comm world = TestMpi.world();
        byte[] go = new byte[1];
        for (boolean virtual : new boolean[] {false, true}) {
            long[] buf = new long[1000];
            if (world.rank() == 0) {
                // the root (rank 1) starts its bcast only after rank 0 has allocated
                whileBlocked(virtual, () -> world.bcast(buf, 1), () -> world.send(go, 1, 9));
                for (int i = 0; i < buf.length; i++) {
                    assertEquals(i * 3L, buf[i]);
                }
            } else {
                world.recv(go, 0, 9);
                Arrays.setAll(buf, i -> i * 3L);
                on(virtual, () -> world.bcast(buf, 1));
            }
        }
        world.barrier();
    }

    @MpiTest(np = 2, timeoutSeconds = TIMEOUT)
    void allreduceWaitingForAPeerWhileAnotherThreadAllocates() throws Exception {
        Comm world = TestMpi.world();
        byte[] go = new byte[1];
        for (boolean virtual : new boolean[] {false, true}) {
            double[] send = new double[1 << 17];
            double[] recv = new double[send.length];
            Arrays.setAll(send, i -> i + world.rank());
            if (world.rank() == 0) {
                whileBlocked(virtual, () -> world.allreduce(send, recv, Op.SUM), () -> world.send(go, 1, 10));
            } else {
                world.recv(go, 0, 10);
                on(virtual, () -> world.allreduce(send, recv, Op.SUM));
            }
            for (int i = 0; i < recv.length; i++) {
                assertEquals(2.0 * i + 1, recv[i], "element " + i);
            }
        }
        world.barrier();
    }

    @MpiTest(np = 2, timeoutSeconds = TIMEOUT)
    void collectiveFileReadWaitingForAPeerWhileAnotherThreadAllocates() throws Exception {
        Comm world = TestMpi.world();
        int n = 1 << 16;
        byte[] go = new byte[1];
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("safepoint.dat");
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE)) {
                int[] mine = new int[n];
                Arrays.setAll(mine, i -> world.rank() * n + i);
                f.writeAtAll((long) world.rank() * n * 4, mine);
                f.sync();
                for (boolean virtual : new boolean[] {false, true}) {
                    int peer = 1 - world.rank();
                    int[] got = new int[n];
                    long at = (long) peer * n * 4;
                    if (world.rank() == 0) {
                        whileBlocked(virtual, () -> f.readAtAll(at, got), () -> world.send(go, 1, 11));
                    } else {
                        world.recv(go, 0, 11);
                        on(virtual, () -> f.readAtAll(at, got));
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(peer * n + i, got[i], "int " + i);
                    }
                }
            }
        }
    }

    /**
     * While thread A waits 2 s in {@code recv(int[])} (for its neighbour's send, which
     * comes after that neighbour's own 2 s of collections), this thread calls
     * {@code System.gc()} over and over, with JFR recording how long each safepoint took
     * to reach ({@code jdk.SafepointStateSynchronization}). A pinned receive would hold
     * every collection until it returned (here: forever, as the neighbour does the same).
     * The bounds are generous, for a loaded 2-core machine on which A's MPI spins: they
     * bound a pause, they are no speed assertion.
     */
    @MpiTest(np = {1, 2}, timeoutSeconds = TIMEOUT)
    void gcPausesStayShortWhileRecvWaits() throws Exception {
        Comm world = TestMpi.world();
        assumeSelfMessagesAcrossThreads(world);
        int next = (world.rank() + 1) % world.size();
        int prev = (world.rank() - 1 + world.size()) % world.size();
        for (boolean virtual : new boolean[] {false, true}) {
            int[] got = new int[256];
            int[] sent = new int[256];
            Arrays.fill(sent, world.rank());
            Started a = Started.start(virtual, () -> world.recv(got, prev, 12));
            GcPauses pauses = GcPauses.during(2_000);
            world.send(sent, next, 12);
            a.join();
            Arrays.fill(sent, prev);
            assertArrayEquals(sent, got);
            pauses.check((virtual ? "a virtual" : "a platform") + " thread waited in recv(int[])");
        }
        world.barrier();
    }

    /**
     * The longest {@code System.gc()} and the longest time to reach a safepoint (JFR's
     * {@code jdk.SafepointStateSynchronization}) while this thread collected garbage.
     */
    record GcPauses(long longestGcNanos, long longestToSafepointNanos, int safepoints) {
        /** Bound on one {@code System.gc()}: a pinned call would hold it for the whole wait (2 s). */
        static final long GC_BOUND = 1_500_000_000L;
        /** Bound on reaching a safepoint: about 1 ms when nothing pins a thread; generous for load. */
        static final long SAFEPOINT_BOUND = 200_000_000L;

        /** Calls {@code System.gc()} for about {@code millis} ms under a JFR recording. */
        static GcPauses during(long millis) throws IOException {
            Path file = Files.createTempFile("jmpi-safepoints", ".jfr");
            try (Recording r = new Recording()) {
                r.enable("jdk.SafepointStateSynchronization").withThreshold(Duration.ZERO);
                r.start();
                long end = System.nanoTime() + millis * 1_000_000;
                long longest = 0;
                do {
                    long t0 = System.nanoTime();
                    System.gc();
                    longest = Math.max(longest, System.nanoTime() - t0);
                } while (System.nanoTime() < end);
                r.stop();
                r.dump(file);
                long toSafepoint = 0;
                int n = 0;
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    toSafepoint = Math.max(toSafepoint, e.getDuration().toNanos());
                    n++;
                }
                return new GcPauses(longest, toSafepoint, n);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        /** Prints the figures and checks them against the bounds. */
        void check(String what) {
            String figures = "longest System.gc() " + longestGcNanos / 1_000 + " us, longest time to safepoint "
                    + longestToSafepointNanos / 1_000 + " us over " + safepoints + " safepoints while " + what;
            System.out.println("safepoints: " + figures);
            assertTrue(safepoints > 0, "JFR recorded no safepoint: " + figures);
            assertTrue(longestToSafepointNanos < SAFEPOINT_BOUND, figures);
            assertTrue(longestGcNanos < GC_BOUND, figures);
        }
    }
}
