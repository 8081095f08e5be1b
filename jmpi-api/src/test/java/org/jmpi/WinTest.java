package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Optional;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Window creation flavors and their attributes, and the life cycle of a window. */
class WinTest {

    /** Every rank's window sizes and units as gathered at creation, checked against what each rank asked for. */
    private static void gatheredSizes(Win win, Comm comm, long perRank, int unit) {
        for (int r = 0; r < comm.size(); r++) {
            assertEquals(perRank * (r + 1), win.targetSize(r), "size of rank " + r);
            assertEquals(unit, win.targetDispUnit(r), "unit of rank " + r);
        }
    }

    @MpiTest(np = {2, 4})
    void createExposesTheCallersSegment() {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mem = arena.allocate(JAVA_INT, 4L * (world.rank() + 1));
            try (Win win = Win.create(world, mem, Integer.BYTES)) {
                assertEquals(WinFlavor.CREATE, win.flavor());
                assertEquals(mem.address(), win.base());
                assertEquals(mem.byteSize(), win.size());
                assertEquals(Integer.BYTES, win.dispUnit());
                assertEquals(MemoryModel.UNIFIED, win.model(), "Open MPI's osc/rdma reports the unified model");
                assertSame(mem, win.memory());
                gatheredSizes(win, world, 16, Integer.BYTES);
                try (Group g = win.group()) {
                    assertEquals(world.size(), g.size());
                    assertEquals(world.rank(), g.rank());
                }
                assertTrue(win.toString().contains("CREATE"), win.toString());
            }
        }
    }

    /** Window keyvals: set, get (the same object), replace and delete run the delete action, close deletes the rest. */
    @MpiTest
    void windowsCacheJavaAttributes() {
        Comm world = TestMpi.world();
        java.util.List<String> deleted = new java.util.ArrayList<>();
        try (Keyval<String> key = Keyval.forWin(deleted::add);
             Keyval<String> other = Keyval.forWin();
             Keyval<String> commKey = Keyval.forComm()) {
            Win win = Win.allocate(world, 8, 1);
            String first = "rank " + world.rank();
            win.setAttr(key, first);
            assertSame(first, win.getAttr(key).orElseThrow());
            assertTrue(win.getAttr(other).isEmpty());
            win.setAttr(key, "second");
            assertEquals(java.util.List.of(first), deleted);
            assertTrue(win.deleteAttr(key));
            assertTrue(!win.deleteAttr(key), "nothing left to delete");
            assertEquals(java.util.List.of(first, "second"), deleted);
            win.setAttr(key, "third");
            assertThrows(IllegalArgumentException.class, () -> win.setAttr(commKey, "x"));
            win.close();
            assertEquals(java.util.List.of(first, "second", "third"), deleted, "close deletes what is cached");
            assertThrows(IllegalStateException.class, () -> win.getAttr(key));
        }
    }

    @MpiTest
    void allocateOwnsMemoryUntilClosed() {
        Comm world = TestMpi.world();
        Win win = Win.allocate(world, 8L * (world.rank() + 1), Long.BYTES);
        MemorySegment mem = win.memory();
        assertEquals(WinFlavor.ALLOCATE, win.flavor());
        assertEquals(8L * (world.rank() + 1), mem.byteSize());
        assertEquals(mem.byteSize(), win.size());
        assertEquals(mem.address(), win.base());
        assertEquals(Long.BYTES, win.dispUnit());
        assertEquals(MemoryModel.UNIFIED, win.model());
        gatheredSizes(win, world, 8, Long.BYTES);
        for (int i = 0; i <= world.rank(); i++) {
            mem.setAtIndex(JAVA_LONG, i, world.rank() * 100L + i);
        }
        assertEquals(world.rank() * 100L + world.rank(), mem.getAtIndex(JAVA_LONG, world.rank()));
        win.close();
        win.close(); // freed once; the second close does nothing
        assertThrows(IllegalStateException.class, () -> mem.get(JAVA_LONG, 0), "memory is gone with the window");
        IllegalStateException e = assertThrows(IllegalStateException.class, win::size);
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
        assertThrows(IllegalStateException.class, win::memory);
        assertThrows(IllegalStateException.class, () -> win.fence());
    }

    @MpiTest
    void allocateSharedIsTheSharedFlavor() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0); Win win = Win.allocateShared(node, 16, 4)) {
            assertEquals(WinFlavor.SHARED, win.flavor());
            assertEquals(16, win.size());
            assertEquals(4, win.dispUnit());
            assertEquals(win.memory().address(), win.base());
            assertEquals(MemoryModel.UNIFIED, win.model());
        }
    }

    @MpiTest(np = {2, 4})
    void dynamicWindowHasNoFixedSize() {
        Comm world = TestMpi.world();
        try (Win win = Win.createDynamic(world)) {
            assertEquals(WinFlavor.DYNAMIC, win.flavor());
            assertEquals(0, win.size());
            assertEquals(1, win.targetDispUnit(0));
            IllegalStateException e = assertThrows(IllegalStateException.class, win::memory);
            assertTrue(e.getMessage().contains("attach"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> win.targetSize(0));
        }
    }

    @MpiTest
    void windowsOnADupAndAfterItIsFreed() {
        Comm world = TestMpi.world();
        Comm dup = world.dup();
        Win win = Win.allocate(dup, 8, 8);
        dup.close(); // MPI keeps what the window needs of the communicator
        win.memory().set(JAVA_LONG, 0, 0);
        win.fence();
        try (Arena arena = Arena.ofConfined()) {
            win.accumulate(arena.allocateFrom(JAVA_LONG, 1), Datatype.LONG, 0, 0, Op.SUM);
            win.fence();
        }
        if (world.rank() == 0) {
            assertEquals(world.size(), win.memory().get(JAVA_LONG, 0));
        }
        win.close();
    }

    @MpiTest
    void infoHintsReachTheWindow() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0);
             Win win = Win.allocateShared(node, 64, 8, Map.of("alloc_shared_noncontig", "true"))) {
            Map<String, String> info = win.info();
            assertEquals("true", info.get("alloc_shared_noncontig"), "info: " + info);
            win.memory().set(JAVA_LONG, 0, 7);
            assertEquals(7, win.sharedQuery(node.rank()).get(JAVA_LONG, 0));
        }
    }

    /**
     * MPI_Win_set_info / MPI_Win_get_info after creation. Which hints a window keeps depends
     * on who serves it: MPICH and Open MPI's osc/rdma keep {@code no_locks}; osc/sm, which
     * serves Open MPI's window of one process, keeps {@code blocking_fence} and drops
     * {@code no_locks} at the first set_info.
     */
    @MpiTest
    void hintsSetAfterCreationAreReported() {
        Comm world = TestMpi.world();
        try (Win win = Win.allocate(world, 64, 8, Map.of("no_locks", "true"))) {
            try (Info got = win.getInfo()) {
                assertEquals(Optional.of("true"), got.get("no_locks"));
            }
            String key = win.info().containsKey("blocking_fence") ? "blocking_fence" : "no_locks";
            win.setInfo(Map.of(key, "false"));
            try (Info got = win.getInfo()) {
                assertEquals(Optional.of("false"), got.get(key));
            }
            try (Info hints = Info.of(Map.of(key, "true"))) {
                win.setInfo(hints);
            }
            assertEquals("true", win.info().get(key));
            Checks.fails(NullPointerException.class, "info", () -> win.setInfo((Info) null));
            Checks.fails(NullPointerException.class, "hints", () -> win.setInfo((Map<String, String>) null));
            Checks.fails(IllegalArgumentException.class, "hints: the value of key 'no_locks' is empty",
                    () -> win.setInfo(Map.of("no_locks", "")));
            // the window still works
            win.fence();
            win.put(new long[] {world.rank()}, Checks.next(world), 0);
            win.fence();
            assertEquals(Checks.prev(world), win.memory().get(JAVA_LONG, 0));
        }
    }

    /** MPI_Win_set_name / MPI_Win_get_name, and what a closed window says. */
    @MpiTest
    void namesAreSetPerProcess() {
        Comm world = TestMpi.world();
        Win win = Win.allocate(world, 8, 8);
        try {
            win.name("window of rank " + world.rank());
            assertEquals("window of rank " + world.rank(), win.name());
            Checks.fails(IllegalArgumentException.class, "name: contains a NUL", () -> win.name("\0"));
            Checks.fails(NullPointerException.class, "name", () -> win.name(null));
            assertEquals("window of rank " + world.rank(), win.name());
        } finally {
            win.close();
        }
        Checks.fails(IllegalStateException.class, "freed", win::name);
        Checks.fails(IllegalStateException.class, "freed", () -> win.name("late"));
        Checks.fails(IllegalStateException.class, "freed", win::getInfo);
    }

    /**
     * A communicator of one process: this Open MPI has no one-sided component that serves
     * memory of the caller or dynamic windows there (osc/pt2pt is excluded, osc/rdma needs
     * RDMA to every member); the failure comes back as an MpiException that says so, and
     * MPI-allocated windows on the same communicator work. MPICH serves all three.
     */
    @MpiTest
    void oneProcessCommunicatorTakesOnlyAllocatedWindows() {
        Comm world = TestMpi.world();
        try (Comm alone = world.split(world.rank(), 0); Arena arena = Arena.ofConfined()) {
            if (TestMpi.mpich()) { // MPICH serves every flavour on one process
                try (Win w = Win.create(alone, arena.allocate(JAVA_LONG, 2), 8); Win d = Win.createDynamic(alone);
                        Group g = d.group()) {
                    assertEquals(1, g.size());
                }
            } else if (!TestMpi.oscUcx()) { // osc/ucx takes them
                MpiException e = assertThrows(MpiException.class,
                        () -> Win.create(alone, arena.allocate(JAVA_LONG, 2), 8).close());
                assertTrue(e.getMessage().contains("MPI_Win_create on a one-process communicator"), e.getMessage());
                e = assertThrows(MpiException.class, () -> Win.createDynamic(alone).close());
                assertTrue(e.getMessage().contains("MPI_Win_create_dynamic"), e.getMessage());
            }
            try (Win win = Win.allocate(alone, 16, 8)) {
                win.fence();
                win.put(arena.allocateFrom(JAVA_LONG, 41, 42), Datatype.LONG, 0, 0);
                win.fence();
                assertEquals(42, win.memory().getAtIndex(JAVA_LONG, 1));
            }
            world.barrier();
        }
    }
}
