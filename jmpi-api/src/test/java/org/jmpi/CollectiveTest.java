package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Blocking collectives, checked by the values every rank ends with. */
class CollectiveTest {

    @MpiTest
    void bcastFromEveryRoot() {
        Comm world = TestMpi.world();
        for (int root = 0; root < world.size(); root++) {
            long[] buf = new long[5];
            if (world.rank() == root) {
                for (int i = 0; i < 5; i++) {
                    buf[i] = root * 100L + i;
                }
            }
            world.bcast(buf, root);
            for (int i = 0; i < 5; i++) {
                assertEquals(root * 100L + i, buf[i]);
            }
        }
    }

    @MpiTest
    void allreduceSumMaxAndInPlace() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[] send = {world.rank(), 1, -world.rank()};
        int[] sum = new int[3];
        world.allreduce(send, sum, Op.SUM);
        assertArrayEquals(new int[] {n * (n - 1) / 2, n, -n * (n - 1) / 2}, sum);
        double[] inPlace = {world.rank() + 0.5};
        world.allreduce(inPlace, Op.MAX);
        assertEquals(n - 0.5, inPlace[0]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_LONG, 2);
            seg.setAtIndex(JAVA_LONG, 0, 1L << (world.rank() + 40));
            seg.setAtIndex(JAVA_LONG, 1, world.rank() + 2);
            world.allreduce(seg, Datatype.INT64, Op.BOR);
            long bits = 0;
            long or = 0;
            for (int r = 0; r < n; r++) {
                bits |= 1L << (r + 40);
                or |= r + 2;
            }
            assertEquals(bits, seg.getAtIndex(JAVA_LONG, 0));
            assertEquals(or, seg.getAtIndex(JAVA_LONG, 1));
        }
    }

    @MpiTest
    void reduceToLastRank() {
        Comm world = TestMpi.world();
        int root = world.size() - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_DOUBLE, 2);
            send.setAtIndex(JAVA_DOUBLE, 0, world.rank() + 1);
            send.setAtIndex(JAVA_DOUBLE, 1, 2);
            MemorySegment recv = world.rank() == root ? arena.allocate(JAVA_DOUBLE, 2) : null;
            world.reduce(send, recv, Datatype.DOUBLE, Op.PROD, root);
            if (world.rank() == root) {
                double fact = 1;
                for (int r = 1; r <= world.size(); r++) {
                    fact *= r;
                }
                assertEquals(fact, recv.getAtIndex(JAVA_DOUBLE, 0));
                assertEquals(Math.pow(2, world.size()), recv.getAtIndex(JAVA_DOUBLE, 1));
            }
        }
    }

    @MpiTest
    void gatherScatterAllgatherAlltoall() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = arena.allocate(JAVA_INT, 2);
            mine.setAtIndex(JAVA_INT, 0, me);
            mine.setAtIndex(JAVA_INT, 1, me * me);
            MemorySegment all = arena.allocate(JAVA_INT, 2L * n);
            world.gather(mine, me == 0 ? all : null, Datatype.INT, 0);
            if (me == 0) {
                for (int r = 0; r < n; r++) {
                    assertEquals(r, all.getAtIndex(JAVA_INT, 2L * r));
                    assertEquals(r * r, all.getAtIndex(JAVA_INT, 2L * r + 1));
                }
            }
            MemorySegment everyone = arena.allocate(JAVA_INT, 2L * n);
            world.allgather(mine, everyone, Datatype.INT);
            for (int r = 0; r < n; r++) {
                assertEquals(r * r, everyone.getAtIndex(JAVA_INT, 2L * r + 1));
            }
            MemorySegment blocks = arena.allocate(JAVA_INT, 2L * n);
            for (int r = 0; r < n; r++) {
                blocks.setAtIndex(JAVA_INT, 2L * r, 1000 * me + r);
                blocks.setAtIndex(JAVA_INT, 2L * r + 1, -(1000 * me + r));
            }
            MemorySegment part = arena.allocate(JAVA_INT, 2);
            world.scatter(me == 0 ? blocks : null, part, Datatype.INT, 0);
            assertEquals(me, part.getAtIndex(JAVA_INT, 0));
            assertEquals(-me, part.getAtIndex(JAVA_INT, 1));
            MemorySegment swapped = arena.allocate(JAVA_INT, 2L * n);
            world.alltoall(blocks, swapped, Datatype.INT);
            for (int r = 0; r < n; r++) {
                assertEquals(1000 * r + me, swapped.getAtIndex(JAVA_INT, 2L * r));
                assertEquals(-(1000 * r + me), swapped.getAtIndex(JAVA_INT, 2L * r + 1));
            }
        }
    }

    @MpiTest
    void scanExscanAndReduceScatterBlock() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(JAVA_INT);
            one.set(JAVA_INT, 0, me + 1);
            MemorySegment out = arena.allocate(JAVA_INT);
            world.scan(one, out, Datatype.INT, Op.SUM);
            assertEquals((me + 1) * (me + 2) / 2, out.get(JAVA_INT, 0));
            world.exscan(one, out, Datatype.INT, Op.SUM);
            if (me > 0) {
                assertEquals(me * (me + 1) / 2, out.get(JAVA_INT, 0));
            }
            MemorySegment blocks = arena.allocate(JAVA_INT, n);
            for (int r = 0; r < n; r++) {
                blocks.setAtIndex(JAVA_INT, r, r * 10 + me);
            }
            world.reduceScatterBlock(blocks, out, Datatype.INT, Op.SUM);
            assertEquals(n * me * 10 + n * (n - 1) / 2, out.get(JAVA_INT, 0));
        }
    }
}
