package mpi;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment: lifecycle, versions, clocks, the predefined communicators and constants. */
class EnvironmentTest {

    @MpiTest
    void worldAndSelfMatchTheJob() throws MPIException {
        Intracomm world = TestEnv.world();
        assertTrue(MPI.isInitialized());
        assertFalse(MPI.isFinalized());
        assertEquals(Ranks.size(), world.getSize());
        assertEquals(Ranks.rank(), world.getRank());
        assertEquals(1, MPI.COMM_SELF.getSize());
        assertEquals(0, MPI.COMM_SELF.getRank());
        assertEquals(MPI.ERRORS_ARE_FATAL, world.getErrhandler());
        assertFalse(world.isNull());
        assertFalse(world.isInter());
        assertEquals(MPI.UNDEFINED, world.getTopology());
    }

    @MpiTest
    void secondInitIsRefused() throws MPIException {
        TestEnv.world();
        MPIException e = org.junit.jupiter.api.Assertions.assertThrows(MPIException.class,
                () -> MPI.Init(new String[] {"a"}));
        assertTrue(e.getMessage().contains("already initialized"), e.getMessage());
        assertEquals(MPI.THREAD_MULTIPLE, MPI.queryThread());
    }

    @MpiTest
    void versionsClocksAndNames() throws MPIException {
        TestEnv.world();
        Version v = MPI.getVersion();
        assertEquals(MPI.VERSION, v.getVersion());
        assertEquals(MPI.SUBVERSION, v.getSubVersion());
        assertTrue(v.getVersion() >= 3);
        String lib = MPI.getLibVersion();
        assertTrue(lib.contains("Open MPI") || lib.contains("MPICH"), lib);
        double t0 = MPI.wtime();
        double t1 = MPI.wtime();
        assertTrue(t1 >= t0);
        assertTrue(MPI.wtick() > 0 && MPI.wtick() < 1);
        assertFalse(MPI.getProcessorName().isEmpty());
        assertEquals("MPI_COMM_WORLD", MPI.COMM_WORLD.getName());
    }

    @MpiTest
    void constantsHaveTheValuesOfTheRunningMpi() throws MPIException {
        TestEnv.world();
        if (TestEnv.mpich()) {
            assertEquals(-2, MPI.ANY_SOURCE);
            assertEquals(-1, MPI.PROC_NULL);
            assertEquals(-3, MPI.ROOT);
            assertEquals(48, MPI.ERR_KEYVAL);
            assertEquals(19, MPI.ERR_REQUEST);
        } else {
            assertEquals(-1, MPI.ANY_SOURCE);
            assertEquals(-2, MPI.PROC_NULL);
            assertEquals(-4, MPI.ROOT);
            assertEquals(36, MPI.ERR_KEYVAL);
            assertEquals(7, MPI.ERR_REQUEST);
        }
        assertEquals(-1, MPI.ANY_TAG);
        assertEquals(0, MPI.SUCCESS);
        int[] classes = {MPI.ERR_BUFFER, MPI.ERR_COUNT, MPI.ERR_TYPE, MPI.ERR_TAG, MPI.ERR_COMM, MPI.ERR_RANK,
            MPI.ERR_ROOT, MPI.ERR_GROUP, MPI.ERR_OP, MPI.ERR_ARG, MPI.ERR_TRUNCATE, MPI.ERR_OTHER};
        assertEquals(classes.length, java.util.Arrays.stream(classes).distinct().count());
        assertTrue(java.util.Arrays.stream(classes).allMatch(c -> c > 0 && c <= MPI.ERR_LASTCODE));
        assertArrayEquals(new int[] {0, 1, 2, 3},
                new int[] {MPI.THREAD_SINGLE, MPI.THREAD_FUNNELED, MPI.THREAD_SERIALIZED, MPI.THREAD_MULTIPLE});
        assertNotEquals(MPI.IDENT, MPI.UNEQUAL);
        assertTrue(MPI.MAX_OBJECT_NAME > 0 && MPI.MAX_PORT_NAME > 0 && MPI.BSEND_OVERHEAD >= 0);
        assertNotEquals(MPI.MODE_RDONLY, MPI.MODE_RDWR);
        assertEquals(MPI.TAG_UB, new Constant().TAG_UB);
    }

    @MpiTest
    void predefinedAttributes() throws MPIException {
        Intracomm world = TestEnv.world();
        Object ub = world.getAttr(MPI.TAG_UB);
        assertTrue(ub instanceof Integer i && i >= 32767, String.valueOf(ub));
        assertTrue(world.getAttr(MPI.WTIME_IS_GLOBAL) instanceof Boolean);
        assertTrue((Integer) world.getAttr(MPI.LASTUSEDCODE) >= MPI.ERR_LASTCODE);
        assertNotNull(world.getAttr(MPI.IO));
    }

    @MpiTest
    void buffersAreDirectAndNative() {
        java.nio.IntBuffer ints = MPI.newIntBuffer(6);
        assertTrue(ints.isDirect());
        assertEquals(6, ints.capacity());
        assertEquals(java.nio.ByteOrder.nativeOrder(), ints.order());
        ints.put(4, 44);
        java.nio.IntBuffer tail = MPI.slice(ints, 4);
        assertEquals(2, tail.capacity());
        assertEquals(44, tail.get(0));
        assertEquals(java.nio.ByteOrder.nativeOrder(), MPI.newByteBuffer(3).order());
        assertEquals(7, MPI.slice(new double[] {1, 2, 7}, 2).get(0));
    }

    @MpiTest
    void bufferedSendsThroughAnAttachedBuffer() throws MPIException {
        Intracomm world = TestEnv.world();
        int size = 4 * Integer.BYTES + MPI.BSEND_OVERHEAD;
        byte[] space = new byte[size * 4];
        MPI.attachBuffer(space);
        int next = (world.getRank() + 1) % world.getSize();
        int prev = (world.getRank() - 1 + world.getSize()) % world.getSize();
        world.bSend(new int[] {1, 2, 3, world.getRank()}, 4, MPI.INT, next, 5);
        int[] got = new int[4];
        world.recv(got, 4, MPI.INT, prev, 5);
        assertArrayEquals(new int[] {1, 2, 3, prev}, got);
        org.junit.jupiter.api.Assertions.assertSame(space, MPI.detachBuffer());
    }
}
