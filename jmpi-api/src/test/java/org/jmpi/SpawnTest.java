package org.jmpi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spawning processes from the job's ranks: Java children ({@link SpawnChild}), the C
 * child ({@code src/main/c/spawn_child.c}, built by {@code native-scripts/build-c}), both
 * at once, and a program that is not an MPI program. Each MPI child follows one protocol
 * (see {@link SpawnChild}) whose replies the parents check.
 *
 * <p>Open MPI 4.1's spawn hangs now and then inside {@code MPI_Comm_spawn} itself (open-mpi/ompi
 * issues 8958 and 9713), so the spawning methods get one more job when they time out ({@link
 * MpiTest#retriesOnTimeout()}); a wrong reply still fails at once.
 */
class SpawnTest {
    private static final int TOKEN = 4242;

    /** Builds the C child, once, in the JVM that launches the jobs. */
    @BeforeAll
    static void buildCChild() throws IOException, InterruptedException {
        if (!Ranks.inRank()) {
            CPrograms.path(MpiLauncher.OPENMPI, "jmpi-api", "spawn_child");
        }
    }

    /** The C child, which the launching JVM built. */
    private static Path cChild() {
        return CPrograms.located(MpiLauncher.OPENMPI, "jmpi-api", "spawn_child");
    }

    /**
     * The parents' side of the protocol with {@code children}, whose child i was given
     * integer arguments adding up to {@code argSums[i]}; disconnects them.
     */
    private static void talk(Comm world, Comm children, int... argSums) {
        int n = world.size();
        int kids = argSums.length;
        assertTrue(children.isInter());
        assertEquals(kids, children.remoteSize());
        assertEquals(n, children.size());
        assertEquals(world.rank(), children.rank());
        children.bcast(new int[] {TOKEN}, world.rank() == 0 ? Comm.ROOT : Comm.PROC_NULL);
        if (world.rank() == 0) {
            for (int i = 0; i < kids; i++) {
                children.send(new int[] {1000 + i}, i, 1);
            }
        }
        int[] theirs = new int[1];
        children.allreduce(new int[] {world.rank() + 1}, theirs, Op.SUM);
        assertEquals(10 * kids * (kids + 1) / 2, theirs[0]);
        if (world.rank() == 0) {
            for (int i = 0; i < kids; i++) {
                int[] reply = new int[5];
                children.recv(reply, i, 2);
                assertArrayEquals(new int[] {1000 + i + TOKEN + argSums[i], i, kids, n, n * (n + 1) / 2}, reply,
                        "reply of child " + i);
            }
        }
        children.disconnect();
    }

    @MpiTest(timeoutSeconds = 180, retriesOnTimeout = 1)
    void spawnJavaChildren() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoSpawnOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        assertTrue(Comm.parent().isEmpty(), "the job's ranks have no parent");
        Spawned s = world.spawn(SpawnCommand.java(SpawnChild.class.getName(), 2, "3", "4"), 0);
        assertArrayEquals(world.rank() == 0 ? new int[2] : new int[0], s.errorCodes());
        talk(world, s.intercomm(), 7, 7);
    }

    @MpiTest(timeoutSeconds = 120, retriesOnTimeout = 1)
    void spawnCProgram() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoSpawnOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        Spawned s = world.spawn(SpawnCommand.of(cChild().toString(), 3, "30", "12"), 0);
        talk(world, s.intercomm(), 42, 42, 42);
    }

    @MpiTest(timeoutSeconds = 180, retriesOnTimeout = 1)
    void spawnMultipleJavaAndC() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoSpawnOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        int root = world.size() - 1;
        List<SpawnCommand> commands = world.rank() == root
                ? List.of(SpawnCommand.java(SpawnChild.class.getName(), 1, "5"),
                        SpawnCommand.of(cChild().toString(), 2, "9"))
                : null;
        Spawned s = world.spawnMultiple(commands, root);
        assertEquals(world.rank() == root ? 3 : 0, s.errorCodes().length);
        talk(world, s.intercomm(), 5, 9, 9);
    }

    @MpiTest(timeoutSeconds = 120, retriesOnTimeout = 1)
    void spawnProgramThatIsNotMpi() throws Exception {
        if (TestMpi.mpich()) {
            TestMpi.assertNoSpawnOnMpich();
            return;
        }
        Comm self = TestMpi.mpi().self();
        Path out = Files.createTempFile("jmpi-spawned-", ".txt");
        try {
            Files.delete(out);
            SpawnCommand sh = SpawnCommand.of("/bin/sh", 1, "-c", "echo spawned $0 > " + out + ".tmp && mv "
                    + out + ".tmp " + out, "rank" + TestMpi.world().rank())
                    .withInfo(Map.of("ompi_non_mpi", "true"));
            assertTrue(sh.nonMpi());
            Spawned s = self.spawn(sh, 0);
            assertNull(s.intercomm(), "a program that is not an MPI program has no intercommunicator");
            assertArrayEquals(new int[1], s.errorCodes());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(out) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("spawned rank" + TestMpi.world().rank(), Files.readString(out).strip());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @MpiTest
    void refusedOnEveryRank() {
        Comm world = TestMpi.world();
        int n = world.size();
        Checks.fails(IllegalArgumentException.class, "root: rank " + n,
                () -> world.spawn(SpawnCommand.of("/bin/true", 1), n));
        String missing = world.rank() == 0 ? "command: /nonexistent/jmpi-child is not an executable file"
                : "spawn: refused by the root (rank 0): command: /nonexistent";
        Checks.fails(IllegalArgumentException.class, missing,
                () -> world.spawn(SpawnCommand.of("/nonexistent/jmpi-child", 2), 0));
        Checks.fails(IllegalArgumentException.class, "the root must name at least one command",
                () -> world.spawn(null, 0));
        Checks.fails(IllegalArgumentException.class, "commands[1]: ompi_non_mpi must be set on all",
                () -> world.spawnMultiple(List.of(SpawnCommand.of("/bin/true", 1),
                        SpawnCommand.of("/bin/true", 1).withInfo(Map.of("ompi_non_mpi", "1"))), 0));
        if (n > 1) {
            Checks.fails(IllegalArgumentException.class, "only from a communicator of one process, not of " + n,
                    () -> world.spawn(SpawnCommand.of("/bin/true", 1).withInfo(Map.of("ompi_non_mpi", "yes")), 0));
        }
        world.barrier();
        assertFalse(world.isInter(), "world is still usable");
        Checks.fails(IllegalStateException.class, "predefined", world::disconnect);
    }

    @MpiTest(np = 1)
    void commandChecks() {
        TestMpi.mpi();
        Checks.fails(IllegalArgumentException.class, "maxprocs: must be at least 1", () -> SpawnCommand.of("x", 0));
        Checks.fails(NullPointerException.class, "args[1]",
                () -> new SpawnCommand("x", java.util.Arrays.asList("a", null), 1, Map.of()));
        Checks.fails(IllegalArgumentException.class, "args[0]: holds a NUL", () -> SpawnCommand.of("x", 1, "a\0b"));
        SpawnCommand java = SpawnCommand.java(List.of("-Xmx64m"), "a.B", 2, List.of("x"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), java.command());
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "a.B", "x"), java.args());
        assertFalse(java.nonMpi());
    }
}
