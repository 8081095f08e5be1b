package org.jmpi;

import java.util.Arrays;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ArraySafepointTest} at {@link ThreadLevel#SERIALIZED} (this class runs in its
 * own job): only one thread is in MPI at a time, so the waiting thread's release comes
 * from the other rank, and the thread that collects garbage meanwhile makes no MPI call.
 */
class ArraySafepointSerializedTest {
    private static Mpi mpi;

    private static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.SERIALIZED);
            Ranks.atEnd(mpi::close);
        }
        return mpi;
    }

    /**
     * Rank 0's thread A waits 2 s in {@code recv(int[])} for rank 1, which sends after
     * 2 s; meanwhile rank 0's main thread calls {@code System.gc()} over and over and then
     * allocates 1 GiB: no collection may wait for A.
     */
    @MpiTest(np = 2, timeoutSeconds = 120)
    void gcPausesStayShortWhileRecvWaitsForAPeer() throws Exception {
        Comm world = mpi().world();
        for (boolean virtual : new boolean[] {false, true}) {
            int[] sent = new int[4096];
            Arrays.setAll(sent, i -> i * 7);
            if (world.rank() == 0) {
                int[] got = new int[sent.length];
                ArraySafepointTest.Started a = ArraySafepointTest.Started.start(virtual, () -> world.recv(got, 1, 13));
                ArraySafepointTest.GcPauses pauses = ArraySafepointTest.GcPauses.during(1_500);
                long gcs = ArraySafepointTest.churn();
                a.join();
                assertArrayEquals(sent, got);
                assertTrue(gcs > 0, "allocating 1 GiB ran no collection");
                pauses.check((virtual ? "a virtual" : "a platform") + " thread waited in recv(int[]) at SERIALIZED");
            } else {
                Thread.sleep(2_000);
                world.send(sent, 0, 13);
            }
            world.barrier();
        }
    }
}
