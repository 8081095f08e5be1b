package org.jmpi.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.bindings.ompi.OmpiLibrary;
import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucs.UcxLibrary;
import org.jmpi.bindings.ucx.ucp_h;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the real libmpi and libucp and calls what may be called before MPI_Init. */
class BindingsLoadTest {

    @Test
    void mpiVersionIsThreeOneAndHandlesResolve() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT, 2);
            assertEquals(0, mpi_h.MPI_Get_version(v, v.asSlice(4)));
            assertEquals(3, v.get(JAVA_INT, 0));
            assertEquals(1, v.get(JAVA_INT, 4));
        }
        assertNotEquals(0, OmpiHandles.COMM_WORLD.address());
        assertNotEquals(OmpiHandles.COMM_WORLD.address(), OmpiHandles.COMM_SELF.address());
        assertNotEquals(OmpiHandles.INT.address(), OmpiHandles.DOUBLE.address());
        assertEquals(OmpiHandles.symbol("ompi_mpi_op_sum").address(), OmpiHandles.SUM.address());
    }

    @Test
    void libmpiIsInTheGlobalScope() {
        OmpiLibrary.load();
        // RTLD_NOLOAD succeeds only for a library already loaded.
        assertNotEquals(0, NativeEnv.dlopen("libmpi.so.40", NativeEnv.RTLD_NOW | NativeEnv.RTLD_NOLOAD).address());
        // MCA plugins resolve libmpi's symbols through the global scope.
        assertTrue(NativeEnv.isGlobalSymbol("ompi_mpi_comm_world"));
        assertFalse(NativeEnv.isGlobalSymbol("no_such_symbol_in_any_library"));
    }

    @Test
    void ucxLoadsWithoutItsSignalHandlers() {
        UcxLibrary.load();
        assertEquals("", NativeEnv.getenv("UCX_ERROR_SIGNALS"));
        assertEquals("no", NativeEnv.getenv("UCX_MEM_MALLOC_HOOKS"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT, 3);
            ucp_h.ucp_get_version(v, v.asSlice(4), v.asSlice(8));
            assertEquals(1, v.get(JAVA_INT, 0));
            assertTrue(v.get(JAVA_INT, 4) >= 13, "UCX 1.13 or newer");
        }
    }

    @Test
    void ucsPointerStatusFollowsTheMacros() {
        assertFalse(UcsStatus.isErr(MemorySegment.NULL));
        assertFalse(UcsStatus.isPtr(MemorySegment.NULL));
        assertEquals(0, UcsStatus.status(MemorySegment.NULL));
        MemorySegment noMemory = MemorySegment.ofAddress(ucp_h.UCS_ERR_NO_MEMORY());
        assertTrue(UcsStatus.isErr(noMemory));
        assertEquals(ucp_h.UCS_ERR_NO_MEMORY(), UcsStatus.status(noMemory));
        MemorySegment request = MemorySegment.ofAddress(0x7f00_0000_1000L);
        assertTrue(UcsStatus.isPtr(request));
        assertEquals(ucp_h.UCS_INPROGRESS(), UcsStatus.status(request));
        assertEquals("Out of memory", UcsStatus.message((byte) ucp_h.UCS_ERR_NO_MEMORY()));
    }
}
