package org.jmpi;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MPI environment and the world communicator, on 1, 2 and 4 ranks. */
class EnvironmentTest {

    @MpiTest
    void worldMatchesTheLauncher() {
        Comm world = TestMpi.world();
        assertEquals(Ranks.size(), world.size());
        assertEquals(Ranks.rank(), world.rank());
        assertEquals("MPI_COMM_WORLD", world.name());
        assertTrue(world.isPredefined());
    }

    @MpiTest
    void selfHasOneRank() {
        Comm self = TestMpi.mpi().self();
        assertEquals(1, self.size());
        assertEquals(0, self.rank());
        assertEquals("MPI_COMM_SELF", self.name());
    }

    @MpiTest
    void initializedAndThreadLevel() {
        Mpi mpi = TestMpi.mpi();
        assertTrue(Mpi.isInitialized());
        assertFalse(Mpi.isFinalized());
        assertEquals(ThreadLevel.MULTIPLE, mpi.threadLevel());
        IllegalStateException again = assertThrows(IllegalStateException.class, Mpi::init);
        assertTrue(again.getMessage().contains("already initialized"), again.getMessage());
    }

    /** MPI_Query_thread and MPI_Is_thread_main, asked from the main thread and from others. */
    @MpiTest
    void threadLevelAndMainThreadComeFromMpi() throws Exception {
        Mpi mpi = TestMpi.mpi();
        assertEquals(ThreadLevel.MULTIPLE, Mpi.queryThread());
        assertEquals(mpi.threadLevel(), Mpi.queryThread());
        assertEquals(Thread.currentThread() == TestMpi.initThread(), Mpi.isThreadMain());
        boolean[] other = {true};
        ThreadLevel[] level = new ThreadLevel[1];
        Thread t = Thread.ofPlatform().start(() -> {
            other[0] = Mpi.isThreadMain();
            level[0] = Mpi.queryThread();
        });
        t.join();
        assertFalse(other[0], "a thread started here is not the one that initialized MPI");
        assertEquals(ThreadLevel.MULTIPLE, level[0]);
    }

    @MpiTest
    void environmentQueries() {
        Mpi mpi = TestMpi.mpi();
        assertFalse(mpi.processorName().isBlank());
        assertTrue(Mpi.libraryVersion().startsWith(TestMpi.mpich() ? "MPICH Version:\t4." : "Open MPI v4."),
                Mpi.libraryVersion());
        assertTrue(Mpi.wtick() > 0 && Mpi.wtick() < 1);
        double t0 = Mpi.wtime();
        double t1 = Mpi.wtime();
        assertTrue(t1 >= t0);
    }

    /**
     * Every rank leaves a marker, the last one after a delay, and checks all markers
     * after the barrier: a barrier that did not wait for the late rank would miss its marker.
     */
    @MpiTest
    void barrierWaitsForEveryRank() throws Exception {
        Comm world = TestMpi.world();
        Path dir = Path.of(System.getProperty("jmpi.harness.dir"), "barrier-" + world.size());
        Files.createDirectories(dir);
        if (world.rank() == world.size() - 1) {
            Thread.sleep(300);
        }
        Files.writeString(dir.resolve("rank-" + world.rank()), "here");
        world.barrier();
        for (int r = 0; r < world.size(); r++) {
            assertTrue(Files.exists(dir.resolve("rank-" + r)), "rank " + r + " passed the barrier late");
        }
        world.barrier();
    }

    @MpiTest(np = 2)
    void closingThePredefinedCommunicatorsKeepsThem() {
        Comm world = TestMpi.world();
        world.close();
        world.barrier();
        assertSame(world, TestMpi.world());
        assertEquals(2, world.size());
    }

}
