package org.jmpi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a process may ask before MPI_Init (no mpirun needed), and what it may not. */
class BeforeInitTest {

    @Test
    void queriesAllowedBeforeInit() {
        assertFalse(Mpi.isInitialized());
        assertFalse(Mpi.isFinalized());
        assertArrayEquals(new int[] {3, 1}, Mpi.version());
        assertTrue(Mpi.libraryVersion().contains("Open MPI"));
    }

    @Test
    void threadQueriesNeedMpi() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Mpi::isThreadMain);
        assertTrue(e.getMessage().contains("not initialized"), e.getMessage());
        assertThrows(IllegalStateException.class, Mpi::queryThread);
    }

    @Test
    void threadLevelsMapToOpenMpiConstants() {
        assertTrue(ThreadLevel.SINGLE.value() < ThreadLevel.FUNNELED.value());
        assertTrue(ThreadLevel.SERIALIZED.value() < ThreadLevel.MULTIPLE.value());
        for (ThreadLevel l : ThreadLevel.values()) {
            assertTrue(ThreadLevel.of(l.value()) == l);
        }
        assertThrows(IllegalArgumentException.class, () -> ThreadLevel.of(42));
        assertThrows(NullPointerException.class, () -> Mpi.init(null));
    }
}
