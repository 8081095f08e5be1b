package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared-memory windows: each process's part mapped by the others through
 * {@code sharedQuery}, read and written with plain loads and stores as well as RMA.
 */
class WinSharedTest {

    @MpiTest
    void neighboursPartsAreDirectlyReadable() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0); Win win = Win.allocateShared(node, 8L * (node.rank() + 1), 8)) {
            int r = node.rank();
            int n = node.size();
            for (int i = 0; i <= r; i++) {
                win.memory().setAtIndex(JAVA_LONG, i, 1000L * r + i);
            }
            win.lockAll(WinAssert.NOCHECK);
            win.sync();
            node.barrier();
            win.sync();
            for (int p = 0; p < n; p++) {
                MemorySegment part = win.sharedQuery(p);
                assertEquals(8L * (p + 1), part.byteSize(), "part of rank " + p);
                for (int i = 0; i <= p; i++) {
                    assertEquals(1000L * p + i, part.getAtIndex(JAVA_LONG, i), "rank " + p + " element " + i);
                }
            }
            assertEquals(win.memory().address(), win.sharedQuery(r).address());
            assertEquals(win.sharedQuery(0).address(), win.sharedQuery(Comm.PROC_NULL).address(),
                    "PROC_NULL: the lowest rank with memory");
            node.barrier();
            win.unlockAll();
        }
    }

    @MpiTest
    void storesIntoANeighbourAreSeenByItAndByRma() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0); Win win = Win.allocateShared(node, 16, 4);
             Arena arena = Arena.ofConfined()) {
            int r = node.rank();
            int next = (r + 1) % node.size();
            int prev = (r - 1 + node.size()) % node.size();
            win.lockAll();
            win.sharedQuery(next).setAtIndex(JAVA_INT, 1, 70 + r); // a plain store into the neighbour's part
            win.sync();
            node.barrier();
            win.sync();
            assertEquals(70 + prev, win.memory().getAtIndex(JAVA_INT, 1));
            MemorySegment got = arena.allocate(JAVA_INT);
            win.get(got, Datatype.INT, next, 1);
            win.flush(next);
            assertEquals(70 + r, got.get(JAVA_INT, 0), "RMA reads what the store left");
            node.barrier();
            win.unlockAll();
        }
    }

    @MpiTest
    void atomicsAgreeWithDirectLoads() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0); Win win = Win.allocateShared(node, node.rank() == 0 ? 16 : 0, 8)) {
            int n = node.size();
            assertEquals(node.rank() == 0 ? 16 : 0, win.memory().byteSize());
            assertEquals(16, win.targetSize(0));
            assertEquals(n > 1 ? 0 : 16, win.targetSize(n - 1));
            win.memory().fill((byte) 0);
            node.barrier();
            win.lockAll();
            for (int k = 0; k < 10; k++) {
                win.fetchAndOp(JAVA_LONG, 2, 0, 0, Op.SUM);
            }
            long old = win.compareAndSwap(JAVA_LONG, 100L + node.rank(), 0, 0, 1);
            win.flushAll();
            node.barrier();
            win.sync();
            MemorySegment counter = win.sharedQuery(0);
            assertEquals(20L * n, counter.get(JAVA_LONG, 0), "every increment landed");
            long winner = counter.get(JAVA_LONG, 8);
            assertTrue(winner >= 100 && winner < 100 + n, "value " + winner);
            assertEquals(old == 0, winner == 100 + node.rank(), "only the winner saw 0");
            node.barrier();
            win.unlockAll();
        }
    }

    @MpiTest
    void noncontiguousPartsAndOtherFlavorsRefuseQueries() {
        Comm world = TestMpi.world();
        try (Comm node = world.splitShared(0)) {
            try (Win win = Win.allocateShared(node, 4096, 1, Map.of("alloc_shared_noncontig", "true"))) {
                win.memory().fill((byte) node.rank());
                win.fence();
                for (int p = 0; p < node.size(); p++) {
                    MemorySegment part = win.sharedQuery(p);
                    assertEquals(4096, part.byteSize());
                    assertEquals(p, part.get(JAVA_BYTE, 4095));
                }
                win.fence();
            }
            try (Win win = Win.allocate(node, 8, 8)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> win.sharedQuery(0));
                assertTrue(e.getMessage().contains("allocateShared"), e.getMessage());
            }
        }
    }

    @MpiTest
    void sharedMemoryIsGoneAfterClose() {
        Comm world = TestMpi.world();
        Comm node = world.splitShared(0);
        Win win = Win.allocateShared(node, 8, 8);
        MemorySegment mine = win.memory();
        MemorySegment first = win.sharedQuery(0);
        win.fence();
        win.close();
        assertThrows(IllegalStateException.class, () -> mine.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, () -> first.get(JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, () -> win.sharedQuery(0));
        node.close();
    }
}
