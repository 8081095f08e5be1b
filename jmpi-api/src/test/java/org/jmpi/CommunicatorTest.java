package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Optional;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @MpiTest
    void dupWithInfoCarriesTheHints() {
        Comm world = TestMpi.world();
        try (Comm hinted = world.dupWithInfo(Map.of("mpi_assert_no_any_tag", "true"));
             Info hints = Info.of(Map.of("mpi_assert_no_any_source", "true"));
             Comm fromInfo = world.dupWithInfo(hints)) {
            assertEquals(Comparison.CONGRUENT, world.compare(hinted));
            assertEquals(Comparison.CONGRUENT, world.compare(fromInfo));
            try (Info got = hinted.getInfo()) {
                assertEquals(Optional.of("true"), got.get("mpi_assert_no_any_tag"));
            }
            try (Info got = fromInfo.getInfo()) {
                assertEquals(Optional.of("true"), got.get("mpi_assert_no_any_source"));
            }
            int[] sum = {0};
            hinted.allreduce(new int[] {hinted.rank() + 1}, sum, Op.SUM);
            assertEquals(hinted.size() * (hinted.size() + 1) / 2, sum[0]);
            int[] in = new int[1];
            fromInfo.sendrecv(new int[] {fromInfo.rank()}, Checks.next(fromInfo), 4, in, Checks.prev(fromInfo), 4);
            assertEquals(Checks.prev(fromInfo), in[0]);
        }
        try (Comm plain = world.dupWithInfo(Map.of())) {
            assertEquals(world.size(), plain.size());
        }
        Checks.fails(NullPointerException.class, "info", () -> world.dupWithInfo((Info) null));
        Checks.fails(NullPointerException.class, "hints", () -> world.dupWithInfo((Map<String, String>) null));
        Checks.fails(IllegalArgumentException.class, "hints: key '' is empty", () -> world.dupWithInfo(Map.of("", "v")));
        Info closed = Info.create();
        closed.close();
        Checks.fails(IllegalStateException.class, "freed", () -> world.dupWithInfo(closed));
    }

    /**
     * MPI_Comm_idup: the communicator comes out of the request. Rank 0 starts the
     * duplication before the others, which wait for its word on another communicator, so
     * on several ranks its request cannot have completed when it asks for the communicator.
     */
    @MpiTest
    void idupGivesTheCommunicatorWhenItsRequestCompletes() {
        Comm world = TestMpi.world();
        try (Comm side = world.dup()) {
            PendingComm pending;
            if (world.rank() == 0) {
                pending = world.idup();
                if (world.size() > 1) {
                    Checks.fails(IllegalStateException.class, "has not completed", pending::get);
                    Checks.fails(IllegalStateException.class, "must complete before it is closed",
                            pending.request()::close);
                    assertFalse(pending.request().isDone());
                }
                for (int r = 1; r < world.size(); r++) {
                    side.send(new int[] {1}, r, 0);
                }
            } else {
                side.recv(new int[1], 0, 0);
                pending = world.idup();
            }
            PendingComm second = world.idup();
            Request.waitAll(pending.request(), second.request());
            try (Comm copy = pending.get(); Comm other = second.waitFor()) {
                assertSame(copy, pending.get());
                assertEquals(Comparison.CONGRUENT, world.compare(copy));
                assertEquals(Comparison.CONGRUENT, copy.compare(other));
                assertEquals(world.rank(), copy.rank());
                int[] max = {-1};
                copy.allreduce(new int[] {copy.rank()}, max, Op.MAX);
                assertEquals(world.size() - 1, max[0]);
            }
        }
    }

    @MpiTest
    void createGroupIsCollectiveOverTheGroupOnly() {
        Comm world = TestMpi.world();
        int n = world.size();
        boolean even = world.rank() % 2 == 0;
        try (Group all = world.group();
             Group evens = all.incl(evenRanks(n));
             Group odds = all.excl(evenRanks(n));
             // each half creates its own communicator with the same tag: the groups are disjoint
             Comm mine = world.createGroup(even ? evens : odds, 11);
             Comm notMine = world.createGroup(even ? odds : evens, 12)) {
            assertNull(notMine, "a process outside the group gets null without calling MPI");
            assertEquals(even ? (n + 1) / 2 : n / 2, mine.size());
            assertEquals(world.rank() / 2, mine.rank());
            int[] sum = {0};
            mine.allreduce(new int[] {world.rank()}, sum, Op.SUM);
            int expected = 0;
            for (int r = world.rank() % 2; r < n; r += 2) {
                expected += r;
            }
            assertEquals(expected, sum[0]);
            Checks.fails(NullPointerException.class, "group", () -> world.createGroup(null, 0));
            Checks.fails(IllegalArgumentException.class, "tag: tag -1", () -> world.createGroup(evens, -1));
            if (n > 1) {
                try (Comm half = world.split(world.rank() < n / 2 ? 0 : 1, 0)) {
                    Checks.fails(IllegalArgumentException.class, "group: its rank", () -> half.createGroup(all, 0));
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
