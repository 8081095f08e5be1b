package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Communicator and group management, checked by membership and by traffic on the results. */
class CommunicatorTest {

    @MpiTest
    void dupIsCongruentAndIsolated() {
        Comm world = TestMpi.world();
        try (Comm dup = world.dup()) {
            assertEquals(Comparison.IDENT, world.compare(world));
            assertEquals(Comparison.CONGRUENT, world.compare(dup));
            assertEquals(world.rank(), dup.rank());
            dup.name("jmpi-dup");
            assertEquals("jmpi-dup", dup.name());
            int[] sum = {0};
            dup.allreduce(new int[] {1}, sum, Op.SUM);
            assertEquals(world.size(), sum[0]);
            dup.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, dup::barrier);
            assertTrue(e.getMessage().contains("freed"), e.getMessage());
        }
    }

    @MpiTest
    void splitByParityReversed() {
        Comm world = TestMpi.world();
        int color = world.rank() % 2;
        try (Comm half = world.split(color, -world.rank())) {
            int members = (world.size() + 1 - color) / 2;
            assertEquals(members, half.size());
            // key = -rank: the highest old rank becomes rank 0
            int[] oldRanks;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(JAVA_INT, half.size());
                half.allgather(arena.allocateFrom(JAVA_INT, world.rank()), out, Datatype.INT);
                oldRanks = out.toArray(JAVA_INT);
            }
            for (int i = 1; i < oldRanks.length; i++) {
                assertTrue(oldRanks[i - 1] > oldRanks[i]);
                assertEquals(color, oldRanks[i] % 2);
            }
        }
        Comm maybe = world.split(world.rank() == 0 ? Group.UNDEFINED : 1, 0);
        if (world.rank() == 0) {
            assertNull(maybe, "color UNDEFINED gets no communicator");
        } else {
            assertEquals(world.size() - 1, maybe.size());
            assertEquals(world.rank() - 1, maybe.rank());
            maybe.close();
        }
    }

    @MpiTest
    void sharedMemorySplitHoldsTheWholeNode() {
        Comm world = TestMpi.world();
        // The ranks on this rank's host, by processor name (all of them on one machine;
        // a subset when the suite runs across the test hosts of native-scripts/test-hosts).
        byte[] name = java.util.Arrays.copyOf(TestMpi.mpi().processorName().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 256);
        byte[] all = new byte[256 * world.size()];
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment mine = arena.allocate(256);
            java.lang.foreign.MemorySegment names = arena.allocate(all.length);
            mine.copyFrom(java.lang.foreign.MemorySegment.ofArray(name));
            world.allgather(mine, names, Datatype.BYTE);
            names.asByteBuffer().get(all);
        }
        int local = 0;
        int below = 0;
        for (int r = 0; r < world.size(); r++) {
            if (java.util.Arrays.equals(all, 256 * r, 256 * r + 256, name, 0, 256)) {
                local++;
                below += r < world.rank() ? 1 : 0;
            }
        }
        try (Comm node = world.splitShared(0)) {
            assertEquals(local, node.size());
            assertEquals(below, node.rank());
        }
    }

    @MpiTest
    void rangeInclusionAndExclusion() {
        Comm world = TestMpi.world();
        int n = world.size();
        try (Group all = world.group();
             Group evens = all.rangeIncl(new int[] {0, n - 1, 2});
             Group backwards = all.rangeIncl(new int[] {n - 1, 0, -1});
             Group odds = all.rangeExcl(new int[] {0, n - 1, 2})) {
            assertEquals((n + 1) / 2, evens.size());
            assertEquals(n / 2, odds.size());
            assertEquals(world.rank() % 2 == 0 ? world.rank() / 2 : Group.UNDEFINED, evens.rank());
            assertEquals(n - 1 - world.rank(), backwards.rank());
            int[] all2 = new int[n];
            for (int i = 0; i < n; i++) {
                all2[i] = i;
            }
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = n - 1 - i;
            }
            assertArrayEquals(expected, all.translateRanks(all2, backwards));
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> all.rangeIncl(new int[] {0, 0, 1}, new int[] {0, n - 1, 1}));
            assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
            IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                    () -> all.rangeIncl(new int[] {0, 0, 0}));
            assertTrue(stride.getMessage().startsWith("ranges[0]: stride"), stride.getMessage());
            assertThrows(IllegalArgumentException.class, () -> all.rangeExcl(new int[] {0, n, 1}));
            assertThrows(IllegalArgumentException.class, () -> all.rangeExcl(new int[] {0, 1}));
        }
    }

    @MpiTest
    void groupsAndCreate() {
        Comm world = TestMpi.world();
        int n = world.size();
        try (Group all = world.group();
             Group evens = all.incl(evenRanks(n));
             Group odds = all.excl(evenRanks(n));
             Group both = evens.union(odds);
             Group none = evens.intersection(odds);
             Group rest = all.difference(evens)) {
            assertEquals(n, all.size());
            assertEquals(world.rank(), all.rank());
            assertEquals((n + 1) / 2, evens.size());
            assertEquals(n / 2, odds.size());
            assertEquals(0, none.size());
            assertEquals(Comparison.IDENT, rest.compare(odds));
            assertEquals(n <= 2 ? Comparison.IDENT : Comparison.SIMILAR, both.compare(all));
            int[] back = evens.translateRanks(new int[] {0}, all);
            assertArrayEquals(new int[] {0}, back);
            if (n > 1) {
                assertArrayEquals(new int[] {Group.UNDEFINED}, odds.translateRanks(new int[] {0}, evens));
            }
            assertThrows(IllegalArgumentException.class, () -> all.incl(0, 0));
            assertThrows(IllegalArgumentException.class, () -> all.incl(n));
            try (Comm evenComm = world.create(evens)) {
                if (world.rank() % 2 == 0) {
                    assertEquals((n + 1) / 2, evenComm.size());
                    assertEquals(world.rank() / 2, evenComm.rank());
                } else {
                    assertNull(evenComm);
                }
            }
        }
    }

    private static int[] evenRanks(int n) {
        int[] r = new int[(n + 1) / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = 2 * i;
        }
        return r;
    }
}
