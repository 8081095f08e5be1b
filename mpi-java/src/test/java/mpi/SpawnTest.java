package mpi;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spawning Java children that use the {@code mpi} API ({@link SpawnedChild}); the
 * {@code java} command gets the class path and native access on its own. MPICH 4.0.2 over
 * ch4:ucx cannot spawn: there every rank gets the error, and the world stays usable.
 */
class SpawnTest {

    @MpiTest(timeoutSeconds = 180)
    void spawnJavaChildren() throws MPIException {
        Intracomm world = TestEnv.world();
        if (TestEnv.mpich()) {
            Intracomm c = TestEnv.returning();
            MPIException e = assertThrows(MPIException.class, () -> c.spawn("java",
                    new String[] {SpawnedChild.class.getName(), "1"}, 1, MPI.INFO_NULL, 0, null));
            assertTrue(e.getMessage().contains("spawn"), e.getMessage());
            c.free();
            world.barrier();
            return;
        }
        int[] errcodes = new int[2];
        Intercomm kids = world.spawn("java", new String[] {SpawnedChild.class.getName(), "5"}, 2, MPI.INFO_NULL, 0,
                errcodes);
        assertArrayEquals(new int[] {MPI.SUCCESS, MPI.SUCCESS}, errcodes);
        assertTrue(kids.isInter());
        assertEquals(2, kids.getRemoteSize());
        kids.bcast(new int[] {100}, 1, MPI.INT, world.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL);
        if (world.getRank() == 0) {
            for (int k = 0; k < 2; k++) {
                int[] reply = new int[3];
                Status s = kids.recv(reply, 3, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                assertArrayEquals(new int[] {105, s.getSource(), 2}, reply);
                assertEquals(s.getSource(), s.getTag());
            }
        }
        kids.disconnect();
        assertTrue(kids.isNull());
    }
}
